using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Domain.DualControl.Monitoring;

namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>
/// Reads online monitoring and computes data quality live from the daily rollups: the regulator and the auditor see every
/// unit and region, a company's representative only its own organisation's units (the one access rule, here). A null
/// answer means the actor may not read it (or it does not exist).
/// </summary>
public sealed class MonitoringQueries(IStore store, TimeProvider clock)
{
    /// <summary>The default period: the 30 Beijing days up to today.</summary>
    public const int DefaultDays = 30;

    /// <summary>Today in Beijing.</summary>
    public DateOnly Today => QualityRules.BeijingDay(clock.GetUtcNow());

    /// <summary>The period asked for, defaulted (the last 30 days to today), ordered, and capped at 366 days.</summary>
    public (DateOnly From, DateOnly To) Period(DateOnly? from, DateOnly? to)
    {
        var end = to ?? Today;
        var start = from ?? end.AddDays(1 - DefaultDays);
        if (start > end)
        {
            (start, end) = (end, start);
        }
        return (start < end.AddDays(1 - MonitoringLimits.MaxDashboardDays) ? end.AddDays(1 - MonitoringLimits.MaxDashboardDays) : start, end);
    }

    /// <summary>The units the actor may see (all for the regulator and the auditor, its own for a company); null when the role reads none.</summary>
    public Task<IReadOnlyList<MonitoredUnit>?> UnitsAsync(Actor actor, CancellationToken ct) =>
        !MonitoringRoles.Readers.Contains(actor.Role)
            ? Task.FromResult<IReadOnlyList<MonitoredUnit>?>(null)
            : store.ReadAsync<IReadOnlyList<MonitoredUnit>?>(async s => await s.EnergyMonitoring.UnitsAsync(null, Scope(actor)).ConfigureAwait(false), ct);

    /// <summary>The meter points of a unit the actor may see; null otherwise.</summary>
    public Task<IReadOnlyList<MeterPoint>?> MetersAsync(Actor actor, long unitId, CancellationToken ct) =>
        store.ReadAsync<IReadOnlyList<MeterPoint>?>(async s =>
            await VisibleUnitAsync(s, actor, unitId).ConfigureAwait(false) is null ? null : await s.EnergyMonitoring.MetersAsync(unitId).ConfigureAwait(false), ct);

    /// <summary>Data quality of every unit the actor may see, and of their regions, over the period (of one region when given).</summary>
    public Task<QualityOverview?> OverviewAsync(Actor actor, string? region, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (!MonitoringRoles.Readers.Contains(actor.Role))
        {
            return Task.FromResult<QualityOverview?>(null);
        }
        var (start, end) = Period(from, to);
        var today = Today;
        return store.ReadAsync<QualityOverview?>(async s =>
        {
            var units = await s.EnergyMonitoring.UnitsAsync(string.IsNullOrWhiteSpace(region) ? null : region.Trim(), Scope(actor)).ConfigureAwait(false);
            var quality = await AssessAsync(s, units, null, start, end, today).ConfigureAwait(false);
            return new QualityOverview(start, end, quality, Regions(quality));
        }, ct);
    }

