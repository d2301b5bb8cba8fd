using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Mrv;

/// <summary>A covered company whose year's report is not submitted (<see cref="MrvQueries.UnsubmittedAsync"/>).</summary>
/// <param name="Company">The company.</param>
/// <param name="Status">Its report's status: null when it has not started one, else a draft or returned.</param>
public sealed record UnsubmittedReport(Organisation Company, ReportStatus? Status);
