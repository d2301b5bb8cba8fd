namespace OpenEts.Domain.Exchange.Reconciliation;

/// <summary>
/// One trade of the day as the exchange recorded it, beside what the cash ledger and the registry hold for it. Amounts
/// are integer fen, quantities tonnes; a ledger figure is null when the ledger has no entry for it.
/// </summary>
/// <param name="Trade">The trade number.</param>
/// <param name="ValueFen">Price × quantity, fen: what the buyer must have paid the seller.</param>
/// <param name="BuyerFeeFen">The buyer's fee the trade records, fen.</param>
/// <param name="SellerFeeFen">The seller's fee the trade records, fen.</param>
/// <param name="PaidFen">The cash ledger's payment from the buyer to the seller, fen, or null.</param>
/// <param name="BuyerFeePaidFen">The cash ledger's buyer fee, fen, or null (no entry is right for a fee of 0).</param>
/// <param name="SellerFeePaidFen">The cash ledger's seller fee, fen, or null (no entry is right for a fee of 0).</param>
/// <param name="Quantity">Tonnes the trade records: what the registry must have delivered to the buyer.</param>
/// <param name="DeliveredTonnes">
/// Tonnes the registry's delivery event for the trade moved from the clearing account to the buyer's holding account, of
/// the instrument's class; 0 when the event moved them elsewhere; null when the registry holds no delivery event for it.
/// </param>
/// <param name="Block">True for a block trade (大宗协议), numbered in the block trades' own sequence.</param>
/// <param name="Listing">True for a listing trade (挂牌点选), numbered in the listing trades' own sequence.</param>
/// <param name="Label">
/// What the settlement is when it is not a trade, for the difference's name: <c>auction bid 3</c>, <c>allowance auction 2 bid 5</c>
/// (whose units come from the registry's issuance account rather than clearing).
/// </param>
public sealed record TradeSettlement(
    long Trade, long ValueFen, long BuyerFeeFen, long SellerFeeFen, long? PaidFen, long? BuyerFeePaidFen, long? SellerFeePaidFen,
    long Quantity = 0, long? DeliveredTonnes = null, bool Block = false, bool Listing = false, string? Label = null);