    /// <summary>A unit's dashboard over the period; null when the actor may not see the unit.</summary>
    public Task<UnitDashboard?> UnitAsync(Actor actor, long unitId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var (start, end) = Period(from, to);
        var today = Today;
        return store.ReadAsync<UnitDashboard?>(async s =>
        {
            if (await VisibleUnitAsync(s, actor, unitId).ConfigureAwait(false) is not { } unit)
            {
                return null;
            }
            var quality = (await AssessAsync(s, [unit], unitId, start, end, today).ConfigureAwait(false))[0];
            var days = await s.EnergyMonitoring.DaysAsync(unitId, start.DayNumber, end.DayNumber).ConfigureAwait(false);
            var byDay = days.ToLookup(d => d.Day);
            var meters = quality.Meters.Select(m => m.Meter).ToList();
            var daily = new List<DailyPoint>();
            for (var day = start; day <= end; day = day.AddDays(1))
            {
                var rows = byDay[day.DayNumber].ToDictionary(d => d.MeterId);
                var expected = meters.Sum(m => m.MonitoredFrom <= day && day < today ? Completeness.ExpectedSlots(m.Cadence, day, day) : 0);
                daily.Add(new DailyPoint(day, Math.Min(rows.Values.Sum(r => r.Received), expected), expected,
                    [.. meters.Select(m => rows.TryGetValue(m.Id, out var r) ? r.TotalMilli : 0)]));
            }
            return new UnitDashboard(start, end, today, quality, daily, await s.EnergyMonitoring.FaultsAsync(unitId).ConfigureAwait(false),
                await s.EnergyMonitoring.CalibrationsAsync(unitId).ConfigureAwait(false));
        }, ct);
    }

    /// <summary>
    /// Every exceedance the actor may see from <paramref name="from"/> to <paramref name="to"/> (default: the last 30 days):
    /// a day a meter went over its limit (its readings' sum, or for a concentration their mean). Null when the role reads none.
    /// </summary>
    public Task<IReadOnlyList<ExceedingDay>?> ExceedancesAsync(Actor actor, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (!MonitoringRoles.Readers.Contains(actor.Role))
        {
            return Task.FromResult<IReadOnlyList<ExceedingDay>?>(null);
        }
        var (start, end) = Period(from, to);
        var scope = Scope(actor);
        return store.ReadAsync<IReadOnlyList<ExceedingDay>?>(async s =>
            [.. (await ExceedancesAsync(s, start, end).ConfigureAwait(false)).Where(e => scope is null || e.Unit.OrganisationId == scope)], ct);
    }

    /// <summary>
    /// Every exceedance from <paramref name="from"/> to <paramref name="to"/>, by meter then day, read in the caller's
    /// session (a use case's transaction). No access rule: for use cases whose handler checked the actor's role (the card
    /// officers proposing cards from monitoring); pages and the API use the overload that takes the actor.
    /// </summary>
    public static async Task<IReadOnlyList<ExceedingDay>> ExceedancesAsync(IStoreSession s, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(s);
        var data = s.EnergyMonitoring;
        var days = await data.ExceedingDaysAsync(from.DayNumber, to.DayNumber).ConfigureAwait(false);
        if (days.Count == 0)
        {
            return [];
        }
        var meters = (await data.MetersAsync(null).ConfigureAwait(false)).ToDictionary(m => m.Id);
        var units = (await data.UnitsAsync(null, null).ConfigureAwait(false)).ToDictionary(u => u.Id);
        var limits = (await data.LimitsAsync(null).ConfigureAwait(false)).ToDictionary(l => l.MeterId);
        var codes = new Dictionary<long, string>();
        foreach (var organisation in days.Select(d => units[meters[d.MeterId].UnitId].OrganisationId).Distinct())
        {
            codes[organisation] = (await s.Organisations.FindByIdAsync(organisation).ConfigureAwait(false))?.Code.Value ?? "";
        }
        return [.. days.Select(d => (Day: d, Meter: meters[d.MeterId])).Select(x => new ExceedingDay(units[x.Meter.UnitId], x.Meter, limits[x.Day.MeterId],
            DateOnly.FromDayNumber(x.Day.Day), x.Day.TotalMilli, x.Day.Received, codes[units[x.Meter.UnitId].OrganisationId]))];
    }

