using OpenEts.Application.DualControl.Monitoring;
using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Domain.DualControl.Targets;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>
/// The demo's dual-control data, so the energy pages show something on first start: a Ningxia-shaped province (NX: five
/// cities and 宁东基地) with a 十四五 plan 2021–2025, two years of monthly statistics (2024, 2025), four key energy users
/// (two added, two from the covered-entity list so that MRV's approved emissions show beside their energy), their
/// annual reports, and 2025 assessments of every city but 固原 (left for the regulator to score). The plan's pollutant totals
/// are the province's; the power plant also has a NOx budget of its own (<see cref="PollutantKeyUser"/>). The two key users from
/// the list are linked to their monitored units when the demo monitors them (<see cref="LinkKeyUser"/>), so the monitoring
/// dashboard shows their budgets and the key-users page their data quality. Every figure is invented for the demo except
/// the plan's −15 % and 11.2 Mtce, taken as examples (docs/dual-control.md).
/// </summary>
public sealed class DemoEnergyTargets(IStore store, EnergyTargetsCommandHandler handler, MonitoringCommandHandler? monitoring = null)
{
    // The last year the demo's statistics and key users' reports cover.
    private const int LastDemoYear = 2025;

    /// <summary>The demo province's code.</summary>
    public const string Province = "NX";

    /// <summary>The city left unscored for 2025.</summary>
    public const string UnscoredCity = "NX-GY";

    /// <summary>A demo city: code, name, share of the province budget (in tenths of a percent), and its 2025 intensity fall in percent.</summary>
    public sealed record City(string Code, string Name, decimal Share, decimal Fall2025, decimal Energy2024Tce, decimal Gdp2024WanYuan);

    /// <summary>
    /// The cities. Their 2025 falls against the yearly milestone of 3.2 % (about 1 − 0.85^(1/5), the five-year −15 % spread
    /// evenly) give every colour: 4.0 and 3.5 green, 3.0 yellow (0.2 short, within 0.32), 2.5 red, −1.0 red.
    /// </summary>
    public static IReadOnlyList<City> Cities { get; } =
    [
        new("NX-YC", "银川市（演示）", 27m, 4.0m, 21_000_000m, 26_000_000m),
        new("NX-SZS", "石嘴山市（演示）", 18m, 3.0m, 13_500_000m, 6_500_000m),
        new("NX-WZ", "吴忠市（演示）", 18m, 3.5m, 12_600_000m, 7_800_000m),
        new("NX-GY", "固原市（演示）", 5m, -1.0m, 3_200_000m, 4_100_000m),
        new("NX-ZW", "中卫市（演示）", 9m, 2.5m, 6_300_000m, 5_200_000m),
        new("NX-ND", "宁东能源化工基地（演示）", 13m, 3.3m, 9_600_000m, 5_900_000m),
    ];

    /// <summary>The province keeps this share (of 100) as its reserve for major projects.</summary>
    public const decimal ReserveShare = 10m;

    /// <summary>The province's budget by year, tce (baseline 2020: 70 Mtce; the 2025 increase 10 Mtce is under the 11.2 Mtce cap).</summary>
    public static IReadOnlyList<(int Year, decimal Tce)> ProvinceBudgets { get; } =
        [(2021, 72_000_000m), (2022, 74_000_000m), (2023, 76_000_000m), (2024, 78_000_000m), (2025, 80_000_000m)];

    /// <summary>Key users: code, name, city, the covered organisation's first 17 code characters (null when added), share of the city's budget (%).</summary>
    public static IReadOnlyList<(string Code, string Name, string City, string? Organisation, decimal Share)> KeyUsers { get; } =
    [
        ("KU-NX-0001", "宁东示范煤化工有限公司（演示）", "NX-ND", null, 40m),
        ("KU-NX-0002", "石嘴山示范铁合金有限公司（演示）", "NX-SZS", null, 20m),
        ("KU-NX-0003", "珠江示范发电有限公司", "NX-YC", "91440101MA5CY1001", 15m),
        ("KU-NX-0004", "北江示范水泥有限公司", "NX-WZ", "91441800MA5CY1002", 10m),
    ];

    /// <summary>
    /// The key user with its own pollutant budget: the power plant, NOx 800 t in 2020 cut by 10 % to 720 t in 2025. Its
    /// NOx load meter (<see cref="DemoMonitoring"/>) reads about 1 980 kg a day, some 723 t in 2025: just over the path,
    /// so the pollutant 晴雨表 shows it yellow.
    /// </summary>
    public const string PollutantKeyUser = "KU-NX-0003";

