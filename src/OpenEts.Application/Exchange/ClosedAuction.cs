namespace OpenEts.Application.Exchange;

/// <summary>
/// An auction closed on a trading day, as the end of day reports it: a one-way auction (单向竞价) cleared that day, or an
/// allowance auction (有偿发放) settled on the exchange that day.
/// </summary>
/// <param name="Kind"><see cref="OneWay"/> or <see cref="Allowance"/>.</param>
/// <param name="Auction">The auction's number in its own sequence (one-way auctions and allowance auctions are numbered apart).</param>
/// <param name="Instrument">The instrument (a one-way auction) or the unit class (an allowance auction) sold.</param>
/// <param name="Sold">Tonnes sold.</param>
/// <param name="ClearingPriceFen">The clearing price, fen per tonne; null when nothing sold.</param>
/// <param name="Winners">How many trading accounts (one-way) or organisations (allowance) won.</param>
/// <param name="ProceedsFen">What the winners paid for the units, fen, before any fee.</param>
public sealed record ClosedAuction(string Kind, long Auction, string Instrument, long Sold, long? ClearingPriceFen, int Winners, long ProceedsFen)
{
    /// <summary>The kind of a one-way auction.</summary>
    public const string OneWay = "oneWay";

    /// <summary>The kind of an allowance auction.</summary>
    public const string Allowance = "allowance";
}
