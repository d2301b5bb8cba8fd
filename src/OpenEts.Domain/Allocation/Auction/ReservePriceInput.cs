namespace OpenEts.Domain.Allocation.Auction;

/// <summary>
/// One month's market figures the reserve price is computed from, as the regulator gives them (there is no exchange
/// market data on the platform yet).
/// </summary>
/// <param name="Month">The month, e.g. 2016-12 as <c>new DateOnly(2016, 12, 1)</c> (the day is ignored).</param>
/// <param name="Price">The month's average market price in yuan per tonne (for <see cref="ReservePriceRule.AverageMarketPrice"/>).</param>
/// <param name="Turnover">The month's listed turnover in yuan (for <see cref="ReservePriceRule.WeightedAverageListedPrice"/>).</param>
/// <param name="VolumeTonnes">The month's listed volume in tonnes (for <see cref="ReservePriceRule.WeightedAverageListedPrice"/>).</param>
public sealed record ReservePriceInput(DateOnly Month, decimal Price, decimal Turnover, long VolumeTonnes);
