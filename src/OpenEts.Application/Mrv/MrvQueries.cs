using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Mrv;

/// <summary>
/// The only way into MRV's data for everyone else: the pages, the API, and other modules (allocation's true-up and
/// compliance read approved emissions here, never MRV's tables). <see cref="MaySee"/> is the one access rule for reports.
/// </summary>
public sealed class MrvQueries(IStore store)
{
    /// <summary>
    /// True when <paramref name="actor"/> may see <paramref name="report"/>: the regulator and the auditor every report, a
    /// company's representative its company's, a verifier the reports its body is assigned.
    /// </summary>
    public static bool MaySee(Actor actor, MrvReport report)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(report);
        return actor.Role switch
        {
            Role.Regulator or Role.Auditor => true,
            Role.CompanyRepresentative => actor.OrganisationId == report.OrganisationId,
            Role.Verifier => actor.OrganisationId is { } org && report.VerifierOrganisationId == org,
            _ => false,
        };
    }

    /// <summary>
    /// The approved emissions of one company for one year, with the outputs approved with them and the factor library
    /// they were computed with; null when that year's report is not approved (or the code is unknown).
    /// </summary>
    public Task<ApprovedEmissions?> ApprovedEmissionsAsync(CreditCode organisation, int year, CancellationToken ct) =>
        store.ReadAsync(async s =>
        {
            var company = await s.Organisations.FindByCodeAsync(organisation).ConfigureAwait(false);
            var report = company is null ? null : await s.Mrv.FindReportAsync(company.Id, year).ConfigureAwait(false);
            return report is { Status: ReportStatus.Approved, Approved: { } approved, Verification: { } v }
                ? new ApprovedEmissions(organisation, year, approved, report.VerifiedInput.Outputs, v.FactorVersion, report.ApprovedAt!.Value)
                : null;
        }, ct);

    /// <summary>
    /// The id of <paramref name="organisation"/>'s approved report of <paramref name="year"/>, when <paramref name="actor"/>
    /// may see it (<see cref="MaySee"/>); null when it has none, it is not approved yet, or it is not the actor's to see.
    /// </summary>
    public Task<long?> ApprovedReportIdAsync(Actor actor, CreditCode organisation, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return store.ReadAsync(async s =>
        {
            var company = await s.Organisations.FindByCodeAsync(organisation).ConfigureAwait(false);
            var report = company is null ? null : await s.Mrv.FindReportAsync(company.Id, year).ConfigureAwait(false);
            return report is { Status: ReportStatus.Approved } && MaySee(actor, report) ? report.Id : (long?)null;
        }, ct);
    }

    /// <summary>
    /// Approved totals (organisation, name, sector, year, tonnes) for one year or every year: what the regulator's
    /// dashboard charts and the public disclosure page (信息公开) lists. Public data: no actor needed.
    /// </summary>
    public Task<IReadOnlyList<ApprovedTotal>> ApprovedTotalsAsync(int? year, CancellationToken ct) =>
        store.ReadAsync(s => s.Mrv.ApprovedTotalsAsync(year), ct);

    /// <summary>The reports <paramref name="actor"/> may see, optionally of one year or status; newest year first.</summary>
    public Task<IReadOnlyList<ReportRow>> ReportsAsync(Actor actor, int? year, ReportStatus? status, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var filter = actor.Role switch
        {
            Role.Regulator or Role.Auditor => new MrvReportFilter(Year: year, Status: status),
            Role.CompanyRepresentative when actor.OrganisationId is { } org => new MrvReportFilter(OrganisationId: org, Year: year, Status: status),
            Role.Verifier when actor.OrganisationId is { } org => new MrvReportFilter(VerifierOrganisationId: org, Year: year, Status: status),
            _ => null,
        };
        if (filter is null)
        {
            return Task.FromResult<IReadOnlyList<ReportRow>>([]);
        }
        return store.ReadAsync<IReadOnlyList<ReportRow>>(async s =>
        {
            var reports = (await s.Mrv.ListReportsAsync(filter).ConfigureAwait(false)).Where(r => MaySee(actor, r)).ToList();
            // Every company and verifier named in the list in one read, rather than one read per name.
            var names = (await s.Organisations.FindByIdsAsync(
                [.. reports.SelectMany(r => new[] { r.OrganisationId, r.VerifierOrganisationId ?? r.OrganisationId }).Distinct()])
                .ConfigureAwait(false)).ToDictionary(o => o.Id);
            return [.. reports.Select(r => new ReportRow(r, names.GetValueOrDefault(r.OrganisationId)!,
                r.VerifierOrganisationId is { } v ? names.GetValueOrDefault(v) : null))];
        }, ct);
    }

    /// <summary>The reports waiting for <paramref name="actor"/>'s role to act (its queue): drafts and returns for a company, submitted and verified ones for the regulator, assigned ones for a verifier.</summary>
    public async Task<IReadOnlyList<ReportRow>> QueueAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return [.. (await ReportsAsync(actor, null, null, ct).ConfigureAwait(false)).Where(r => MrvRoles.HolderOf(r.Report.Status) == actor.Role)];
    }

    /// <summary>
    /// The covered companies (covered or new entrants, not those that left) whose report for <paramref name="year"/> is not
    /// submitted yet — none, a draft, or returned to them — by name, for the regulator and the auditor to chase (催报);
    /// empty for anyone else.
    /// </summary>
    public Task<IReadOnlyList<UnsubmittedReport>> UnsubmittedAsync(Actor actor, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role is not (Role.Regulator or Role.Auditor))
        {
            return Task.FromResult<IReadOnlyList<UnsubmittedReport>>([]);
        }
        return store.ReadAsync<IReadOnlyList<UnsubmittedReport>>(async s =>
        {
            var companies = await s.Organisations.ListAsync(new OrganisationFilter(Kind: OrganisationKind.Company)).ConfigureAwait(false);
            var reports = (await s.Mrv.ListReportsAsync(new MrvReportFilter(Year: year)).ConfigureAwait(false))
                .ToDictionary(r => r.OrganisationId);
            return [.. companies
                .Where(c => c.Status != CoverageStatus.Left)
                .Select(c => new UnsubmittedReport(c, reports.GetValueOrDefault(c.Id)?.Status))
                .Where(u => u.Status is null or ReportStatus.Draft or ReportStatus.Returned)
                .OrderBy(u => u.Company.Name, StringComparer.Ordinal)];
        }, ct);
    }

    /// <summary>
    /// Report <paramref name="id"/> when <paramref name="actor"/> may see it and it is approved, with its verified
    /// calculation: what may leave the platform as an approved report (the .xlsx export). Otherwise null.
    /// </summary>
    public async Task<ReportDetail?> ApprovedReportAsync(Actor actor, long id, CancellationToken ct) =>
        await ReportAsync(actor, id, ct).ConfigureAwait(false) is { Report.Status: ReportStatus.Approved, Verified: not null } detail
            ? detail
            : null;

    /// <summary>One report with everything its pages show, when it exists and <paramref name="actor"/> may see it.</summary>
    public Task<ReportDetail?> ReportAsync(Actor actor, long id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return store.ReadAsync(async s =>
        {
            var report = await s.Mrv.FindReportAsync(id).ConfigureAwait(false);
            if (report is null || !MaySee(actor, report))
            {
                return null;
            }
            return await DetailAsync(s, report).ConfigureAwait(false);
        }, ct);
    }

    /// <summary>The report of the actor's own company for <paramref name="year"/>, or null (none yet, or not a company).</summary>
    public Task<ReportDetail?> OwnReportAsync(Actor actor, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role != Role.CompanyRepresentative || actor.OrganisationId is not { } org)
        {
            return Task.FromResult<ReportDetail?>(null);
        }
        return store.ReadAsync(async s => await s.Mrv.FindReportAsync(org, year).ConfigureAwait(false) is { } report
            ? await DetailAsync(s, report).ConfigureAwait(false)
            : null, ct);
    }

    /// <summary>
    /// The status of the actor's own company's report for <paramref name="year"/>, or null when it has none (or the actor
    /// acts for no company): what the workbench asks, read without building the report's detail.
    /// </summary>
    public Task<ReportStatus?> OwnReportStatusAsync(Actor actor, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role == Role.CompanyRepresentative && actor.OrganisationId is { } org
            ? store.ReadAsync(async s => (await s.Mrv.FindReportAsync(org, year).ConfigureAwait(false))?.Status, ct)
            : Task.FromResult<ReportStatus?>(null);
    }

    /// <summary>The actor's own company's monitoring plan for <paramref name="year"/>, or null.</summary>
    public Task<MonitoringPlan?> OwnPlanAsync(Actor actor, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role == Role.CompanyRepresentative && actor.OrganisationId is { } org
            ? store.ReadAsync(s => s.Mrv.FindPlanAsync(org, year), ct)
            : Task.FromResult<MonitoringPlan?>(null);
    }

    /// <summary>The actor's own company (for its sector and template), or null when the actor is not a company's representative.</summary>
    public Task<Organisation?> OwnCompanyAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role == Role.CompanyRepresentative && actor.OrganisationId is { } org
            ? store.ReadAsync(s => s.Organisations.FindByIdAsync(org), ct)
            : Task.FromResult<Organisation?>(null);
    }

    /// <summary>The verification bodies a regulator may assign, by name.</summary>
    public Task<IReadOnlyList<Organisation>> VerificationBodiesAsync(CancellationToken ct) =>
        store.ReadAsync(s => s.Organisations.ListAsync(new OrganisationFilter(Kind: OrganisationKind.Verifier)), ct);

    /// <summary>Every jurisdiction's deadlines.</summary>
    public Task<IReadOnlyList<ReportingDeadline>> DeadlinesAsync(CancellationToken ct) =>
        store.ReadAsync(s => s.Mrv.ListDeadlinesAsync(), ct);

    /// <summary>
    /// The newest reporting year's deadline (<see cref="ReportingDeadline.Current"/>), the covered companies that have not
    /// submitted for it (<see cref="UnsubmittedAsync"/>), and whether its reports were due before <paramref name="now"/>
    /// (Beijing time, <see cref="ReportingDeadline.IsAfter"/>); null when no deadline is set or for anyone but the
    /// regulator and the auditor.
    /// </summary>
    public async Task<UnsubmittedForDeadline?> UnsubmittedForNewestAsync(Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role is Role.Regulator or Role.Auditor
            ? await UnsubmittedForNewestAsync(actor, now, await DeadlinesAsync(ct).ConfigureAwait(false), ct).ConfigureAwait(false)
            : null;
    }

    /// <summary>The same, from the <paramref name="deadlines"/> the caller has already read (<see cref="DeadlinesAsync"/>).</summary>
    public async Task<UnsubmittedForDeadline?> UnsubmittedForNewestAsync(
        Actor actor, DateTimeOffset now, IReadOnlyList<ReportingDeadline> deadlines, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(deadlines);
        if (actor.Role is not (Role.Regulator or Role.Auditor) || ReportingDeadline.Current(deadlines) is not { } newest)
        {
            return null;
        }
        return new UnsubmittedForDeadline(newest, await UnsubmittedAsync(actor, newest.Year, ct).ConfigureAwait(false),
            ReportingDeadline.IsAfter(now, newest.ReportsDue));
    }

    /// <summary>Computes a report as typed, stored nowhere: for recomputing emissions live while lines change.</summary>
    public Task<ReportCalculation> CalculateAsync(ReportInput input, CancellationToken ct) =>
        store.ReadAsync(async s => MrvReview.Check(input, plan: null,
            library: MrvFactors.Current(await s.Mrv.ListFactorVersionsAsync().ConfigureAwait(false))), ct);

    /// <summary>The factor library in force, and every published correction (oldest first). Public data.</summary>
    public Task<(FactorLibrary Library, IReadOnlyList<PublishedFactors> Published)> FactorsAsync(CancellationToken ct) =>
        store.ReadAsync(async s =>
        {
            var published = await s.Mrv.ListFactorVersionsAsync().ConfigureAwait(false);
            return (MrvFactors.Current(published), published);
        }, ct);

    /// <summary>
    /// A correction as typed, checked against the library in force, and the reports it would move: the preview the page
    /// and the API show. Null for anyone but the regulator and the auditor; field errors for a correction that does not
    /// read or does not apply.
    /// </summary>
    public async Task<CorrectionPreview?> PreviewCorrectionAsync(Actor actor, PublishFactorCorrection.Form form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        if (actor.Role is not (Role.Regulator or Role.Auditor))
        {
            return null;
        }
        if (!PublishFactorCorrection.TryParseCorrection(form, out var correction, out var errors))
        {
            return new CorrectionPreview([], errors);
        }
        if (correction.Problem((await FactorsAsync(ct).ConfigureAwait(false)).Library) is { } problem)
        {
            return new CorrectionPreview([], [new FieldError(problem.Field, problem.Rule, problem.Message)]);
        }
        return await CorrectionImpactAsync(actor, correction, ct).ConfigureAwait(false) is { } rows ? new CorrectionPreview(rows, []) : null;
    }

    /// <summary>
    /// The reports (submitted and later) that <paramref name="correction"/> would move, and by how much, largest change
    /// first, before anyone publishes it: each report's verified figures when it has them, else its reported ones, under
    /// the library in force and under the corrected one. The regulator and the auditor only; null for anyone else.
    /// </summary>
    public Task<IReadOnlyList<CorrectionImpact>?> CorrectionImpactAsync(Actor actor, FactorCorrection correction, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(correction);
        if (actor.Role is not (Role.Regulator or Role.Auditor))
        {
            return Task.FromResult<IReadOnlyList<CorrectionImpact>?>(null);
        }
        return store.ReadAsync<IReadOnlyList<CorrectionImpact>?>(async s =>
        {
            var current = MrvFactors.Current(await s.Mrv.ListFactorVersionsAsync().ConfigureAwait(false));
            if (correction.Problem(current) is not null)
            {
                return [];
            }
            var corrected = correction.ApplyTo(current, current.Version + "+preview", "");
            var reports = (await s.Mrv.ListReportsAsync(new MrvReportFilter()).ConfigureAwait(false))
                .Where(r => r.Status != ReportStatus.Draft).ToDictionary(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var impacts = FactorImpact.List(reports.Select(r => KeyValuePair.Create(r.Key,
                r.Value.Verification is null ? r.Value.Input : r.Value.VerifiedInput)), current, corrected);
            var names = new Dictionary<long, Organisation?>();
            var rows = new List<CorrectionImpact>(impacts.Count);
            foreach (var impact in impacts)
            {
                var report = reports[impact.ReportId];
                var company = await NameAsync(s, names, report.OrganisationId).ConfigureAwait(false);
                rows.Add(new CorrectionImpact(report.Id, company?.Code.Value ?? "", company?.Name ?? "", report.Year, report.Status,
                    Math.Round(impact.OldTotal, 3, MidpointRounding.AwayFromZero), Math.Round(impact.NewTotal, 3, MidpointRounding.AwayFromZero),
                    impact.ChangePercent is { } p ? Math.Round(p, 2, MidpointRounding.AwayFromZero) : null));
            }
            return rows;
        }, ct);
    }

    private static async Task<ReportDetail> DetailAsync(IStoreSession s, MrvReport report)
    {
        var company = await s.Organisations.FindByIdAsync(report.OrganisationId).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"report {report.Id} names a missing organisation");
        var verifier = report.VerifierOrganisationId is { } v ? await s.Organisations.FindByIdAsync(v).ConfigureAwait(false) : null;
        var plan = await s.Mrv.FindPlanAsync(report.OrganisationId, report.Year).ConfigureAwait(false);
        var deadline = await s.Mrv.FindDeadlineAsync(report.Region, report.Year).ConfigureAwait(false);
        // A report submitted, verified or approved shows the figures it was decided on: the library version it names.
        var reported = await MrvReview.CheckAsync(s.Mrv, report.OrganisationId, report.Input,
            report.Status == ReportStatus.Draft ? null : report.FactorVersion).ConfigureAwait(false);
        var verified = report.Verification is not { } verification ? null
            : await MrvReview.CheckAsync(s.Mrv, report.OrganisationId, report.VerifiedInput, verification.FactorVersion).ConfigureAwait(false);
        return new ReportDetail(report, company, verifier, plan, deadline, reported, verified);
    }

    private static async Task<Organisation?> NameAsync(IStoreSession s, Dictionary<long, Organisation?> cache, long id)
    {
        if (!cache.TryGetValue(id, out var o))
        {
            o = await s.Organisations.FindByIdAsync(id).ConfigureAwait(false);
            cache[id] = o;
        }
        return o;
    }
}
