namespace OpenEts.Domain.Allocation;

/// <summary>
/// Rules for special companies (guangdong.md §1.2 art. 14–15): closures take back the free allowances of abnormal
/// production months (utilisation below <see cref="AbnormalUtilisation"/>); a voluntary stoppage of more than
/// <see cref="StoppageMonths"/> months takes back the allowances of the abnormal months; new entrants are allocated
/// from the reserve.
/// </summary>
public sealed record SpecialRules(string Source)
{
    /// <summary>Utilisation below which a month is abnormal (0.5); null when the plan has no such rule.</summary>
    public PlanFigure? AbnormalUtilisation { get; init; }

    /// <summary>Months of voluntary stoppage above which the abnormal months' allowances are taken back (6); null for none.</summary>
    public PlanFigure? StoppageMonths { get; init; }

    /// <summary>New entrants: allocation = expected annual energy use (t standard coal) × this factor, from the reserve; null for none.</summary>
    public PlanFigure? NewEntrantFactor { get; init; }

    /// <summary>True when units newly commissioned in the year get no allocation under this plan (national 2023–2024).</summary>
    public bool ExcludeNewUnits { get; init; }
}
