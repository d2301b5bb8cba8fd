using System.Globalization;
using OpenEts.Domain.Exchange;

namespace OpenEts.Application.Exchange;

/// <summary>
/// A pick of a listing (挂牌点选成交), settled delivery versus payment in the pick's transaction by the same path as a trade
/// on the book (<c>exchange/listing-trade/{id}/pay</c>, fees, <c>…/deliver</c>). It never touches the order book.
/// </summary>
/// <param name="Id">The listing trade number, 1, 2, 3, … over the exchange.</param>
/// <param name="PriceFen">The listing's price, fen per tonne.</param>
/// <param name="Quantity">Tonnes.</param>
/// <param name="BuyUser">The buyer's user (the lister of a buy listing or the picker): the registry's delivery is in its name.</param>
/// <param name="TakerAccount">The picker's trading account.</param>
/// <param name="TakerUser">The picker's user; null on a pick stored before picks carried a key.</param>
/// <param name="Key">The picker's idempotency key (one pick per user and key); null on a pick stored before picks carried one.</param>
public sealed record ListingTrade(
    long Id, long Listing, string Instrument, DateTimeOffset At, long PriceFen, long Quantity, long BuyAccount, long SellAccount, string BuyUser,
    long TakerAccount, long BuyerFeeFen, long SellerFeeFen, string? TakerUser = null, string? Key = null)
{
    /// <summary>The value in fen: price × quantity.</summary>
    public long ValueFen => checked(PriceFen * Quantity);

    /// <summary>The journal subject and cash/registry reference of a listing trade: <c>exchange/listing-trade/5</c>.</summary>
    public static string Subject(long id) => string.Create(CultureInfo.InvariantCulture, $"exchange/listing-trade/{id}");

    /// <summary>The trade as market data counts it, numbered in the listing trades' own sequence.</summary>
    public TradePrint Print() => new(Id, Instrument, At, PriceFen, Quantity);
}
