using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Mrv;

/// <summary>
/// What an MRV command decides on: the store inside the handler's write transaction (to read), who is asking, and now.
/// The checks every command shares (the actor's company, the report and who may act on it) live here once.
/// </summary>
public sealed class MrvWork(IStoreSession session, Actor actor, DateTimeOffset now)
{
    public IStoreSession Session => session;

    public Actor Actor => actor;

    public DateTimeOffset Now => now;

    /// <summary>The actor's own organisation, or null (a user of none).</summary>
    public async Task<Organisation?> OwnOrganisationAsync() =>
        actor.OrganisationId is { } id ? await session.Organisations.FindByIdAsync(id).ConfigureAwait(false) : null;

    /// <summary>
    /// The report with this id when it exists and the actor may see it (<see cref="MrvQueries.MaySee"/>); otherwise the
    /// decision to give: <see cref="MrvDecision.Missing"/> for a report that does not exist or that the actor may not see
    /// (so that walking the ids tells a company nothing about other companies' reports).
    /// </summary>
    public async Task<(MrvReport? Report, Organisation? Company, MrvDecision? Refusal)> ReportAsync(long id)
    {
        var report = await session.Mrv.FindReportAsync(id).ConfigureAwait(false);
        if (report is null || !MrvQueries.MaySee(actor, report))
        {
            return (null, null, new MrvDecision.Missing());
        }
        var company = await session.Organisations.FindByIdAsync(report.OrganisationId).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"report {id} names organisation {report.OrganisationId}, which does not exist");
        return (report, company, null);
    }

    /// <summary>The journal subject of a report: the company's credit code and the year (<c>9144…/2017</c>).</summary>
    public static string Subject(Organisation company, int year)
    {
        ArgumentNullException.ThrowIfNull(company);
        return $"{company.Code.Value}/{year}";
    }

    /// <summary>A refusal because the report is not at a step where this can be done.</summary>
    public static MrvDecision.Refuse WrongStep(MrvReport report, string what)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new MrvDecision.Refuse("ReportStatus", "report",
            $"report {report.Id} is {report.Status.ToString().ToLowerInvariant()}: it cannot be {what} now", RefusalKind.Conflict);
    }

    /// <summary>The calculation's errors as field errors: <c>lines[L1].material</c> and the calculator's rule code.</summary>
    public static IReadOnlyList<FieldError> ErrorsOf(Domain.Mrv.ReportCalculation calculation)
    {
        ArgumentNullException.ThrowIfNull(calculation);
        return [.. calculation.Issues.Where(i => i.Severity == Domain.Mrv.IssueSeverity.Error)
            .Select(i => new FieldError(i.LineId is null ? i.Field : $"lines[{i.LineId}].{i.Field}", i.Rule, i.Message) { Figures = i.Figures })];
    }
}
