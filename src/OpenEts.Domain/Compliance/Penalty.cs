namespace OpenEts.Domain.Compliance;

/// <summary>
/// What a shortfall at the deadline costs under a plan's <see cref="PenaltyRules"/>: tonnes deducted from next year's
/// allocation and the fine's range in yuan (fixed part plus, when a reference price is given, the price-multiple part).
/// </summary>
/// <param name="Shortfall">Tonnes missing at the deadline.</param>
/// <param name="Deduction">Tonnes to deduct from next year's allocation (shortfall × multiple, rounded up).</param>
/// <param name="FineYuanMin">The least fine, yuan.</param>
/// <param name="FineYuanMax">The most fine, yuan.</param>
/// <param name="PriceMissing">True when the rules fine by price multiples and no reference price was given (that part is left out).</param>
public sealed record Penalty(long Shortfall, long Deduction, decimal FineYuanMin, decimal FineYuanMax, bool PriceMissing)
{
    /// <summary>
    /// The penalty for <paramref name="shortfall"/> tonnes under <paramref name="rules"/>; <paramref name="referencePrice"/>
    /// is the average market price (yuan per tonne) the rules' price multiples apply to, when known.
    /// </summary>
    public static Penalty For(PenaltyRules rules, long shortfall, decimal? referencePrice)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfNegative(shortfall);
        if (shortfall == 0)
        {
            return new Penalty(0, 0, 0m, 0m, false);
        }
        var deduction = decimal.ToInt64(decimal.Ceiling(shortfall * rules.DeductionMultiple));
        var min = rules.FineYuanMin ?? 0m;
        var max = rules.FineYuanMax ?? 0m;
        var priceMissing = false;
        if (rules.PriceMultipleMin is { } low && rules.PriceMultipleMax is { } high)
        {
            if (referencePrice is { } price)
            {
                min += shortfall * price * low;
                max += shortfall * price * high;
            }
            else
            {
                priceMissing = true;
            }
        }
        return new Penalty(shortfall, deduction, min, max, priceMissing);
    }
}
