using OpenEts.Application.DualControl.Monitoring;
using OpenEts.Application.Files;
using OpenEts.Application.Forms;
using OpenEts.Application.Identity;
using OpenEts.Application.Mrv;
using OpenEts.Application.Storage;
using OpenEts.Domain.DualControl.Targets;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>
/// The only way into the targets data for the pages, the API and the CLI. The access rule: the 晴雨表 of regions and the
/// grades are public; plans with their split, statistics, key users' figures and the evidence of assessments are for
/// <see cref="EnergyTargetsRoles.Overseers"/>; a company's representative sees its own key users' budget and progress.
/// MRV's approved emissions are read only through <see cref="MrvQueries"/>.
/// </summary>
public sealed class EnergyTargetsQueries(IStore store, MrvQueries mrv)
{
    /// <summary>True when <paramref name="actor"/> sees plans, statistics, key users and evidence.</summary>
    public static bool IsOverseer(Actor? actor) => actor is not null && EnergyTargetsRoles.Overseers.Contains(actor.Role);

    /// <summary>The newest version of every region's plan (overseers only; else empty).</summary>
    public async Task<IReadOnlyList<PlanVersion>> PlansAsync(Actor? actor, CancellationToken ct) =>
        IsOverseer(actor) ? await store.ReadAsync(s => s.EnergyTargets.LatestPlansAsync(), ct).ConfigureAwait(false) : [];

    /// <summary>Every version of a region's plan, newest first (overseers only).</summary>
    public async Task<IReadOnlyList<PlanVersion>> PlanVersionsAsync(Actor? actor, UnitCode region, CancellationToken ct) =>
        IsOverseer(actor) ? await store.ReadAsync(s => s.EnergyTargets.PlanVersionsAsync(region), ct).ConfigureAwait(false) : [];

    /// <summary>A region's statistics for a year (overseers only).</summary>
    public async Task<IReadOnlyList<EnergyStatistic>> StatisticsAsync(Actor? actor, UnitCode? region, int year, CancellationToken ct) =>
        IsOverseer(actor) ? await store.ReadAsync(s => s.EnergyTargets.StatisticsAsync(region, year, year), ct).ConfigureAwait(false) : [];

