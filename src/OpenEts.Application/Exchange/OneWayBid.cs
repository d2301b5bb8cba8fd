using System.Globalization;

namespace OpenEts.Application.Exchange;

/// <summary>
/// A bid on a one-way auction: while open it reserves the bidder's cash for price × quantity + the maximum fee
/// (<see cref="ReservationId"/>); at the close it wins all, part or nothing, settled delivery versus payment, and the rest
/// of its reservation is released.
/// </summary>
/// <param name="Id">The bid number, 1, 2, 3, … over the exchange (time priority: a lower number is earlier).</param>
/// <param name="Won">Tonnes won at the close (0 before, and for a losing bid).</param>
/// <param name="PaidPriceFen">Fen per tonne it paid for what it won; null when it won nothing.</param>
/// <param name="BuyerFeeFen">The fee the bidder paid on what it won.</param>
/// <param name="SellerFeeFen">The fee the seller paid on this bid's fill.</param>
/// <param name="Key">The bidder's idempotency key.</param>
public sealed record OneWayBid(
    long Id, long Auction, long AccountId, string UserName, long PriceFen, long Quantity, OneWayBidStatus Status, long Won, long? PaidPriceFen,
    long ReservationId, long BuyerFeeFen, long SellerFeeFen, DateTimeOffset PlacedAt, DateTimeOffset UpdatedAt, string Key)
{
    /// <summary>The journal subject and cash/registry reference of a bid: <c>exchange/auction-bid/7</c>.</summary>
    public static string Subject(long id) => string.Create(CultureInfo.InvariantCulture, $"exchange/auction-bid/{id}");
}