    /// <summary>
    /// What every pollutant load meter measured from <paramref name="from"/> to <paramref name="to"/> (Beijing days,
    /// inclusive), with the key energy user its unit is linked to, read in the caller's session. No access rule: for the
    /// targets' pollutant 晴雨表, whose queries show regions to everyone and key users only to overseers.
    /// </summary>
    public static async Task<IReadOnlyList<PollutantLoad>> PollutantLoadsAsync(IStoreSession s, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(s);
        var data = s.EnergyMonitoring;
        var meters = (await data.MetersAsync(null).ConfigureAwait(false)).Where(m => m.Kind == EnergyKind.PollutantLoad).ToList();
        if (meters.Count == 0)
        {
            return [];
        }
        var units = (await data.UnitsAsync(null, null).ConfigureAwait(false)).ToDictionary(u => u.Id);
        var links = (await data.KeyUserLinksAsync().ConfigureAwait(false)).ToDictionary(l => l.UnitId, l => l.KeyUserCode);
        var totals = (await data.MeterTotalsAsync(null, from.DayNumber, to.DayNumber).ConfigureAwait(false)).ToDictionary(t => t.MeterId);
        return [.. meters.Select(m => (Meter: m, Total: totals.TryGetValue(m.Id, out var t) ? t : default))
            .Select(x => new PollutantLoad(units[x.Meter.UnitId], links.GetValueOrDefault(x.Meter.UnitId), x.Meter, x.Total.TotalMilli, x.Total.Received))];
    }

    /// <summary>The permitted daily use of a unit's meters, when the actor may see the unit; null otherwise.</summary>
    public Task<IReadOnlyList<MeterLimit>?> LimitsAsync(Actor actor, long unitId, CancellationToken ct) =>
        store.ReadAsync<IReadOnlyList<MeterLimit>?>(async s =>
            await VisibleUnitAsync(s, actor, unitId).ConfigureAwait(false) is null ? null : await s.EnergyMonitoring.LimitsAsync(unitId).ConfigureAwait(false), ct);

    /// <summary>The key-user links of the units the actor may see (all for the regulator and the auditor, its own for a company).</summary>
    public Task<IReadOnlyList<UnitKeyUser>> KeyUserLinksAsync(Actor actor, CancellationToken ct) =>
        !MonitoringRoles.Readers.Contains(actor.Role)
            ? Task.FromResult<IReadOnlyList<UnitKeyUser>>([])
            : store.ReadAsync<IReadOnlyList<UnitKeyUser>>(async s =>
            {
                var visible = (await s.EnergyMonitoring.UnitsAsync(null, Scope(actor)).ConfigureAwait(false)).Select(u => u.Id).ToHashSet();
                return [.. (await s.EnergyMonitoring.KeyUserLinksAsync().ConfigureAwait(false)).Where(l => visible.Contains(l.UnitId))];
            }, ct);

    /// <summary>
    /// The data quality over the last 30 days of every monitored unit linked to a key energy user's designation that the
    /// actor may see, by the key user's code (the key-users page shows it beside the budget).
    /// </summary>
    public Task<IReadOnlyList<KeyUserQuality>> KeyUserQualityAsync(Actor actor, CancellationToken ct)
    {
        if (!MonitoringRoles.Readers.Contains(actor.Role))
        {
            return Task.FromResult<IReadOnlyList<KeyUserQuality>>([]);
        }
        var (start, end) = Period(null, null);
        var today = Today;
        return store.ReadAsync<IReadOnlyList<KeyUserQuality>>(async s =>
        {
            var links = (await s.EnergyMonitoring.KeyUserLinksAsync().ConfigureAwait(false)).ToDictionary(l => l.UnitId);
            var units = (await s.EnergyMonitoring.UnitsAsync(null, Scope(actor)).ConfigureAwait(false)).Where(u => links.ContainsKey(u.Id)).ToList();
            if (units.Count == 0)
            {
                return [];
            }
            var quality = await AssessAsync(s, units, units.Count == 1 ? units[0].Id : null, start, end, today).ConfigureAwait(false);
            return [.. quality.Select(q => new KeyUserQuality(links[q.Unit.Id].KeyUserCode, q))];
        }, ct);
    }