    /// <summary>
    /// A province's or a city's year month by month against its path: energy used January to each month against the
    /// linear path to the year's budget, and the fall in intensity against the year's milestone (overseers only, like the
    /// split and the statistics). Null for anyone else, for a unit in no plan in force that year, and for a key energy
    /// user (rated on its annual report, it has no months).
    /// </summary>
    public async Task<RegionTrend?> TrendAsync(Actor? actor, UnitCode unit, int year, CancellationToken ct)
    {
        if (!IsOverseer(actor))
        {
            return null;
        }
        return await store.ReadAsync<RegionTrend?>(async s =>
        {
            var target = (await s.EnergyTargets.LatestPlansAsync().ConfigureAwait(false))
                .Where(p => p.Plan.FirstYear <= year && year <= p.Plan.LastYear)
                .Select(p => p.Plan.Unit(unit))
                .FirstOrDefault(u => u is not null);
            if (target is null)
            {
                return null;
            }
            var book = new EnergyBook(await s.EnergyTargets.StatisticsAsync(unit, year - 1, year).ConfigureAwait(false), []);
            return RegionTrend.Build(target, book, year);
        }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The plan the targets page shows when its address names the region <paramref name="asked"/>: that region's newest
    /// plan; with no region asked, the plan that names <paramref name="unit"/> (a link to a city's trend), else the first
    /// (the plans come in region order). When <paramref name="asked"/> names no region with a plan,
    /// <paramref name="error"/> names it as typed with the regions offered (rule <c>UnknownValue</c>) and the first is
    /// shown. Null when there is no plan.
    /// </summary>
    public static PlanVersion? ShownPlan(IReadOnlyList<PlanVersion> plans, string? asked, string? unit, out FieldError? error)
    {
        ArgumentNullException.ThrowIfNull(plans);
        error = null;
        if (plans.Count == 0)
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(asked))
        {
            var named = string.IsNullOrWhiteSpace(unit) ? null
                : plans.FirstOrDefault(p => p.Plan.Units.Any(u => string.Equals(u.Code.Value, unit.Trim(), StringComparison.OrdinalIgnoreCase)));
            return named ?? plans[0];
        }
        var region = Offered([.. plans.Select(p => p.Plan.Region)], asked, plans[0].Plan.Region, out error, "region");
        return plans.First(p => p.Plan.Region == region);
    }

    /// <summary>
    /// The unit whose trend the targets page shows for the plan <paramref name="shown"/> when its address names
    /// <paramref name="asked"/>: that unit when the plan offers its trend (a province or a city: a key energy user has no
    /// months), else the plan's region, also when nothing is asked; when <paramref name="asked"/> names a unit the plan
    /// does not offer, <paramref name="error"/> names it as typed with the units offered (rule <c>UnknownValue</c>).
    /// </summary>
    public static UnitCode TrendUnit(PlanVersion shown, string? asked, out FieldError? error)
    {
        ArgumentNullException.ThrowIfNull(shown);
        error = null;
        var offered = shown.Plan.Units.Where(u => u.Kind != UnitKind.KeyEnergyUser).Select(u => u.Code).ToList();
        return string.IsNullOrWhiteSpace(asked) ? shown.Plan.Region : Offered(offered, asked, shown.Plan.Region, out error);
    }

    /// <summary>
    /// The unit the assessment page scores when its address names <paramref name="asked"/>: that unit when a plan names it
    /// as a city or a key energy user (a province is not assessed there), else the first such unit in the plans' order
    /// (the first the page offers), also when nothing is asked; when <paramref name="asked"/> names none of them,
    /// <paramref name="error"/> names it as typed with the units offered (rule <c>UnknownValue</c>). Null when no plan
    /// offers one.
    /// </summary>
    public static UnitCode? AssessedUnit(IReadOnlyList<PlanVersion> plans, string? asked, out FieldError? error)
    {
        ArgumentNullException.ThrowIfNull(plans);
        error = null;
        var offered = plans.SelectMany(p => p.Plan.Units).Where(u => u.Kind != UnitKind.Province).Select(u => u.Code).ToList();
        if (offered.Count == 0)
        {
            return null;
        }
        return string.IsNullOrWhiteSpace(asked) ? offered[0] : Offered(offered, asked, offered[0], out error);
    }

    // The unit of offered that asked names (case aside), else instead with an UnknownValue error naming asked as typed.
    private static UnitCode Offered(List<UnitCode> offered, string asked, UnitCode instead, out FieldError? error, string field = "unit")
    {
        var read = new FieldReader();
        var code = read.Among(asked, field, [.. offered.Select(c => c.Value)]);
        error = read.IsValid ? null : read.Errors[0];
        var index = offered.FindIndex(c => c.Value == code);
        return index >= 0 ? offered[index] : instead;
    }

    /// <summary>
    /// A designated key energy user by code, read in the caller's session (a use case's transaction; no access rule: for
    /// use cases whose handler checked the actor's role, such as monitoring linking a unit to its designation).
    /// </summary>
    public static Task<KeyEnergyUser?> FindKeyUserAsync(IStoreSession s, UnitCode code)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.EnergyTargets.FindKeyUserAsync(code);
    }

    /// <summary>The designated key energy users (overseers only).</summary>
    public async Task<IReadOnlyList<KeyEnergyUser>> KeyUsersAsync(Actor? actor, CancellationToken ct) =>
        IsOverseer(actor) ? await store.ReadAsync(s => s.EnergyTargets.KeyUsersAsync(), ct).ConfigureAwait(false) : [];