    /// <summary>The demo plan as the document the regulator adopts.</summary>
    public static PlanDocument Plan()
    {
        var years = ProvinceBudgets.Select(b => b.Year).ToList();
        var units = new List<PlanDocument.UnitDocument>();
        var cityBudgets = new Dictionary<string, List<Tce>>();
        var provinceRetained = new List<Tce>();
        foreach (var (_, total) in ProvinceBudgets)
        {
            var parts = BudgetSplit.Split(Tce.From(total), [ReserveShare, .. Cities.Select(c => c.Share)]);
            provinceRetained.Add(parts[0]);
            for (var i = 0; i < Cities.Count; i++)
            {
                (cityBudgets.TryGetValue(Cities[i].Code, out var l) ? l : cityBudgets[Cities[i].Code] = []).Add(parts[i + 1]);
            }
        }
        units.Add(new(Province, "宁夏回族自治区（演示）", nameof(UnitKind.Province), null, 15m, 3.5m, false,
            [.. years.Select((y, i) => new PlanDocument.YearDocument(y, ProvinceBudgets[i].Tce, provinceRetained[i].Value, 3.2m))]));
        foreach (var city in Cities)
        {
            var mine = KeyUsers.Where(k => k.City == city.Code).ToList();
            var keyParts = cityBudgets[city.Code].Select(b => BudgetSplit.Split(b, [100m - mine.Sum(k => k.Share), .. mine.Select(k => k.Share)])).ToList();
            units.Add(new(city.Code, city.Name, nameof(UnitKind.City), Province, 15m, null, false,
                [.. years.Select((y, i) => new PlanDocument.YearDocument(y, cityBudgets[city.Code][i].Value, keyParts[i][0].Value, 3.2m))]));
            for (var k = 0; k < mine.Count; k++)
            {
                var index = k + 1;
                units.Add(new(mine[k].Code, mine[k].Name, nameof(UnitKind.KeyEnergyUser), city.Code, 15m, null, mine[k].Code == "KU-NX-0004",
                    [.. years.Select((y, i) => new PlanDocument.YearDocument(y, keyParts[i][index].Value, 0m, 3.2m))],
                    mine[k].Code == PollutantKeyUser ? [new("氮氧化物", 800m, 10m)] : null));
            }
        }
        return new PlanDocument(Province, "宁夏“十四五”能耗双控目标及分解（演示）", 2021, 2025, 70_000_000m, 15m, 11_200_000m,
            [new("化学需氧量", 220_000m, 8m), new("氨氮", 9_000m, 8m), new("氮氧化物", 250_000m, 10m), new("挥发性有机物", 60_000m, 10m)],
            units, "演示数据：目标 −15 %（宁夏“十二五”目标，njkoyo.com/news/71670.html）与 11.2 Mtce（示例）；其余数字为虚构");
    }

    // Seasonal weights by month (winter heating uses more), sum 12.
    private static readonly decimal[] Season = [1.15m, 1.05m, 1.0m, 0.95m, 0.9m, 0.92m, 0.95m, 0.95m, 0.93m, 0.98m, 1.07m, 1.15m];

    /// <summary>
    /// Monthly statistics of <paramref name="year"/> (2024 or 2025) for the cities and the province (the cities' sum).
    /// In 2025 output grows 6.5 % and energy follows so that each city's intensity falls by its <see cref="City.Fall2025"/>.
    /// </summary>
    public static IReadOnlyList<StatisticsRow> Statistics(int year)
    {
        var rows = new List<StatisticsRow>();
        var province = new (decimal Energy, decimal Gdp)[12];
        foreach (var city in Cities)
        {
            var growth = year == 2025 ? 1.065m : 1m;
            var intensity = year == 2025 ? 1m - city.Fall2025 / 100m : 1m;
            for (var m = 0; m < 12; m++)
            {
                var gdp = decimal.Round(city.Gdp2024WanYuan / 12m * Season[m] * growth, 0);
                var energy = decimal.Round(city.Energy2024Tce / city.Gdp2024WanYuan * gdp * intensity, 3);
                rows.Add(new StatisticsRow(city.Code, year, m + 1, 1, energy, gdp));
                province[m] = (province[m].Energy + energy, province[m].Gdp + gdp);
            }
        }
        rows.AddRange(province.Select((p, m) => new StatisticsRow(Province, year, m + 1, 1, p.Energy, p.Gdp)));
        return rows;
    }

    /// <summary>
    /// Seeds the demo when no plan is adopted. Returns true when it seeded. Its statistics and key users' reports are of
    /// 2024 and 2025, which are recorded only once a period is over (<c>PeriodNotOver</c>): on a clock
    /// (<paramref name="now"/>) before 2026 in Beijing, a platform set to an earlier day, nothing is seeded.
    /// </summary>
    public Task<bool> SeedIfEmptyAsync(CancellationToken ct) => SeedIfEmptyAsync(null, ct);

