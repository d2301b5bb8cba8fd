namespace OpenEts.Domain.Allocation;

/// <summary>
/// The carry-over limit of national-ets.md §2.4 (2023–2024 plan, Annex 5): T = B + NS × R, NS the net allowances sold
/// (floored at 0), T at most the holdings and rounded down.
/// </summary>
public sealed record CarryOver(PlanFigure Base, PlanFigure Multiplier, string ApplyBy)
{
    /// <summary>The largest carry-over for <paramref name="netSold"/> net allowances sold and <paramref name="holdings"/> held.</summary>
    public long Limit(long netSold, long holdings)
    {
        var t = Base.Value + (Math.Max(0, netSold) * Multiplier.Value);
        return Math.Min(holdings, (long)decimal.Floor(t));
    }
}
