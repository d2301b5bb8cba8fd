namespace OpenEts.Matching;

/// <summary>
/// The complete state of a book: its settings, phase, halt flag and resting orders in priority order (bids best
/// price first, then asks best price first; FIFO within a price). <see cref="OrderBook.Restore"/> rebuilds an
/// equivalent book, and applying the same later inputs to both gives the same outcomes.
/// </summary>
public sealed class OrderBookSnapshot
{
    public OrderBookSnapshot(InstrumentSettings settings, TradingPhase phase, bool isHalted, IReadOnlyList<RestingOrder> orders)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(orders);
        Settings = settings;
        Phase = phase;
        IsHalted = isHalted;
        Orders = orders;
    }

    public InstrumentSettings Settings { get; }

    public TradingPhase Phase { get; }

    public bool IsHalted { get; }

    public IReadOnlyList<RestingOrder> Orders { get; }
}
