using OpenEts.Domain.Exchange;

namespace OpenEts.Application.Exchange;

/// <summary>
/// A trade as settled: delivery versus payment in the same transaction as the order that made it, so every stored trade
/// is settled (units in the buyer's holding account, money and fees in the cash ledger).
/// </summary>
/// <param name="Id">The trade number, 1, 2, 3, … over the exchange, in the order trades happened.</param>
/// <param name="Aggressor"><c>buy</c> or <c>sell</c>: the side of the incoming order.</param>
/// <param name="BuyerFeeFen">The buyer's fee, fen.</param>
/// <param name="SellerFeeFen">The seller's fee, fen.</param>
public sealed record ExchangeTrade(
    long Id, string Instrument, DateTimeOffset At, long PriceFen, long Quantity, long BuyOrder, long SellOrder,
    long BuyAccount, long SellAccount, string Aggressor, long BuyerFeeFen, long SellerFeeFen)
{
    /// <summary>The trade's value in fen: price × quantity.</summary>
    public long ValueFen => checked(PriceFen * Quantity);

    /// <summary>The trade as the market sees it.</summary>
    public TradePrint Print() => new(Id, Instrument, At, PriceFen, Quantity);
}
