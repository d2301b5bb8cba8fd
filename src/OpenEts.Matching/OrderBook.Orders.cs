namespace OpenEts.Matching;

/// <summary>New orders, cancels and amends; the continuous matching loop.</summary>
public sealed partial class OrderBook
{
    // Checks run in this order and the first failure is the reason (docs/matching.md, "Validation order").
    private Outcome Submit(in Command c, TradeBuffer trades)
    {
        long seq = c.Sequence;
        long id = c.OrderId;
        if (_halted)
        {
            return Outcome.Reject(seq, id, Reason.Halted);
        }

        if (id <= 0)
        {
            return Outcome.Reject(seq, id, Reason.BadOrderId);
        }

        if (c.Account <= 0)
        {
            return Outcome.Reject(seq, id, Reason.BadAccount);
        }

        if ((uint)c.Side > (uint)Side.Sell)
        {
            return Outcome.Reject(seq, id, Reason.BadSide);
        }

        if ((uint)c.Type > (uint)OrderType.Fok)
        {
            return Outcome.Reject(seq, id, Reason.BadOrderType);
        }

        if (_phase == TradingPhase.Call && c.Type != OrderType.Limit)
        {
            return Outcome.Reject(seq, id, Reason.NotAllowedInCallPhase);
        }

        Reason reason = CheckQuantity(c.Quantity);
        if (reason != Reason.None)
        {
            return Outcome.Reject(seq, id, reason);
        }

        bool buy = c.Side == Side.Buy;
        int limit;
        if (c.Type == OrderType.Market && c.PriceFen == Command.NoPrice)
        {
            // Market protection: a market order never sweeps beyond the band edge.
            limit = buy ? _levelCount - 1 : 0;
        }
        else
        {
            reason = CheckLimitPrice(c.PriceFen, out limit);
            if (reason != Reason.None)
            {
                return Outcome.Reject(seq, id, reason);
            }
        }

        if (_ids.Get(id) != None)
        {
            return Outcome.Reject(seq, id, Reason.DuplicateOrderId);
        }

        if (_phase == TradingPhase.Call)
        {
            if (_stp && CrossesOwnOrder(buy, c.Account, limit))
            {
                return Outcome.Reject(seq, id, Reason.SelfTrade);
            }

            AddResting(id, c.Account, c.Side, limit, c.Quantity);
            return new Outcome(seq, id, OutcomeStatus.Accepted, Reason.None, 0, c.Quantity, 0, 0);
        }

        if (c.Type == OrderType.Fok && !CanFill(buy, c.Account, limit, c.Quantity))
        {
            return Outcome.Reject(seq, id, Reason.FokNotFillable);
        }

        int before = trades.Count;
        long remaining = c.Quantity;
        Stop stop = Match(buy, id, c.Account, limit, ref remaining, seq, trades);
        long filled = c.Quantity - remaining;
        if (remaining == 0)
        {
            return new Outcome(seq, id, OutcomeStatus.Accepted, Reason.None, filled, 0, 0, trades.Count - before);
        }

        if (stop != Stop.None)
        {
            return new Outcome(seq, id, OutcomeStatus.Accepted, StopReason(stop), filled, 0, remaining, trades.Count - before);
        }

        if (c.Type != OrderType.Limit)
        {
            return new Outcome(seq, id, OutcomeStatus.Accepted, Reason.UnfilledRemainderCancelled, filled, 0, remaining, trades.Count - before);
        }

        AddResting(id, c.Account, c.Side, limit, remaining);
        return new Outcome(seq, id, OutcomeStatus.Accepted, Reason.None, filled, remaining, 0, trades.Count - before);
    }

    private Outcome Cancel(in Command c)
    {
        int n = c.OrderId > 0 ? _ids.Get(c.OrderId) : None;
        if (n == None)
        {
            return Outcome.Reject(c.Sequence, c.OrderId, Reason.UnknownOrder);
        }

        ref Node o = ref _nodes[n];
        if (o.Account != c.Account)
        {
            return Outcome.Reject(c.Sequence, c.OrderId, Reason.NotOwner);
        }

        long quantity = o.Remaining;
        Unlink(n);
        _ids.Remove(c.OrderId);
        FreeNode(n);
        return new Outcome(c.Sequence, c.OrderId, OutcomeStatus.Accepted, Reason.None, 0, 0, quantity, 0);
    }