    /// <summary>
    /// The rules applied to each meter of <paramref name="units"/> from the database's sums (per-meter totals, month
    /// totals, monthly figures, faults, calibrations), then combined per unit. A meter's period is clipped to the days it
    /// was monitored for and to yesterday: a day's readings are expected once the day is over.
    /// </summary>
    private static async Task<List<UnitQuality>> AssessAsync(IStoreSession s, IReadOnlyList<MonitoredUnit> units, long? unitId, DateOnly from,
        DateOnly to, DateOnly today)
    {
        var data = s.EnergyMonitoring;
        var meters = (await data.MetersAsync(unitId).ConfigureAwait(false)).ToLookup(m => m.UnitId);
        var totals = (await data.MeterTotalsAsync(unitId, from.DayNumber, to.DayNumber).ConfigureAwait(false)).ToDictionary(t => t.MeterId);
        var fromMonth = MonitoringFields.MonthKey(from);
        var toMonth = MonitoringFields.MonthKey(to);
        var monthTotals = (await data.MonthTotalsAsync(unitId, fromMonth, toMonth).ConfigureAwait(false)).ToDictionary(t => (t.MeterId, t.Month));
        var monthly = (await data.MonthlyAsync(unitId, fromMonth, toMonth).ConfigureAwait(false)).ToLookup(m => m.MeterId);
        var faults = (await data.FaultsAsync(unitId).ConfigureAwait(false)).ToLookup(f => f.MeterId);
        var calibrations = (await data.CalibrationsAsync(unitId).ConfigureAwait(false)).ToLookup(c => c.MeterId);
        var result = new List<UnitQuality>(units.Count);
        foreach (var unit in units)
        {
            var rows = new List<MeterRow>();
            foreach (var meter in meters[unit.Id])
            {
                var start = meter.MonitoredFrom > from ? meter.MonitoredFrom : from;
                var end = today.AddDays(-1) < to ? today.AddDays(-1) : to;
                var total = totals.TryGetValue(meter.Id, out var t) ? t : default;
                var figures = monthly[meter.Id].ToList();
                var months = figures.Select(f => new MonthlyAgreement(f.Month,
                    MeterQuantity.FromMilli(monthTotals.TryGetValue((meter.Id, MonitoringFields.MonthKey(f.Month)), out var mt) ? mt.TotalMilli : 0),
                    f.Value)).ToList();
                var evidence = new MeterEvidence(meter.Cadence, start, end, total.Received, total.OffTime + figures.Count(f => !f.OnTime), months,
                    [.. faults[meter.Id].Select(f => (f.ReportedOn, f.RepairedOn))],
                    [.. calibrations[meter.Id].Select(c => (c.CalibratedOn, QualityRules.BeijingDay(c.RecordedAt)))]);
                rows.Add(new MeterRow(meter, MeterQuality.Assess(evidence, today)));
            }
            result.Add(new UnitQuality(unit, rows, MeterQuality.Combine(rows.Select(r => r.Quality))));
        }
        return result;
    }

    private static List<RegionQuality> Regions(IReadOnlyList<UnitQuality> units) =>
        [.. units.GroupBy(u => u.Unit.Region, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RegionQuality(g.Key, g.Count(), g.Count(u => u.Quality.Completeness.IsFlagged), MeterQuality.Combine(g.Select(u => u.Quality))))];

    private static async Task<MonitoredUnit?> VisibleUnitAsync(IStoreSession s, Actor actor, long unitId) =>
        !MonitoringRoles.Readers.Contains(actor.Role) ? null
            : await s.EnergyMonitoring.FindUnitAsync(unitId).ConfigureAwait(false) is { } unit
                && (MonitoringRoles.ReadsAll(actor.Role) || unit.OrganisationId == actor.OrganisationId) ? unit : null;

    // A company reads its own organisation's units; one without an organisation reads none (id -1 matches nothing).
    private static long? Scope(Actor actor) => MonitoringRoles.ReadsAll(actor.Role) ? null : actor.OrganisationId ?? -1;
}