    /// <inheritdoc cref="SeedIfEmptyAsync(CancellationToken)"/>
    public async Task<bool> SeedIfEmptyAsync(DateTimeOffset? now, CancellationToken ct)
    {
        if (now is { } clock && RecordStatistics.BeijingDay(clock) < new DateOnly(LastDemoYear + 1, 1, 1))
        {
            return false;
        }
        if ((await store.ReadAsync(s => s.EnergyTargets.LatestPlansAsync(), ct).ConfigureAwait(false)).Count > 0)
        {
            return false;
        }
        var user = await store.ReadAsync(s => s.Users.FindByNameAsync("regulator"), ct).ConfigureAwait(false);
        if (user is null)
        {
            return false;
        }
        var regulator = new Actor(user.Id, user.UserName, user.Role, user.OrganisationId);
        Must(AdoptPlan.TryParse(Plan(), out var adopt, out var planErrors), planErrors);
        await RunAsync(regulator, adopt!, ct).ConfigureAwait(false);
        foreach (var year in (int[])[2024, LastDemoYear])
        {
            Must(RecordStatistics.TryParse(Statistics(year), out var load, out var loadErrors), loadErrors);
            await RunAsync(regulator, load!, ct).ConfigureAwait(false);
        }
        foreach (var (code, name, city, organisation, _) in KeyUsers)
        {
            Must(DesignateKeyUser.TryParse(new DesignateKeyUser.Form(code, name, city, organisation is null ? null : Demo.DemoMarket.Organisations.First(o => o.Code.Value.StartsWith(organisation, StringComparison.Ordinal)).Code.Value), out var designate, out var designateErrors), designateErrors);
            if (await handler.HandleAsync(regulator, designate!, ct).ConfigureAwait(false) is not EnergyTargetsOutcome.Completed)
            {
                // A covered company missing from this database's list: designate it beside the list instead.
                Must(DesignateKeyUser.TryParse(new DesignateKeyUser.Form(code, name, city, null), out designate, out var besideErrors), besideErrors);
                await RunAsync(regulator, designate!, ct).ConfigureAwait(false);
            }
        }
        var plan = PlanDocument.Parse(Json.Serialize(Plan()), 1);
        foreach (var (code, _, _, _, _) in KeyUsers)
        {
            var budget2025 = plan.Unit(UnitCode.From(code))!.Year(2025)!.EnergyBudget.Value;
            foreach (var (year, use, added) in (ValueTuple<int, decimal, decimal>[])[(2024, 0.97m, 1.0m), (2025, 0.99m, 1.06m)])
            {
                var energy = decimal.Round(budget2025 * use * (year == 2024 ? 0.985m : 1m), 3);
                Must(RecordAnnualReport.TryParse(new RecordAnnualReport.Form(code, year, energy, decimal.Round(energy / 2.1m * added, 0)), out var report, out var reportErrors), reportErrors);
                await RunAsync(regulator, report!, ct).ConfigureAwait(false);
            }
        }
        await LinkMonitoredUnitsAsync(regulator, ct).ConfigureAwait(false);
        foreach (var city in Cities.Where(c => c.Code != UnscoredCity))
        {
            var measures = AssessmentSchemes.NingxiaCity.Areas.Select((a, i) =>
                new ScoreAssessment.MeasureForm(a.Code, a.MaxPoints - (i % 3 == 0 ? 1m : 0m), $"{a.Name}：自评报告及现场核查记录（演示）")).ToList();
            Must(ScoreAssessment.TryParse(new ScoreAssessment.Form(city.Code, 2025, null, measures), out var score, out var scoreErrors), scoreErrors);
            await RunAsync(regulator, score!, ct).ConfigureAwait(false);
        }
        return true;
    }

    // Each key user designated from the list whose organisation the demo monitors is linked to its monitored unit.
    private async Task LinkMonitoredUnitsAsync(Actor regulator, CancellationToken ct)
    {
        if (monitoring is null)
        {
            return;
        }
        foreach (var (code, _, _, organisation, _) in KeyUsers.Where(k => k.Organisation is not null))
        {
            var credit = Demo.DemoMarket.Organisations.First(o => o.Code.Value.StartsWith(organisation!, StringComparison.Ordinal)).Code;
            var unit = await store.ReadAsync(async s => await s.Organisations.FindByCodeAsync(credit).ConfigureAwait(false) is { } o
                ? await s.EnergyMonitoring.FindUnitByOrganisationAsync(o.Id).ConfigureAwait(false)
                : null, ct).ConfigureAwait(false);
            if (unit is not null
                && await monitoring.HandleAsync(regulator, new LinkKeyUser(unit.Id, UnitCode.From(code)), ct).ConfigureAwait(false) is not MonitoringCommandOutcome.Completed)
            {
                throw new InvalidOperationException($"demo key user {code} could not be linked to its monitored unit");
            }
        }
    }

    private static void Must<TError>(bool parsed, IReadOnlyList<TError> errors)
    {
        if (!parsed)
        {
            throw new InvalidOperationException($"demo energy data do not read: {errors[0]}");
        }
    }

    private async Task RunAsync(Actor regulator, IEnergyTargetsCommand command, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(regulator, command, ct).ConfigureAwait(false);
        if (outcome is not EnergyTargetsOutcome.Completed)
        {
            throw new InvalidOperationException($"demo energy data refused: {outcome}");
        }
    }
}
