using OpenEts.Application.DualControl.Monitoring;
using OpenEts.Application.Identity;
using OpenEts.Domain.DualControl.Monitoring;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Storage.Tests;

// Online energy monitoring through its use cases, on every database: bulk ingestion (binary COPY on PostgreSQL), the
// daily rollups it keeps, idempotent batches, all-or-nothing refusal, company scoping, faults and calibrations, and
// data quality computed from the database's sums.
public abstract partial class StoreContract<TDb>
{
    // Monday 2026-11-30 12:00 in Beijing.
    private static readonly DateTimeOffset MeterNow = new(2026, 11, 30, 4, 0, 0, TimeSpan.Zero);

    private sealed record MeterWorld(SqlStore Store, MonitoringCommandHandler Handler, MonitoringQueries Queries, Actor Regulator, Actor Steel,
        Actor Cement) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Store.DisposeAsync();
    }

    private async Task<MeterWorld> MeterWorldAsync()
    {
        var store = await Db.CreateStoreAsync();
        var (steel, cement) = await store.WriteAsync(async s => (
            await s.Organisations.InsertAsync(Company("91440200MA5CY1003", "韶关钢铁", Sector.Steel), Now),
            await s.Organisations.InsertAsync(Company("91441800MA5CY1002", "北江水泥"), Now)), Ct);
        var clock = new FixedClock(MeterNow);
        var w = new MeterWorld(store, new MonitoringCommandHandler(store, clock), new MonitoringQueries(store, clock),
            new Actor(1, "regulator", Role.Regulator, null), new Actor(2, "steel", Role.CompanyRepresentative, steel.Id),
            new Actor(3, "cement", Role.CompanyRepresentative, cement.Id));
        foreach (var (organisation, meter) in new[] { (steel.Id, "SG-E1"), (cement.Id, "BJ-E1") })
        {
            var unit = (MonitoredUnit)Done(await w.Handler.HandleAsync(w.Regulator, new RegisterMonitoredUnit(organisation, null, new DateOnly(2026, 11, 1)), Ct));
            Done(await w.Handler.HandleAsync(w.Regulator,
                new RegisterMeterPoint(unit.Id, meter, "总电表", EnergyKind.Electricity, "kWh", MeterCadence.Hourly, null), Ct));
        }
        return w;
    }

    private static object Done(MonitoringCommandOutcome outcome) =>
        Assert.IsType<MonitoringCommandOutcome.Completed>(outcome, exactMatch: false).Result;

    private static IngestReadings Hours(string batchId, string meter, DateOnly day, int hours, decimal value = 10m, int from = 0)
    {
        var forms = Enumerable.Range(from, hours).Select(h => new IngestReadings.ReadingForm($"{meter}-{day:yyyyMMdd}-{h:00}", meter,
            new DateTimeOffset(day.ToDateTime(new TimeOnly(h, 0)), TimeSpan.FromHours(8)).ToString("O"), value)).ToList();
        Assert.True(IngestReadings.TryParse(new IngestReadings.Form(batchId, forms), out var command, out var errors),
            string.Join("; ", errors.Select(e => e.Message)));
        return command;
    }

    [Fact]
    public async Task Monitoring_IngestADay_StoresReadingsAndTheDayRollup()
    {
        await using var w = await MeterWorldAsync();

        var result = (IngestResult)Done(await w.Handler.HandleAsync(w.Steel, Hours("b1", "SG-E1", new DateOnly(2026, 11, 29), 24, 12.5m), Ct));

        var meter = await w.Store.ReadAsync(s => s.EnergyMonitoring.FindMeterAsync("SG-E1"), Ct);
        var day = new DateOnly(2026, 11, 29).DayNumber;
        var days = await w.Store.ReadAsync(s => s.EnergyMonitoring.DaysAsync(meter!.UnitId, day, day), Ct);
        var readings = await w.Store.ReadAsync(s => s.EnergyMonitoring.ReadingsAsync(meter!.Id, 0, long.MaxValue), Ct);
        Assert.Equal((24, 24, false), (result.Readings, result.NewReadings, result.Resent));
        Assert.Equal(24, readings.Count);
        // 24 readings of 12.5 kWh = 300 kWh = 300 000 thousandths.
        Assert.Equal([(24L, 0L, 300_000L)], days.Select(d => (d.Received, d.OffTime, d.TotalMilli)).ToArray());
    }

    [Fact]
    public async Task Monitoring_ResentBatch_ChangesNothingAndSaysSo()
    {
        await using var w = await MeterWorldAsync();
        var batch = Hours("b1", "SG-E1", new DateOnly(2026, 11, 29), 24);
        Done(await w.Handler.HandleAsync(w.Steel, batch, Ct));
        var journal = await w.Store.ReadAsync(s => s.Journal.CountAsync(new(null, null, null)), Ct);

        var again = (IngestResult)Done(await w.Handler.HandleAsync(w.Steel, batch, Ct));

        var meter = await w.Store.ReadAsync(s => s.EnergyMonitoring.FindMeterAsync("SG-E1"), Ct);
        var totals = await w.Store.ReadAsync(s => s.EnergyMonitoring.MeterTotalsAsync(null, 0, int.MaxValue), Ct);
        Assert.True(again.Resent);
        Assert.Equal(0, again.NewReadings);
        Assert.Equal(24, totals.Single(t => t.MeterId == meter!.Id).Received);
        Assert.Equal(journal, await w.Store.ReadAsync(s => s.Journal.CountAsync(new(null, null, null)), Ct));
    }

    [Fact]
    public async Task Monitoring_OverlappingBatchUnderANewId_CountsOnlyTheNewHours()
    {
        await using var w = await MeterWorldAsync();
        Done(await w.Handler.HandleAsync(w.Steel, Hours("b1", "SG-E1", new DateOnly(2026, 11, 29), 12), Ct));

        var second = (IngestResult)Done(await w.Handler.HandleAsync(w.Steel, Hours("b2", "SG-E1", new DateOnly(2026, 11, 29), 24), Ct));

        Assert.Equal((24, 12, 12), (second.Readings, second.NewReadings, second.AlreadyHeld));
    }

    [Fact]
    public async Task Monitoring_BatchWithOneChangedReading_IsRefusedWholeAndWritesNothing()
    {
        await using var w = await MeterWorldAsync();
        Done(await w.Handler.HandleAsync(w.Steel, Hours("b1", "SG-E1", new DateOnly(2026, 11, 29), 1, 10m), Ct));

        // Hour 0 again with another value, plus 23 new hours: the whole batch is refused.
        var outcome = await w.Handler.HandleAsync(w.Steel, Hours("b2", "SG-E1", new DateOnly(2026, 11, 29), 24, 11m), Ct);

        var refused = Assert.IsType<MonitoringCommandOutcome.Refused>(outcome);
        var totals = await w.Store.ReadAsync(s => s.EnergyMonitoring.MeterTotalsAsync(null, 0, int.MaxValue), Ct);
        Assert.Equal("ReadingChanged", refused.Rule);
        Assert.Equal(1, totals.Sum(t => t.Received));
    }

    [Fact]
    public async Task Monitoring_CompanySendingForAnotherCompanysMeter_IsForbiddenAndWritesNothing()
    {
        await using var w = await MeterWorldAsync();

        var outcome = await w.Handler.HandleAsync(w.Cement, Hours("b1", "SG-E1", new DateOnly(2026, 11, 29), 24), Ct);

        var refused = Assert.IsType<MonitoringCommandOutcome.Refused>(outcome);
        Assert.Equal("NotYourMeter", refused.Rule);
        Assert.Empty(await w.Store.ReadAsync(s => s.EnergyMonitoring.MeterTotalsAsync(null, 0, int.MaxValue), Ct));
    }

    [Fact]
    public async Task Monitoring_Overview_FlagsTheUnitUnderNinetyPercentAndScopesCompanies()
    {
        await using var w = await MeterWorldAsync();
        // Period 2026-11-28 to 2026-11-29: 48 hourly slots per meter. Steel sends 44 (91.7 %), cement 43 (89.6 %).
        Done(await w.Handler.HandleAsync(w.Steel, Hours("s1", "SG-E1", new DateOnly(2026, 11, 28), 24), Ct));
        Done(await w.Handler.HandleAsync(w.Steel, Hours("s2", "SG-E1", new DateOnly(2026, 11, 29), 20), Ct));
        Done(await w.Handler.HandleAsync(w.Cement, Hours("c1", "BJ-E1", new DateOnly(2026, 11, 28), 24), Ct));
        Done(await w.Handler.HandleAsync(w.Cement, Hours("c2", "BJ-E1", new DateOnly(2026, 11, 29), 19), Ct));

        var all = await w.Queries.OverviewAsync(w.Regulator, null, new DateOnly(2026, 11, 28), new DateOnly(2026, 11, 29), Ct);
        var own = await w.Queries.OverviewAsync(w.Cement, null, new DateOnly(2026, 11, 28), new DateOnly(2026, 11, 29), Ct);

        var byName = all!.Units.ToDictionary(u => u.Unit.OrganisationName, u => u.Quality.Completeness);
        Assert.Equal((44L, 48L, false), (byName["韶关钢铁"].Received, byName["韶关钢铁"].Expected, byName["韶关钢铁"].IsFlagged));
        Assert.Equal((43L, 48L, true), (byName["北江水泥"].Received, byName["北江水泥"].Expected, byName["北江水泥"].IsFlagged));
        Assert.Equal(["北江水泥"], own!.Units.Select(u => u.Unit.OrganisationName).ToArray());
        Assert.Equal((2, 1), (all.Regions.Single().Units, all.Regions.Single().FlaggedUnits));
    }

    [Fact]
    public async Task Monitoring_MonthlyFigureAndFaults_AreJudgedOnTheDashboard()
    {
        await using var w = await MeterWorldAsync();
        // November: 24 readings of 10 kWh on the 2nd = 240 kWh against a monthly figure of 300 kWh: 20 % off, a mismatch.
        var forms = Enumerable.Range(0, 24).Select(h => new IngestReadings.ReadingForm($"r{h}", "SG-E1",
            new DateTimeOffset(2026, 11, 2, h, 0, 0, TimeSpan.FromHours(8)).ToString("O"), 10m)).ToList();
        Assert.True(IngestReadings.TryParse(new IngestReadings.Form("m1", forms,
            [new IngestReadings.MonthlyForm("SG-E1", "2026-11", 300m, "2026-11-30T00:00:00+08:00")]), out var batch, out _));
        Done(await w.Handler.HandleAsync(w.Steel, batch, Ct));
        // Reported Tuesday 24 Nov, deadline Friday 27 Nov, still open on 30 Nov: escalated.
        var fault = (MeterFault)Done(await w.Handler.HandleAsync(w.Steel, new RecordMeterFault("SG-E1", new DateOnly(2026, 11, 24), "通讯中断"), Ct));
        Done(await w.Handler.HandleAsync(w.Steel, new RecordCalibration("SG-E1", new DateOnly(2026, 11, 2), false, "JJG 596-2012 / 2026-0042"), Ct));

        var unitId = (await w.Store.ReadAsync(s => s.EnergyMonitoring.FindMeterAsync("SG-E1"), Ct))!.UnitId;
        var dashboard = await w.Queries.UnitAsync(w.Steel, unitId, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), Ct);
        var denied = await w.Queries.UnitAsync(w.Cement, unitId, null, null, Ct);

        var month = Assert.Single(dashboard!.Quality.Quality.Months);
        Assert.Equal((240_000L, 300_000L), (month.ReadingsTotal.Milli, month.MonthlyFigure.Milli));
        Assert.Contains(QualityFlag.MonthlyMismatch, dashboard.Quality.Quality.Flags);
        Assert.Contains(QualityFlag.FaultEscalated, dashboard.Quality.Quality.Flags);
        Assert.DoesNotContain(QualityFlag.NoCalibration, dashboard.Quality.Quality.Flags);
        Assert.Equal(FaultState.Escalated, Assert.Single(dashboard.Faults).StateOn(dashboard.Today));
        Assert.Equal(fault.Id, dashboard.Faults[0].Id);
        Assert.Equal(30, dashboard.Daily.Count);
        Assert.Null(denied);
    }

    [Fact]
    public async Task Monitoring_RepairRecorded_RoundTripsAndCannotBeRecordedTwice()
    {
        await using var w = await MeterWorldAsync();
        var fault = (MeterFault)Done(await w.Handler.HandleAsync(w.Steel, new RecordMeterFault("SG-E1", new DateOnly(2026, 11, 27), "表计损坏"), Ct));

        var repaired = (MeterFault)Done(await w.Handler.HandleAsync(w.Steel, new RecordFaultRepair(fault.Id, new DateOnly(2026, 11, 30), "更换模块"), Ct));
        var twice = await w.Handler.HandleAsync(w.Steel, new RecordFaultRepair(fault.Id, null, ""), Ct);

        var stored = await w.Store.ReadAsync(s => s.EnergyMonitoring.FindFaultAsync(fault.Id), Ct);
        Assert.Equal(repaired, stored);
        Assert.Equal(FaultState.Repaired, stored!.StateOn(new DateOnly(2026, 12, 10)));
        Assert.Equal("AlreadyRepaired", Assert.IsType<MonitoringCommandOutcome.Refused>(twice).Rule);
    }

    [Fact]
    public async Task Monitoring_RepairOfAnotherCompanysFault_ReadsAsNoSuchFault_AndNamesNoMeter()
    {
        await using var w = await MeterWorldAsync();
        var fault = (MeterFault)Done(await w.Handler.HandleAsync(w.Steel, new RecordMeterFault("SG-E1", new DateOnly(2026, 11, 27), "表计损坏"), Ct));

        var foreign = Assert.IsType<MonitoringCommandOutcome.Refused>(await w.Handler.HandleAsync(w.Cement, new RecordFaultRepair(fault.Id, null, "冒名"), Ct));
        var missing = Assert.IsType<MonitoringCommandOutcome.Refused>(await w.Handler.HandleAsync(w.Cement, new RecordFaultRepair(fault.Id + 1000, null, ""), Ct));

        Assert.Equal(("UnknownFault", "faultId"), (foreign.Rule, foreign.Field));
        Assert.Equal((missing.Rule, missing.Kind), (foreign.Rule, foreign.Kind));
        Assert.DoesNotContain("SG-E1", foreign.Message, StringComparison.Ordinal);
        Assert.Null((await w.Store.ReadAsync(s => s.EnergyMonitoring.FindFaultAsync(fault.Id), Ct))!.RepairedOn);
    }

    [Fact]
    public async Task Monitoring_TotalsFromMonthRollups_EqualTheSumsOfTheDays()
    {
        await using var store = await Db.CreateStoreAsync();
        var first = new DateOnly(2026, 1, 20);
        var days = Enumerable.Range(0, 90).Select(i => first.AddDays(i))
            .Select(d => new MeterDay(7, d.DayNumber, MonitoringFields.MonthKey(d), 20 + d.Day % 5, d.Day % 3, 1_000L * d.DayOfYear)).ToList();
        // Written in two batches that share days and months, as overlapping ingestion batches do.
        await store.WriteAsync(async s =>
        {
            await s.EnergyMonitoring.InsertReadingsAsync([], days[..50]);
            await s.EnergyMonitoring.InsertReadingsAsync([], days[40..]);
            return 0;
        }, Ct);
        var stored = await store.ReadAsync(s => s.EnergyMonitoring.DaysAsync(null, first.DayNumber, first.AddDays(89).DayNumber), Ct);

        (long, long, long) Sum(DateOnly from, DateOnly to)
        {
            var within = stored.Where(d => d.Day >= from.DayNumber && d.Day <= to.DayNumber).ToList();
            return (within.Sum(d => d.Received), within.Sum(d => d.OffTime), within.Sum(d => d.TotalMilli));
        }
        foreach (var (from, to) in new[]
        {
            (new DateOnly(2026, 1, 25), new DateOnly(2026, 3, 31)),
            (new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)),
            (new DateOnly(2026, 1, 31), new DateOnly(2026, 4, 2)),
            (new DateOnly(2026, 2, 3), new DateOnly(2026, 2, 17)),
            (new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 30)),
        })
        {
            var total = Assert.Single(await store.ReadAsync(s => s.EnergyMonitoring.MeterTotalsAsync(null, from.DayNumber, to.DayNumber), Ct));
            Assert.Equal(Sum(from, to), (total.Received, total.OffTime, total.TotalMilli));
        }
        var months = await store.ReadAsync(s => s.EnergyMonitoring.MonthTotalsAsync(null, 202601, 202604), Ct);
        Assert.Equal(stored.GroupBy(d => d.Month).Select(g => (g.Key, g.Sum(d => d.TotalMilli))).Order(),
            months.Select(m => (m.Month, m.TotalMilli)).Order());
    }
}
