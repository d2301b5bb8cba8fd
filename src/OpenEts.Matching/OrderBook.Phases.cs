namespace OpenEts.Matching;

/// <summary>Halts, the opening call auction and its uncross.</summary>
public sealed partial class OrderBook
{
    private Outcome Halt(in Command c)
    {
        if (_halted)
        {
            return Outcome.Reject(c.Sequence, 0, Reason.AlreadyHalted);
        }

        _halted = true;
        return Accepted(c.Sequence);
    }

    private Outcome Resume(in Command c)
    {
        if (!_halted)
        {
            return Outcome.Reject(c.Sequence, 0, Reason.NotHalted);
        }

        _halted = false;
        return Accepted(c.Sequence);
    }

    private Outcome OpenAuction(in Command c)
    {
        if (_halted)
        {
            return Outcome.Reject(c.Sequence, 0, Reason.Halted);
        }

        if (_phase == TradingPhase.Call)
        {
            return Outcome.Reject(c.Sequence, 0, Reason.AlreadyInCallPhase);
        }

        _phase = TradingPhase.Call;
        return Accepted(c.Sequence);
    }

    private static Outcome Accepted(long sequence) =>
        new(sequence, 0, OutcomeStatus.Accepted, Reason.None, 0, 0, 0, 0);

    /// <summary>
    /// Ends the call phase: all crossing volume trades at one price, chosen by (1) maximum executable volume,
    /// (2) minimum imbalance, (3) nearest the reference price, (4) the lower price; candidates are every tick in the
    /// band. Bids (highest first, FIFO) are paired with asks (lowest first, FIFO). Then continuous trading starts.
    /// </summary>
    private Outcome Uncross(in Command c, TradeBuffer trades)
    {
        if (_halted)
        {
            return Outcome.Reject(c.Sequence, 0, Reason.Halted);
        }

        if (_phase != TradingPhase.Call)
        {
            return Outcome.Reject(c.Sequence, 0, Reason.NotInCallPhase);
        }

        int before = trades.Count;
        long volume = FindUncrossing(out int level);
        long price = volume > 0 ? PriceOf(level) : 0;
        long left = volume;
        while (left > 0)
        {
            int b = _bids[_bestBid].Head;
            int a = _asks[_bestAsk].Head;
            ref Node bid = ref _nodes[b];
            ref Node ask = ref _nodes[a];
            long q = Math.Min(left, Math.Min(bid.Remaining, ask.Remaining));
            trades.Add(new Trade(c.Sequence, bid.Id, ask.Id, bid.Account, ask.Account, Aggressor.Auction, price, q));
            left -= q;
            TakeFromHead(b, q);
            TakeFromHead(a, q);
        }

        _phase = TradingPhase.Continuous;
        return new Outcome(c.Sequence, 0, OutcomeStatus.Accepted, Reason.None, volume, 0, 0, trades.Count - before);
    }

    private void TakeFromHead(int n, long quantity)
    {
        ref Node o = ref _nodes[n];
        if (quantity < o.Remaining)
        {
            o.Remaining -= quantity;
            (o.Side == Side.Buy ? _bids : _asks)[o.Level].Quantity -= quantity;
            return;
        }

        Unlink(n);
        _ids.Remove(o.Id);
        FreeNode(n);
    }

    private long FindUncrossing(out int bestLevel)
    {
        long totalBid = 0;
        for (int li = 0; li < _levelCount; li++)
        {
            totalBid += _bids[li].Quantity;
        }

        long bestVolume = 0;
        long bestImbalance = 0;
        long bestDistance = 0;
        bestLevel = None;
        long bidsBelow = 0;
        long asksAtOrBelow = 0;
        for (int li = 0; li < _levelCount; li++)
        {
            asksAtOrBelow += _asks[li].Quantity;
            long bidsAtOrAbove = totalBid - bidsBelow;
            bidsBelow += _bids[li].Quantity;
            long volume = Math.Min(bidsAtOrAbove, asksAtOrBelow);
            if (volume == 0)
            {
                continue;
            }

            long imbalance = Math.Abs(bidsAtOrAbove - asksAtOrBelow);
            long distance = Math.Abs(PriceOf(li) - _settings.ReferencePriceFen);
            bool better = volume > bestVolume
                || (volume == bestVolume && (imbalance < bestImbalance
                    || (imbalance == bestImbalance && distance < bestDistance)));
            if (better)
            {
                bestVolume = volume;
                bestImbalance = imbalance;
                bestDistance = distance;
                bestLevel = li;
            }
        }

        return bestVolume;
    }
}
