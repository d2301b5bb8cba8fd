namespace OpenEts.Application.Mrv;

/// <summary>The newest reporting year's deadline, the companies not yet submitted for it, and whether it has passed.</summary>
public sealed record UnsubmittedForDeadline(ReportingDeadline Deadline, IReadOnlyList<UnsubmittedReport> Companies, bool Overdue);
