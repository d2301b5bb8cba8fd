namespace OpenEts.Domain.Exchange;

/// <summary>One bid of a one-way auction as the clearing sees it.</summary>
/// <param name="Id">The bid's number: a lower number was placed earlier (time priority).</param>
/// <param name="PriceFen">Fen per tonne.</param>
/// <param name="Quantity">Tonnes asked for.</param>
public sealed record AuctionBidTerms(long Id, long PriceFen, long Quantity);
