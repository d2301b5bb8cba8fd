namespace OpenEts.Application.Compliance;

/// <summary>Which compliance year a page shows (<see cref="ComplianceQueries.ChooseYearAsync"/>).</summary>
/// <param name="Years">The jurisdictions and years that have rules, newest first.</param>
/// <param name="Picked">
/// The year shown: the one asked for (with or without rules), else the newest with rules in the jurisdiction asked for, else
/// the newest of any; null when no year has rules and none was asked for.
/// </param>
public sealed record ComplianceYearChoice(IReadOnlyList<(string Jurisdiction, int Year)> Years, (string Jurisdiction, int Year)? Picked);
