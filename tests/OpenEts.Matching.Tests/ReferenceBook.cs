using OpenEts.Matching;

namespace OpenEts.Matching.Tests;

/// <summary>
/// The specification as a slow, obviously-correct model: two lists kept sorted by priority, linear scans, copies
/// instead of look-ahead. The fast book must agree with it on every outcome, trade and resting order.
/// </summary>
internal sealed class ReferenceBook
{
    private readonly InstrumentSettings _s;
    private List<Entry> _bids = [];
    private List<Entry> _asks = [];
    private long _clock;
    private bool _halted;
    private bool _call;

    public ReferenceBook(InstrumentSettings settings) => _s = settings;

    public List<RestingOrder> Orders() =>
        [.. _bids.Concat(_asks).Select(e => new RestingOrder(e.Id, e.Account, e.Side, e.Price, e.Quantity))];

    public Outcome Process(Command c, List<Trade> trades) => c.Kind switch
    {
        CommandKind.New => New(c, trades),
        CommandKind.Cancel => Cancel(c),
        CommandKind.Amend => Amend(c, trades),
        CommandKind.Halt => Flag(c, !_halted, Reason.AlreadyHalted, () => _halted = true),
        CommandKind.Resume => Flag(c, _halted, Reason.NotHalted, () => _halted = false),
        CommandKind.OpenAuction => _halted ? Reject(c, Reason.Halted) : Flag(c, !_call, Reason.AlreadyInCallPhase, () => _call = true),
        CommandKind.Uncross => Uncross(c, trades),
        _ => Reject(c, Reason.BadCommand),
    };

    private static Outcome Reject(Command c, Reason r) => new(c.Sequence, c.OrderId, OutcomeStatus.Rejected, r, 0, 0, 0, 0);

    private static Outcome Flag(Command c, bool allowed, Reason otherwise, Action apply)
    {
        if (!allowed)
        {
            return new(c.Sequence, 0, OutcomeStatus.Rejected, otherwise, 0, 0, 0, 0);
        }

        apply();
        return new(c.Sequence, 0, OutcomeStatus.Accepted, Reason.None, 0, 0, 0, 0);
    }

    private Reason QuantityRule(long q) =>
        q <= 0 ? Reason.BadQuantity : q % _s.LotTonnes != 0 ? Reason.OffLot : q > _s.MaxOrderTonnes ? Reason.TooLarge : Reason.None;

    private Reason PriceRule(long p) =>
        p <= 0 ? Reason.BadPrice : p % _s.TickFen != 0 ? Reason.OffTick
        : p < _s.LowerBandFen || p > _s.UpperBandFen ? Reason.OutsideBand : Reason.None;

    private bool SelfTradeRuleOn => _s.SelfTradePrevention == SelfTradePrevention.CancelIncoming;

    private static bool Crosses(Side side, long limit, long restingPrice) =>
        side == Side.Buy ? restingPrice <= limit : restingPrice >= limit;

    private List<Entry> Opposite(Side side) => side == Side.Buy ? _asks : _bids;

    private Entry? Find(long id) => _bids.Concat(_asks).FirstOrDefault(e => e.Id == id);

    private void Insert(Entry e)
    {
        List<Entry> list = e.Side == Side.Buy ? _bids : _asks;
        list.Add(e);
        list.Sort((x, y) => x.Price != y.Price
            ? (e.Side == Side.Buy ? y.Price.CompareTo(x.Price) : x.Price.CompareTo(y.Price))
            : x.Time.CompareTo(y.Time));
    }

