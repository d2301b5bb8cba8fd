namespace OpenEts.Domain.Mrv;

/// <summary>
/// The result of computing a report: per-line emissions, the total (their sum, tCO2, exact), and findings.
/// When <see cref="Issues"/> holds an error, lines in error are left out and <see cref="IsValid"/> is false.
/// </summary>
public sealed record ReportCalculation(
    Figure Total, IReadOnlyList<LineEmission> Lines, IReadOnlyList<MrvIssue> Issues, string FactorLibraryVersion)
{
    /// <summary>
    /// Lines computed but left out of the total: purchased electricity under the power-facility guideline (2022),
    /// an auxiliary reporting item since the update notice (reference/mrv.md §3.2).
    /// </summary>
    public IReadOnlyList<LineEmission> Auxiliary { get; init; } = [];

    /// <summary>The accounting method the report was computed by.</summary>
    public AccountingMethod Method { get; init; }

    /// <summary>
    /// The total as reported: rounded once, here, to 1 kg (3 decimal places), half away from zero (docs/mrv.md,
    /// "Rounding"); the same rule as <see cref="Quantities.Tonnes.RoundForReport"/>, which this equals for a
    /// non-negative total.
    /// </summary>
    public decimal ReportedTotal => decimal.Round(Total.Value, Quantities.Tonnes.Scale, MidpointRounding.AwayFromZero);

    /// <summary>True when no finding is an error.</summary>
    public bool IsValid => Issues.All(i => i.Severity != IssueSeverity.Error);
}