    /// <summary>
    /// The 晴雨表 for a round: every unit of every region's newest plan in force that year. Key users only for overseers;
    /// the public sees provinces and cities.
    /// </summary>
    public Task<WarningTable> WarningsAsync(Actor? actor, WarningPeriod period, CancellationToken ct) =>
        store.ReadAsync(async s =>
        {
            var plans = await s.EnergyTargets.LatestPlansAsync().ConfigureAwait(false);
            var overseer = IsOverseer(actor);
            // Only key users are rated from annual reports, and only overseers see key users.
            var book = new EnergyBook(await s.EnergyTargets.StatisticsAsync(null, period.Year - 1, period.Year).ConfigureAwait(false),
                overseer ? await s.EnergyTargets.AnnualReportsAsync(period.Year - 1, period.Year).ConfigureAwait(false) : []);
            return Warnings(plans.Select(p => p.Plan), book, period, overseer);
        }, ct);

    /// <summary>
    /// The 晴雨表 of several rounds (a year's, say) computed from one read of the plans, statistics and reports, with
    /// the same access rule as <see cref="WarningsAsync(Actor?, WarningPeriod, CancellationToken)"/>.
    /// </summary>
    public Task<IReadOnlyList<WarningTable>> WarningsAsync(Actor? actor, IReadOnlyList<WarningPeriod> periods, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(periods);
        if (periods.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<WarningTable>>([]);
        }
        var (from, to) = (periods.Min(p => p.Year) - 1, periods.Max(p => p.Year));
        return store.ReadAsync<IReadOnlyList<WarningTable>>(async s =>
        {
            var plans = (await s.EnergyTargets.LatestPlansAsync().ConfigureAwait(false)).Select(p => p.Plan).ToList();
            var overseer = IsOverseer(actor);
            var book = new EnergyBook(await s.EnergyTargets.StatisticsAsync(null, from, to).ConfigureAwait(false),
                overseer ? await s.EnergyTargets.AnnualReportsAsync(from, to).ConfigureAwait(false) : []);
            return [.. periods.Select(p => Warnings(plans, book, p, overseer))];
        }, ct);
    }

    /// <summary>Rates every unit of <paramref name="plans"/> from <paramref name="book"/> (the bench and the queries share it).</summary>
    public static WarningTable Warnings(IEnumerable<TargetPlan> plans, EnergyBook book, WarningPeriod period, bool withKeyUsers)
    {
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(book);
        var rows = plans.Where(p => p.FirstYear <= period.Year && period.Year <= p.LastYear)
            .SelectMany(p => p.Units)
            .Where(u => withKeyUsers || u.Kind != UnitKind.KeyEnergyUser)
            .OrderBy(u => u.Kind).ThenBy(u => u.Code.Value, StringComparer.Ordinal)
            .Select(u => book.Warning(u, period))
            .ToList();
        return new WarningTable(period, rows);
    }

    /// <summary>
    /// The pollutant 晴雨表 of a round: each pollutant total of the plans in force (the region's, and a unit's where the
    /// plan gives it a pollutant budget) against the load the pollutant load meters measured from 1 January to the end of
    /// the round, read through <see cref="MonitoringQueries"/>. Same access rule as the 晴雨表: key users only for overseers.
    /// </summary>
    public Task<PollutantTable> PollutantWarningsAsync(Actor? actor, WarningPeriod period, CancellationToken ct) =>
        store.ReadAsync(async s =>
        {
            var plans = (await s.EnergyTargets.LatestPlansAsync().ConfigureAwait(false)).Select(p => p.Plan).ToList();
            var (from, to) = PollutantBarometer.Days(period);
            var loads = plans.Any(p => p.FirstYear <= period.Year && period.Year <= p.LastYear)
                ? await MonitoringQueries.PollutantLoadsAsync(s, from, to).ConfigureAwait(false)
                : [];
            return PollutantBarometer.Rate(plans, loads, period, IsOverseer(actor));
        }, ct);

    /// <summary>
    /// Assessments of a year. Everyone sees unit, score and grade; the measure scores and their evidence only overseers
    /// (others get the records without measures).
    /// </summary>
    public Task<IReadOnlyList<AssessmentRecord>> AssessmentsAsync(Actor? actor, int year, CancellationToken ct) =>
        store.ReadAsync<IReadOnlyList<AssessmentRecord>>(async s =>
        {
            var all = await s.EnergyTargets.AssessmentsAsync(year).ConfigureAwait(false);
            var overseer = IsOverseer(actor);
            return [.. all.Where(a => overseer || a.Kind != UnitKind.KeyEnergyUser).Select(a => overseer ? a : a with { Measures = [], By = "" })];
        }, ct);

