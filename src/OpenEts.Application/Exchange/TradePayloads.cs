namespace OpenEts.Application.Exchange;

/// <summary>
/// The payload of <c>exchange.trade.settled</c>, written as UTF-8 (<see cref="JournalPayload"/>): byte for byte what
/// <see cref="Json.Serialize{T}"/> made of the settlement's anonymous object before, so the journal, its hash chain and
/// the replay that reads it are unchanged.
/// </summary>
public static class TradePayloads
{
    /// <summary>
    /// <c>{trade, instrument, price, quantity, buyOrder, sellOrder, buyAccount, sellAccount, buyerFee, sellerFee, sequence}</c>,
    /// <paramref name="sequence"/> the matching engine's sequence of the trade.
    /// </summary>
    public static ReadOnlyMemory<byte> Settled(JournalPayload payload, ExchangeTrade trade, long sequence)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(trade);
        var w = payload.Start();
        w.WriteNumber("trade", trade.Id);
        JournalPayload.WriteString(w, "instrument", trade.Instrument);
        w.WriteNumber("price", trade.PriceFen);
        w.WriteNumber("quantity", trade.Quantity);
        w.WriteNumber("buyOrder", trade.BuyOrder);
        w.WriteNumber("sellOrder", trade.SellOrder);
        w.WriteNumber("buyAccount", trade.BuyAccount);
        w.WriteNumber("sellAccount", trade.SellAccount);
        w.WriteNumber("buyerFee", trade.BuyerFeeFen);
        w.WriteNumber("sellerFee", trade.SellerFeeFen);
        w.WriteNumber("sequence", sequence);
        return payload.End(w);
    }
}