    private Outcome New(Command c, List<Trade> trades)
    {
        if (_halted) return Reject(c, Reason.Halted);
        if (c.OrderId <= 0) return Reject(c, Reason.BadOrderId);
        if (c.Account <= 0) return Reject(c, Reason.BadAccount);
        if (c.Side is not (Side.Buy or Side.Sell)) return Reject(c, Reason.BadSide);
        if (c.Type is not (OrderType.Limit or OrderType.Market or OrderType.Ioc or OrderType.Fok)) return Reject(c, Reason.BadOrderType);
        if (_call && c.Type != OrderType.Limit) return Reject(c, Reason.NotAllowedInCallPhase);
        Reason r = QuantityRule(c.Quantity);
        if (r != Reason.None) return Reject(c, r);
        long limit = c.PriceFen;
        if (c.Type == OrderType.Market && c.PriceFen == Command.NoPrice)
        {
            limit = c.Side == Side.Buy ? _s.UpperBandFen : _s.LowerBandFen;
        }
        else if ((r = PriceRule(c.PriceFen)) != Reason.None)
        {
            return Reject(c, r);
        }

        if (Find(c.OrderId) is not null) return Reject(c, Reason.DuplicateOrderId);
        if (_call)
        {
            if (SelfTradeRuleOn && Opposite(c.Side).Any(e => e.Account == c.Account && Crosses(c.Side, limit, e.Price)))
            {
                return Reject(c, Reason.SelfTrade);
            }

            Insert(new Entry(c.OrderId, c.Account, c.Side, limit, c.Quantity, ++_clock));
            return new(c.Sequence, c.OrderId, OutcomeStatus.Accepted, Reason.None, 0, c.Quantity, 0, 0);
        }

        if (c.Type == OrderType.Fok)
        {
            // Try it on a copy: if the copy does not fill completely, nothing happened.
            ReferenceBook trial = Copy();
            var scratch = new List<Trade>();
            (long left, _) = trial.Match(c.Side, c.OrderId, c.Account, limit, c.Quantity, c.Sequence, scratch);
            if (left > 0) return Reject(c, Reason.FokNotFillable);
        }

        int before = trades.Count;
        (long remaining, Reason stop) = Match(c.Side, c.OrderId, c.Account, limit, c.Quantity, c.Sequence, trades);
        long filled = c.Quantity - remaining;
        int n = trades.Count - before;
        if (remaining == 0) return new(c.Sequence, c.OrderId, OutcomeStatus.Accepted, Reason.None, filled, 0, 0, n);
        if (stop != Reason.None) return new(c.Sequence, c.OrderId, OutcomeStatus.Accepted, stop, filled, 0, remaining, n);
        if (c.Type != OrderType.Limit) return new(c.Sequence, c.OrderId, OutcomeStatus.Accepted, Reason.UnfilledRemainderCancelled, filled, 0, remaining, n);
        Insert(new Entry(c.OrderId, c.Account, c.Side, limit, remaining, ++_clock));
        return new(c.Sequence, c.OrderId, OutcomeStatus.Accepted, Reason.None, filled, remaining, 0, n);
    }

    // Trades through at most MatchLevels distinct prices of the other side (0 = all); says why it stopped with quantity
    // left that still crosses: SelfTradePrevented, or BeyondBestLevels at the first price past the limit.
    private (long Remaining, Reason Stop) Match(Side side, long id, long account, long limit, long quantity, long seq, List<Trade> trades)
    {
        List<Entry> other = Opposite(side);
        var prices = new HashSet<long>();
        while (quantity > 0 && other.Count > 0 && Crosses(side, limit, other[0].Price))
        {
            Entry e = other[0];
            if (_s.MatchLevels > 0 && !prices.Contains(e.Price) && prices.Count == _s.MatchLevels) return (quantity, Reason.BeyondBestLevels);
            prices.Add(e.Price);
            if (SelfTradeRuleOn && e.Account == account) return (quantity, Reason.SelfTradePrevented);
            long q = Math.Min(quantity, e.Quantity);
            trades.Add(side == Side.Buy
                ? new Trade(seq, id, e.Id, account, e.Account, Aggressor.Buy, e.Price, q)
                : new Trade(seq, e.Id, id, e.Account, account, Aggressor.Sell, e.Price, q));
            quantity -= q;
            e.Quantity -= q;
            if (e.Quantity == 0) other.RemoveAt(0);
        }

        return (quantity, Reason.None);
    }

    private Outcome Cancel(Command c)
    {
        Entry? e = c.OrderId > 0 ? Find(c.OrderId) : null;
        if (e is null) return Reject(c, Reason.UnknownOrder);
        if (e.Account != c.Account) return Reject(c, Reason.NotOwner);
        (e.Side == Side.Buy ? _bids : _asks).Remove(e);
        return new(c.Sequence, c.OrderId, OutcomeStatus.Accepted, Reason.None, 0, 0, e.Quantity, 0);
    }

