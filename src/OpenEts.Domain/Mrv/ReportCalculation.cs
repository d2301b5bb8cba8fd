namespace OpenEts.Domain.Mrv;

/// <summary>
/// The result of computing a report: per-line emissions, the total (their sum, tCO2, exact), and findings.
/// When <see cref="Issues"/> holds an error, lines in error are left out and <see cref="IsValid"/> is false.
/// </summary>
public sealed record ReportCalculation(
    Figure Total, IReadOnlyList<LineEmission> Lines, IReadOnlyList<MrvIssue> Issues, string FactorLibraryVersion)
{
    /// <summary>True when no finding is an error.</summary>
    public bool IsValid => Issues.All(i => i.Severity != IssueSeverity.Error);
}
