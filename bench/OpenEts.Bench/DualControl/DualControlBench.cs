using System.Diagnostics;
using System.Globalization;
using OpenEts.Application.DualControl.Targets;
using OpenEts.Application.Identity;
using OpenEts.Application.Mrv;
using OpenEts.Domain.DualControl.Targets;
using OpenEts.Domain.Identity;
using OpenEts.Storage;

namespace OpenEts.Bench.DualControl;

/// <summary>
/// The 晴雨表 and the annual assessment for every unit over a year: 31 provinces, each with cities and key energy users
/// (10 000 key users in all by default), monthly statistics for two years and the key users' annual reports. Times the
/// twelve monthly rounds (Jan … Jan–Dec) and scoring every unit in memory, then the same rounds read from SQLite
/// through <see cref="EnergyTargetsQueries"/>. The target: under 5 s.
/// </summary>
internal static class DualControlBench
{
    public static int Run(string[] args)
    {
        var keyUsers = args.Length > 1 && args[0] == "--key-users" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        const int provinces = 31;
        const int citiesPer = 12;
        var perCity = Math.Max(1, keyUsers / (provinces * citiesPer));
        var plans = new List<TargetPlan>();
        var statistics = new List<EnergyStatistic>();
        var reports = new List<AnnualEnergyReport>();
        var random = new Random(14);
        var at = DateTimeOffset.UnixEpoch;
        for (var p = 0; p < provinces; p++)
        {
            var province = UnitCode.From($"P{p:D2}");
            var units = new List<TargetUnit>();
            YearBudget[] Years(decimal tce) => [new(2024, Tce.From(tce), Tce.Zero, 3.2m), new(2025, Tce.From(tce), Tce.Zero, 3.2m)];
            units.Add(new TargetUnit(province, province.Value, UnitKind.Province, null, 15m, null, false, Years(citiesPer * 1_000_000m)));
            for (var c = 0; c < citiesPer; c++)
            {
                var city = UnitCode.From($"{province.Value}-C{c:D2}");
                units.Add(new TargetUnit(city, city.Value, UnitKind.City, province, 15m, null, false, Years(1_000_000m)));
                var fall = (decimal)random.Next(-100, 500) / 100m;
                for (var year = 2024; year <= 2025; year++)
                {
                    for (var m = 1; m <= 12; m++)
                    {
                        var gdp = 50_000m * (year == 2025 ? 1.06m : 1m);
                        var energy = decimal.Round(70_000m * (year == 2025 ? 1.06m * (1m - fall / 100m) : 1m), 3);
                        statistics.Add(new EnergyStatistic(city, year, m, 1, Tce.From(energy), EconomicOutput.FromWanYuan(gdp), at, "bench"));
                    }
                }
                for (var k = 0; k < perCity; k++)
                {
                    var user = UnitCode.From($"{city.Value}-K{k:D3}");
                    units.Add(new TargetUnit(user, user.Value, UnitKind.KeyEnergyUser, city, 15m, null, k % 7 == 0, Years(60_000m)));
                    reports.Add(new AnnualEnergyReport(user, 2024, Tce.From(60_000m), EconomicOutput.FromWanYuan(30_000m), at, "bench"));
                    reports.Add(new AnnualEnergyReport(user, 2025, Tce.From(59_000m + random.Next(0, 3_000)), EconomicOutput.FromWanYuan(31_000m), at, "bench"));
                }
            }
            for (var year = 2024; year <= 2025; year++)
            {
                for (var m = 1; m <= 12; m++)
                {
                    statistics.Add(new EnergyStatistic(province, year, m, 1, Tce.From(citiesPer * 70_000m), EconomicOutput.FromWanYuan(citiesPer * 50_000m * (year == 2025 ? 1.07m : 1m)), at, "bench"));
                }
            }
            plans.Add(new TargetPlan(province, 1, province.Value, 2024, 2025, Tce.From(citiesPer * 900_000m), 15m, Tce.From(citiesPer * 1_000_000m), [], units, "bench"));
        }
        var unitCount = plans.Sum(p => p.Units.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dual control: {provinces} provinces, {unitCount} units ({reports.Count / 2} key users), {statistics.Count} statistics rows, {reports.Count} annual reports"));

        var time = Stopwatch.StartNew();
        var book = new EnergyBook(statistics, reports);
        var rated = 0;
        for (var m = 1; m <= 12; m++)
        {
            rated += EnergyTargetsQueries.Warnings(plans, book, WarningPeriod.Of(2025, m), withKeyUsers: true).Rows.Count;
        }
        var measures = AssessmentSchemes.NingxiaCity.Areas.ToDictionary(a => a.Code, a => a.MaxPoints - 1m);
        var grades = new int[4];
        foreach (var unit in plans.SelectMany(p => p.Units))
        {
            var completion = Assessment.Completion(unit.Year(2025)!.IntensityReductionPercent, book.YearIntensityReduction(unit, 2025));
            grades[(int)Assessment.Score(AssessmentSchemes.NingxiaCity, completion, measures).Grade]++;
        }
        time.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"in memory: 12 rounds ({rated} ratings) + {unitCount} assessments in {time.Elapsed.TotalSeconds:0.000} s; grades {string.Join("/", grades)}"));

