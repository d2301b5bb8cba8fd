namespace OpenEts.Domain.Mrv;

/// <summary>
/// A finding on a report: which line and field, the rule broken (a stable code such as <c>UnknownMaterial</c>), and
/// a message in English for logs and the CLI (pages translate the rule code).
/// </summary>
public sealed record MrvIssue(string? LineId, string Field, string Rule, IssueSeverity Severity, string Message)
{
    /// <summary>The figures <see cref="Message"/> names (the amount found, a limit), for a message in another language.</summary>
    public IReadOnlyList<string> Figures { get; init; } = [];

    /// <summary>
    /// The position of the line in the report (0-based), when the finding is about one line; null for the report's own
    /// findings and for those made outside the calculator. Two lines may share an id (an error); this tells them apart.
    /// </summary>
    public int? LineIndex { get; init; }
}
