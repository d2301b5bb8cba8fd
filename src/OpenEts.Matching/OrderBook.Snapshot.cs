namespace OpenEts.Matching;

/// <summary>Snapshot and restore.</summary>
public sealed partial class OrderBook
{
    /// <summary>Copies the book's state (allocates; not for the hot path).</summary>
    public OrderBookSnapshot Snapshot()
    {
        var orders = new RestingOrder[_orderCount];
        int i = 0;
        for (int li = _bestBid; li != None; li = _bidBits.PrevAtOrBelow(li - 1))
        {
            i = CopyLevel(_bids[li], li, orders, i);
        }

        for (int li = _bestAsk; li != int.MaxValue; li = _askBits.NextAtOrAbove(li + 1))
        {
            i = CopyLevel(_asks[li], li, orders, i);
        }

        return new OrderBookSnapshot(_settings, _phase, _halted, orders);
    }

    /// <summary>
    /// Writes the best levels of one side into <paramref name="destination"/>, best first (bids highest first, asks
    /// lowest first), as many as it holds; returns how many were written. Reads only the levels it writes (no copy of
    /// the orders), so the top of a book of any size costs the same.
    /// </summary>
    public int Depth(Side side, Span<PriceLevel> destination)
    {
        int written = 0;
        if (side == Side.Buy)
        {
            for (int li = _bestBid; li != None && written < destination.Length; li = _bidBits.PrevAtOrBelow(li - 1))
            {
                destination[written++] = new PriceLevel(PriceOf(li), _bids[li].Quantity, _bids[li].Count);
            }
        }
        else
        {
            for (int li = _bestAsk; li != int.MaxValue && written < destination.Length; li = _askBits.NextAtOrAbove(li + 1))
            {
                destination[written++] = new PriceLevel(PriceOf(li), _asks[li].Quantity, _asks[li].Count);
            }
        }

        return written;
    }

    private int CopyLevel(in Level level, int li, RestingOrder[] orders, int i)
    {
        for (int n = level.Head; n != None; n = _nodes[n].Next)
        {
            ref Node o = ref _nodes[n];
            orders[i++] = new RestingOrder(o.Id, o.Account, o.Side, PriceOf(li), o.Remaining);
        }

        return i;
    }

    /// <summary>Rebuilds a book from a snapshot; the orders keep their given order as time priority.</summary>
    public static OrderBook Restore(OrderBookSnapshot snapshot, int orderCapacity = 1024)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var book = new OrderBook(snapshot.Settings, Math.Max(orderCapacity, snapshot.Orders.Count));
        foreach (RestingOrder o in snapshot.Orders)
        {
            if (o.OrderId <= 0 || o.Account <= 0 || (uint)o.Side > (uint)Side.Sell || book.CheckQuantity(o.Quantity) != Reason.None
                || book.CheckLimitPrice(o.PriceFen, out int level) != Reason.None || book._ids.Get(o.OrderId) != None)
            {
                throw new ArgumentException($"Snapshot order {o.OrderId} is not valid for this instrument.", nameof(snapshot));
            }

            book.AddResting(o.OrderId, o.Account, o.Side, level, o.Quantity);
        }

        book._phase = snapshot.Phase;
        book._halted = snapshot.IsHalted;
        if (book._phase == TradingPhase.Continuous && book._bestBid != None && book._bestAsk != int.MaxValue
            && book._bestBid >= book._bestAsk)
        {
            throw new ArgumentException("A snapshot in continuous trading must not be crossed.", nameof(snapshot));
        }

        return book;
    }
}
