namespace OpenEts.Application.Exchange;

/// <summary>
/// What one delivery-versus-payment settlement moves: <paramref name="Reference"/> names it in both ledgers
/// (<c>exchange/trade/12</c>, <c>exchange/block/3</c>); the buyer pays value and fee from <paramref name="Reservation"/>;
/// the units are already in the exchange's clearing account.
/// </summary>
public sealed record Delivery(
    string Reference, long BuyAccount, string BuyUser, long Reservation, long SellAccount, long Quantity, long ValueFen, long BuyerFeeFen,
    long SellerFeeFen);
