namespace OpenEts.Domain.Mrv;

/// <summary>
/// A finding on a report: which line and field, the rule broken (a stable code such as <c>UnknownMaterial</c>), and
/// a message in English for logs and the CLI (pages translate the rule code).
/// </summary>
public sealed record MrvIssue(string? LineId, string Field, string Rule, IssueSeverity Severity, string Message)
{
    /// <summary>The figures <see cref="Message"/> names (the amount found, a limit), for a message in another language.</summary>
    public IReadOnlyList<string> Figures { get; init; } = [];
}