    /// <summary>The public accountability list of a year: regions (and, for overseers, key users) by grade, then score.</summary>
    public async Task<IReadOnlyList<AccountabilityRow>> AccountabilityAsync(Actor? actor, int year, CancellationToken ct) =>
        [.. (await AssessmentsAsync(actor, year, ct).ConfigureAwait(false))
            .OrderBy(a => a.Result.Grade).ThenByDescending(a => a.Result.Total).ThenBy(a => a.Unit.Value, StringComparer.Ordinal)
            .Select(a => new AccountabilityRow(a.Unit, a.UnitName, a.Kind, a.Year, a.Result.Total, a.Result.Grade, a.Result.Vetoed, a.Result.Consequences))];

    /// <summary>
    /// The accountability list as .xlsx in the shape provinces publish their results (序号, 地区/单位, 考核得分, 考核等级, with the
    /// veto and the consequences as remarks); <paramref name="text"/> gives the Chinese names of grades and consequences.
    /// </summary>
    public async Task WriteAccountabilityXlsxAsync(Actor? actor, int year, Func<string, string> text, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = await AccountabilityAsync(actor, year, ct).ConfigureAwait(false);
        TabularWriter.WriteXlsx(output, ["序号", "地区/单位", "单位类型", "考核得分", "考核等级", "备注"],
            rows.Select((r, i) => (IReadOnlyList<object?>)new object?[]
            {
                i + 1, r.Name, text("energy.kind." + r.Kind), r.Total, text("energy.grade." + r.Grade),
                string.Join("；", (r.Vetoed ? [text("energy.vetoed")] : Array.Empty<string>()).Concat(r.Consequences.Select(c => text("energy." + c)))),
            }));
    }

    /// <summary>
    /// The year the key users' progress is shown for when none is asked: the last full calendar year at
    /// <paramref name="now"/>, Beijing time (the year whose statistics are in).
    /// </summary>
    public static int LastFullYear(DateTimeOffset now) => now.ToOffset(TimeSpan.FromHours(8)).Year - 1;

    /// <summary>
    /// The year the key users' pages open on: <see cref="LastFullYear"/>, unless no plan reaches it — a five-year plan
    /// ended, its successor not yet adopted — then the last year the plans cover, whose budgets and reports are there to
    /// show (in 2027 with only the 2021–2025 plan: 2025, not an empty 2026).
    /// </summary>
    public async Task<int> OpeningYearAsync(DateTimeOffset now, CancellationToken ct)
    {
        var last = LastFullYear(now);
        var plans = await store.ReadAsync(s => s.EnergyTargets.LatestPlansAsync(), ct).ConfigureAwait(false);
        return OpeningYear(last, plans.Select(p => (p.Plan.FirstYear, p.Plan.LastYear)));
    }

    /// <summary>
    /// <paramref name="lastFullYear"/> when a plan covers it, else the latest year before it that a plan covers, else
    /// <paramref name="lastFullYear"/> itself.
    /// </summary>
    public static int OpeningYear(int lastFullYear, IEnumerable<(int FirstYear, int LastYear)> plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var covered = plans.Where(p => p.FirstYear <= lastFullYear).Select(p => Math.Min(p.LastYear, lastFullYear)).ToList();
        return covered.Count > 0 ? covered.Max() : lastFullYear;
    }