    private Outcome Amend(in Command c, TradeBuffer trades)
    {
        long seq = c.Sequence;
        long id = c.OrderId;
        if (_halted)
        {
            return Outcome.Reject(seq, id, Reason.Halted);
        }

        int n = id > 0 ? _ids.Get(id) : None;
        if (n == None)
        {
            return Outcome.Reject(seq, id, Reason.UnknownOrder);
        }

        ref Node o = ref _nodes[n];
        if (o.Account != c.Account)
        {
            return Outcome.Reject(seq, id, Reason.NotOwner);
        }

        int level = None;
        Reason reason = CheckQuantity(c.Quantity);
        if (reason == Reason.None)
        {
            reason = CheckLimitPrice(c.PriceFen, out level);
        }

        if (reason != Reason.None)
        {
            return Outcome.Reject(seq, id, reason);
        }

        long old = o.Remaining;
        long reduced = Math.Max(0, old - c.Quantity);
        if (level == o.Level && c.Quantity <= old)
        {
            // Same price, same or less quantity: keeps its place in the queue.
            o.Remaining = c.Quantity;
            (o.Side == Side.Buy ? _bids : _asks)[level].Quantity -= reduced;
            return new Outcome(seq, id, OutcomeStatus.Accepted, Reason.None, 0, c.Quantity, reduced, 0);
        }

        bool buy = o.Side == Side.Buy;
        long account = o.Account;
        if (_phase == TradingPhase.Call)
        {
            if (_stp && CrossesOwnOrder(buy, account, level))
            {
                return Outcome.Reject(seq, id, Reason.SelfTrade);
            }

            Unlink(n);
            o.Remaining = c.Quantity;
            LinkTail(n, level);
            return new Outcome(seq, id, OutcomeStatus.Accepted, Reason.None, 0, c.Quantity, reduced, 0);
        }

        // Loses priority: out of the book, matched like a new order, the rest to the back of the new level.
        Unlink(n);
        int before = trades.Count;
        long remaining = c.Quantity;
        Stop stop = Match(buy, id, account, level, ref remaining, seq, trades);
        long filled = c.Quantity - remaining;
        if (remaining > 0 && stop == Stop.None)
        {
            _nodes[n].Remaining = remaining;
            LinkTail(n, level);
            return new Outcome(seq, id, OutcomeStatus.Accepted, Reason.None, filled, remaining, reduced, trades.Count - before);
        }

        _ids.Remove(id);
        FreeNode(n);
        return new Outcome(
            seq, id, OutcomeStatus.Accepted, remaining > 0 ? StopReason(stop) : Reason.None,
            filled, 0, reduced + remaining, trades.Count - before);
    }

    /// <summary>
    /// Matches an incoming order against the other side up to level <paramref name="limit"/>, best price first and
    /// FIFO within a level, at the resting order's price, through at most <see cref="InstrumentSettings.MatchLevels"/>
    /// levels. Says why it stopped with quantity left that still crosses: a resting order of the same account (self-trade
    /// prevention) or the level limit; the caller cancels that remainder.
    /// </summary>
    private Stop Match(bool buy, long id, long account, int limit, ref long remaining, long seq, TradeBuffer trades)
    {
        Level[] levels = buy ? _asks : _bids;
        Node[] nodes = _nodes;
        Aggressor aggressor = buy ? Aggressor.Buy : Aggressor.Sell;
        int levelsLeft = _matchLevels;
        while (remaining > 0)
        {
            int li = buy ? _bestAsk : _bestBid;
            if (buy ? li > limit : li < limit)
            {
                return Stop.None;
            }

            if (levelsLeft == 0)
            {
                return Stop.LevelLimit;
            }

            levelsLeft--;

            ref Level lv = ref levels[li];
            long price = PriceOf(li);
            int n = lv.Head;
            bool selfTrade = false;
            while (n != None)
            {
                ref Node o = ref nodes[n];
                if (_stp && o.Account == account)
                {
                    selfTrade = true;
                    break;
                }

                long q = Math.Min(remaining, o.Remaining);
                trades.Add(buy
                    ? new Trade(seq, id, o.Id, account, o.Account, aggressor, price, q)
                    : new Trade(seq, o.Id, id, o.Account, account, aggressor, price, q));
                remaining -= q;
                lv.Quantity -= q;
                if (q < o.Remaining)
                {
                    o.Remaining -= q;
                    break;
                }

                int next = o.Next;
                _ids.Remove(o.Id);
                FreeNode(n);
                lv.Count--;
                n = next;
                if (remaining == 0)
                {
                    break;
                }
            }

            lv.Head = n;
            if (n == None)
            {
                lv.Tail = None;
                LevelEmptied(!buy, li);
            }
            else
            {
                nodes[n].Prev = None;
            }

            if (selfTrade)
            {
                return Stop.SelfTrade;
            }
        }

        return Stop.None;
    }

    private static Reason StopReason(Stop stop) => stop == Stop.SelfTrade ? Reason.SelfTradePrevented : Reason.BeyondBestLevels;

    /// <summary>Whether a fill-or-kill order would fill completely within the level limit, self-trade prevention included.</summary>
    private bool CanFill(bool buy, long account, int limit, long quantity)
    {
        Level[] levels = buy ? _asks : _bids;
        long available = 0;
        int levelsLeft = _matchLevels;
        int li = buy ? _bestAsk : _bestBid;
        while ((buy ? li <= limit : li >= limit && li != None) && levelsLeft-- > 0)
        {
            ref Level lv = ref levels[li];
            if (!_stp)
            {
                available += lv.Quantity;
            }
            else
            {
                for (int n = lv.Head; n != None; n = _nodes[n].Next)
                {
                    if (_nodes[n].Account == account)
                    {
                        return false;
                    }

                    available += _nodes[n].Remaining;
                    if (available >= quantity)
                    {
                        return true;
                    }
                }
            }

            if (available >= quantity)
            {
                return true;
            }

            li = buy ? _askBits.NextAtOrAbove(li + 1) : _bidBits.PrevAtOrBelow(li - 1);
        }

        return false;
    }

    /// <summary>Call phase: whether an order at <paramref name="limit"/> would cross a resting order of its own account.</summary>
    private bool CrossesOwnOrder(bool buy, long account, int limit)
    {
        Level[] levels = buy ? _asks : _bids;
        int li = buy ? _bestAsk : _bestBid;
        while (buy ? li <= limit : li >= limit && li != None)
        {
            for (int n = levels[li].Head; n != None; n = _nodes[n].Next)
            {
                if (_nodes[n].Account == account)
                {
                    return true;
                }
            }

            li = buy ? _askBits.NextAtOrAbove(li + 1) : _bidBits.PrevAtOrBelow(li - 1);
        }

        return false;
    }

    /// <summary>Why matching stopped with quantity left that still crosses the other side.</summary>
    private enum Stop
    {
        None,
        SelfTrade,
        LevelLimit,
    }
}
