namespace OpenEts.Domain.Compliance;

/// <summary>
/// What a shortfall at the surrender deadline costs (未履约处罚). Guangdong (197号令): 2× the shortfall deducted from next
/// year's allocation plus a 50 000 元 fine; national 条例 Art. 24: 5–10× the average market price of the month before
/// the deadline per unsurrendered tonne, and the shortfall deducted; Shenzhen-style price multiples are configured the
/// same way. Amounts in yuan (decimal, exact); a null pair means that part does not apply.
/// </summary>
/// <param name="DeductionMultiple">Tonnes deducted from next year's allocation per tonne of shortfall (rounded up to whole tonnes).</param>
/// <param name="FineYuanMin">The least fixed fine, yuan.</param>
/// <param name="FineYuanMax">The most fixed fine, yuan (equal to the least for a fixed amount).</param>
/// <param name="PriceMultipleMin">The least multiple of the reference market price per tonne of shortfall.</param>
/// <param name="PriceMultipleMax">The most multiple of the reference market price per tonne of shortfall.</param>
public sealed record PenaltyRules(
    decimal DeductionMultiple,
    decimal? FineYuanMin,
    decimal? FineYuanMax,
    decimal? PriceMultipleMin,
    decimal? PriceMultipleMax)
{
    internal void AddProblems(List<string> problems)
    {
        if (DeductionMultiple < 0m)
        {
            problems.Add("penalties.deductionMultiple: ≥ 0");
        }
        Range(problems, "penalties.fineYuan", FineYuanMin, FineYuanMax);
        Range(problems, "penalties.priceMultiple", PriceMultipleMin, PriceMultipleMax);
    }

    private static void Range(List<string> problems, string field, decimal? min, decimal? max)
    {
        if (min.HasValue != max.HasValue || min < 0m || min > max)
        {
            problems.Add($"{field}Min/Max: both or neither, 0 ≤ min ≤ max");
        }
    }
}