    /// <summary>
    /// The key energy users the actor may see, with their year's budget, use and 晴雨表: every one for an overseer, the
    /// company's own for its representative, none for anyone else.
    /// </summary>
    /// <remarks>A year no target can name (outside 2000–2100) is refused with the <c>Year</c> rule and no rows.</remarks>
    public async Task<KeyUserProgressAnswer> ProgressAsync(Actor? actor, int year, CancellationToken ct)
    {
        var read = new FieldReader();
        read.TargetYear(year);
        if (!read.IsValid)
        {
            return new KeyUserProgressAnswer([], read.Errors);
        }
        var rows = await store.ReadAsync<IReadOnlyList<KeyUserProgress>>(async s =>
        {
            var users = await s.EnergyTargets.KeyUsersAsync().ConfigureAwait(false);
            if (IsOverseer(actor))
            {
                return await ProgressAsync(s, users, year).ConfigureAwait(false);
            }
            return actor is { Role: Role.CompanyRepresentative, OrganisationId: { } org }
                ? await ProgressAsync(s, [.. users.Where(u => u.OrganisationId == org)], year).ConfigureAwait(false)
                : [];
        }, ct).ConfigureAwait(false);
        return new KeyUserProgressAnswer(rows, []);
    }

    private static async Task<IReadOnlyList<KeyUserProgress>> ProgressAsync(IStoreSession s, IReadOnlyList<KeyEnergyUser> users, int year)
    {
        var plans = (await s.EnergyTargets.LatestPlansAsync().ConfigureAwait(false)).Select(p => p.Plan).ToList();
        var reports = await s.EnergyTargets.AnnualReportsAsync(year - 1, year).ConfigureAwait(false);
        var book = new EnergyBook([], reports);
        // Indexed once: 10 000 key users against every plan's units and reports was quadratic.
        var units = new Dictionary<UnitCode, TargetUnit>();
        foreach (var unit in plans.SelectMany(p => p.Units))
        {
            units.TryAdd(unit.Code, unit);
        }
        var usedByUser = reports.Where(r => r.Year == year).ToDictionary(r => r.KeyUser, r => r.Energy);
        return [.. users.Select(u =>
        {
            var unit = units.GetValueOrDefault(u.Code);
            var budget = unit?.Year(year)?.EnergyBudget;
            Tce? used = usedByUser.TryGetValue(u.Code, out var energy) ? energy : null;
            decimal? percent = budget is { Value: > 0 } b && used is { } x ? decimal.Round(x.Value / b.Value * 100m, 1) : null;
            return new KeyUserProgress(u, year, budget, used, percent, unit is null ? null : book.Warning(unit, WarningPeriod.Of(year, 12)));
        })];
    }

    /// <summary>
    /// Energy beside carbon: each key user of the covered-entity list with its year's reported energy and its company's
    /// approved emissions, read through MRV's queries (overseers only).
    /// </summary>
    public async Task<IReadOnlyList<CarbonBeside>> CarbonBesideAsync(Actor? actor, int year, CancellationToken ct)
    {
        if (!IsOverseer(actor))
        {
            return [];
        }
        var (users, reports, organisations) = await store.ReadAsync(async s =>
        {
            var u = await s.EnergyTargets.KeyUsersAsync().ConfigureAwait(false);
            var r = await s.EnergyTargets.AnnualReportsAsync(year, year).ConfigureAwait(false);
            // The key users' organisations in one read, not one read each.
            var ids = u.Where(x => x.OrganisationId is not null).Select(x => x.OrganisationId!.Value).ToHashSet();
            var o = (await s.Organisations.FindByIdsAsync(ids).ConfigureAwait(false)).ToDictionary(org => org.Id, org => (Code: org.Code.Value, org.Name));
            return (u, r, o);
        }, ct).ConfigureAwait(false);
        var approved = (await mrv.ApprovedTotalsAsync(null, ct).ConfigureAwait(false)).Where(a => a.Year <= year)
            .GroupBy(a => a.Organisation.Value).ToDictionary(g => g.Key, g => g.MaxBy(a => a.Year)!);
        var energy = reports.ToDictionary(r => r.KeyUser, r => r.Energy);
        return [.. users.Select(u =>
        {
            var org = u.OrganisationId is { } id && organisations.TryGetValue(id, out var o) ? o : default;
            var t = org.Code is not null ? approved.GetValueOrDefault(org.Code) : null;
            Tce? used = energy.TryGetValue(u.Code, out var e) ? e : null;
            return new CarbonBeside(u, org.Code, org.Name, year, used, t?.Approved, t?.Year);
        })];
    }
}