        var folder = Directory.CreateTempSubdirectory("openets-dualcontrol-");
        try
        {
            return RunStoredAsync(Path.Combine(folder.FullName, "dual.db"), plans, statistics, reports).GetAwaiter().GetResult();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<int> RunStoredAsync(string path, List<TargetPlan> plans, List<EnergyStatistic> statistics, List<AnnualEnergyReport> reports)
    {
        await using var store = await SqlStore.OpenAsync(path, CancellationToken.None);
        var load = Stopwatch.StartNew();
        await store.WriteAsync(async s =>
        {
            foreach (var plan in plans)
            {
                await s.EnergyTargets.InsertPlanAsync(new PlanVersion(plan, DateTimeOffset.UnixEpoch, "bench"));
            }
            await s.EnergyTargets.SaveStatisticsAsync(statistics);
            foreach (var user in reports.Select(r => r.KeyUser).Distinct())
            {
                await s.EnergyTargets.SaveKeyUserAsync(new KeyEnergyUser(user, user.Value, user, null, DateTimeOffset.UnixEpoch, "bench"));
            }
            foreach (var report in reports)
            {
                await s.EnergyTargets.SaveAnnualReportAsync(report);
            }
            return 0;
        }, CancellationToken.None);
        load.Stop();
        var queries = new EnergyTargetsQueries(store, new MrvQueries(store));
        var time = Stopwatch.StartNew();
        var rated = 0;
        for (var m = 1; m <= 12; m++)
        {
            rated += (await queries.WarningsAsync(null, WarningPeriod.Of(2025, m), CancellationToken.None)).Rows.Count;
        }
        time.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"SQLite: loaded in {load.Elapsed.TotalSeconds:0.0} s; 12 rounds read and rated ({rated} public ratings) in {time.Elapsed.TotalSeconds:0.000} s"));
        var regulator = new Actor(0, "bench", Role.Regulator, null);
        time.Restart();
        var all = 0;
        for (var m = 1; m <= 12; m++)
        {
            all += (await queries.WarningsAsync(regulator, WarningPeriod.Of(2025, m), CancellationToken.None)).Rows.Count;
        }
        time.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"SQLite, as the regulator: 12 rounds read and rated ({all} ratings, key users included) in {time.Elapsed.TotalSeconds:0.000} s"));
        time.Restart();
        var year = await queries.WarningsAsync(regulator, [.. Enumerable.Range(1, 12).Select(m => WarningPeriod.Of(2025, m))], CancellationToken.None);
        time.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"SQLite, as the regulator: the year's 12 rounds from one read ({year.Sum(t => t.Rows.Count)} ratings) in {time.Elapsed.TotalSeconds:0.000} s"));
        var part = Stopwatch.StartNew();
        var planCount = (await store.ReadAsync(s => s.EnergyTargets.LatestPlansAsync(), CancellationToken.None)).Count;
        var planTime = part.Elapsed;
        part.Restart();
        var rows = (await store.ReadAsync(s => s.EnergyTargets.StatisticsAsync(null, 2024, 2025), CancellationToken.None)).Count
            + (await store.ReadAsync(s => s.EnergyTargets.AnnualReportsAsync(2024, 2025), CancellationToken.None)).Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  one round's reads: {planCount} latest plans in {planTime.TotalMilliseconds:0} ms, {rows} statistics and reports in {part.Elapsed.TotalMilliseconds:0} ms"));
        return 0;
    }
}