    private Outcome Amend(Command c, List<Trade> trades)
    {
        if (_halted) return Reject(c, Reason.Halted);
        Entry? e = c.OrderId > 0 ? Find(c.OrderId) : null;
        if (e is null) return Reject(c, Reason.UnknownOrder);
        if (e.Account != c.Account) return Reject(c, Reason.NotOwner);
        Reason r = QuantityRule(c.Quantity);
        if (r == Reason.None) r = PriceRule(c.PriceFen);
        if (r != Reason.None) return Reject(c, r);
        long reduced = Math.Max(0, e.Quantity - c.Quantity);
        if (c.PriceFen == e.Price && c.Quantity <= e.Quantity)
        {
            e.Quantity = c.Quantity;
            return new(c.Sequence, c.OrderId, OutcomeStatus.Accepted, Reason.None, 0, c.Quantity, reduced, 0);
        }

        if (_call && SelfTradeRuleOn && Opposite(e.Side).Any(o => o.Account == e.Account && Crosses(e.Side, c.PriceFen, o.Price)))
        {
            return Reject(c, Reason.SelfTrade);
        }

        (e.Side == Side.Buy ? _bids : _asks).Remove(e);
        var moved = new Entry(e.Id, e.Account, e.Side, c.PriceFen, c.Quantity, ++_clock);
        if (_call)
        {
            Insert(moved);
            return new(c.Sequence, c.OrderId, OutcomeStatus.Accepted, Reason.None, 0, c.Quantity, reduced, 0);
        }

        int before = trades.Count;
        (long remaining, Reason stop) = Match(e.Side, e.Id, e.Account, c.PriceFen, c.Quantity, c.Sequence, trades);
        int n = trades.Count - before;
        long filled = c.Quantity - remaining;
        if (remaining > 0 && stop == Reason.None)
        {
            moved.Quantity = remaining;
            Insert(moved);
            return new(c.Sequence, c.OrderId, OutcomeStatus.Accepted, Reason.None, filled, remaining, reduced, n);
        }

        return new(c.Sequence, c.OrderId, OutcomeStatus.Accepted, remaining > 0 ? stop : Reason.None,
            filled, 0, reduced + remaining, n);
    }

    private Outcome Uncross(Command c, List<Trade> trades)
    {
        if (_halted) return Reject(c, Reason.Halted);
        if (!_call) return Reject(c, Reason.NotInCallPhase);
        long bestPrice = 0, bestVolume = 0, bestImbalance = 0, bestDistance = 0;
        for (long p = _s.LowerBandFen; p <= _s.UpperBandFen; p += _s.TickFen)
        {
            long b = _bids.Where(e => e.Price >= p).Sum(e => e.Quantity);
            long a = _asks.Where(e => e.Price <= p).Sum(e => e.Quantity);
            long v = Math.Min(a, b);
            long imbalance = Math.Abs(b - a);
            long distance = Math.Abs(p - _s.ReferencePriceFen);
            if (v > 0 && (v, -imbalance, -distance).CompareTo((bestVolume, -bestImbalance, -bestDistance)) > 0)
            {
                (bestPrice, bestVolume, bestImbalance, bestDistance) = (p, v, imbalance, distance);
            }
        }

        int before = trades.Count;
        long left = bestVolume;
        while (left > 0)
        {
            Entry bid = _bids[0], ask = _asks[0];
            long q = Math.Min(left, Math.Min(bid.Quantity, ask.Quantity));
            trades.Add(new Trade(c.Sequence, bid.Id, ask.Id, bid.Account, ask.Account, Aggressor.Auction, bestPrice, q));
            left -= q;
            bid.Quantity -= q;
            ask.Quantity -= q;
            if (bid.Quantity == 0) _bids.RemoveAt(0);
            if (ask.Quantity == 0) _asks.RemoveAt(0);
        }

        _call = false;
        return new(c.Sequence, 0, OutcomeStatus.Accepted, Reason.None, bestVolume, 0, 0, trades.Count - before);
    }

    private ReferenceBook Copy() => new(_s)
    {
        _bids = [.. _bids.Select(e => e with { })],
        _asks = [.. _asks.Select(e => e with { })],
        _clock = _clock,
        _halted = _halted,
        _call = _call,
    };

    private sealed record Entry(long Id, long Account, Side Side, long Price, long Quantity, long Time)
    {
        public long Quantity { get; set; } = Quantity;
    }
}
