namespace OpenEts.Domain.Mrv;

/// <summary>
/// How a factor correction moves one report: its total under the old and the corrected library (tCO2, exact) and the
/// difference.
/// </summary>
public sealed record ReportImpact(string ReportId, decimal OldTotal, decimal NewTotal)
{
    /// <summary>New minus old, tCO2.</summary>
    public decimal Change => NewTotal - OldTotal;

    /// <summary>The change as a percentage of the old total, or null when the old total is zero.</summary>
    public decimal? ChangePercent => OldTotal == 0 ? null : Change / OldTotal * 100m;
}
