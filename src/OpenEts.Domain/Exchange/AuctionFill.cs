namespace OpenEts.Domain.Exchange;

/// <summary>What one bid won at the close of a one-way auction: 0 t when it lost.</summary>
/// <param name="BidId">The bid.</param>
/// <param name="Quantity">Tonnes won, at most what it asked for.</param>
/// <param name="PriceFen">Fen per tonne it pays (the clearing price, or its own price under pay-as-bid); 0 when it won nothing.</param>
public sealed record AuctionFill(long BidId, long Quantity, long PriceFen)
{
    /// <summary>The value in fen: price × quantity (checked).</summary>
    public long ValueFen => checked(PriceFen * Quantity);
}
