using OpenEts.Application.Identity;
using OpenEts.Application.Offsets;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Offsets;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Demo;

/// <summary>
/// Seeds the demo's offset project register through the offsets use cases, at the dates the steps would have happened:
/// seven Fujian-like forestry projects (FFCER) filing about 1.18 Mt together (offsets-and-inclusion.md §4.2: 7 projects,
/// 1.18 Mt by 2017-11-30), a Guangdong PHCER batch and a handful of CCER projects. The projects whose classes the demo
/// registry already issued (<see cref="DemoRegistry.Offsets"/>) are filed, validated, registered, monitored and verified
/// at those quantities and then linked to that issuance (<see cref="LinkEarlierIssuance"/>), so the registry's holdings
/// stay as they are; the others wait at each step so that every role has a queue. Names and figures are demo figures.
/// </summary>
public sealed class DemoOffsets(IStore store, RegistryService registry)
{
    /// <summary>How far a demo project gets.</summary>
    public enum Stage
    {
        Submitted = 1,
        Validated,
        Registered,
        ReportSubmitted,
        ReportVerified,
        Issued,
    }

    /// <summary>
    /// One demo project: its programme and code, owner's user and account, details, and its one monitoring report (a year's
    /// forestry input, or the tonnes claimed). The forestry figures use the Chinese fir defaults [UNCONFIRMED].
    /// </summary>
    public sealed record Project(
        string Programme, string Code, string Owner, string Account, string Title, string Methodology, ProjectCategory Category,
        string Province, string City, string County, decimal Latitude, decimal Longitude, int FirstYear, long ExpectedPerYear,
        bool PreCdm, decimal GasSharePercent, bool DesignatedArea, int Vintage, ForestryInput? Forestry, decimal? Claimed, Stage Stage);

    private static ForestryInput Fir(decimal area, decimal growth, decimal baseline) =>
        ForestryInput.WithDefaults(ForestrySpecies.ChineseFir, area, growth, baseline, 0m);

    private static Project Fujian(string code, string owner, string account, string title, string city, string county, decimal lat,
        decimal lon, ForestryInput forestry, Stage stage, int vintage = 2016) =>
        new("FFCER", code, owner, account, title, "AR-CM-003-V01", ProjectCategory.Forestry, "FJ", city, county, lat, lon, 2015,
            (long)(forestry.AreaHectares * forestry.GrowthPerHectare), false, 100m, false, vintage, forestry, null, stage);

    /// <summary>
    /// The demo projects. FJ0001 by hand: 6000 ha × 27 m³/ha × 1.634 × 1.246 × 0.307 × 0.52 × 44/12 = 193 062.648 t;
    /// − 13 062 t baseline = 180 000.648 t → 180 000 t, the demo registry's FFCER-FJ0001-2016 issuance. FJ0002 is issued
    /// here through <see cref="IssueCredits"/>: 4200 ha × 35 m³/ha → 175 186.477 t − 8 759 t = 166 427 t, 33 286 t (20 %,
    /// rounded up) to the buffer, 133 141 t to the owner.
    /// </summary>
    public static IReadOnlyList<Project> Projects { get; } =
    [
        Fujian("FJ0001", "paper-a", "GD-HOLD-PAPER", "顺昌县国有林场森林经营碳汇项目（演示）", "南平市", "顺昌县", 26.79m, 117.81m,
            Fir(6000m, 27m, 13_062m), Stage.Issued),
        Fujian("FJ0002", "paper-a", "GD-HOLD-PAPER", "将乐县国有林场森林经营碳汇项目（演示）", "三明市", "将乐县", 26.73m, 117.47m,
            Fir(4200m, 35m, 8_759m), Stage.Issued),
        Fujian("FJ0003", "power-a", "GD-HOLD-POWER", "永安市林业碳汇项目（演示）", "三明市", "永安市", 25.94m, 117.36m,
            Fir(3900m, 36m, 8_366m), Stage.ReportVerified),
        Fujian("FJ0004", "cement-a", "GD-HOLD-CEMENT", "德化县森林经营碳汇项目（演示）", "泉州市", "德化县", 25.49m, 118.24m,
            Fir(4500m, 36m, 9_653m), Stage.ReportSubmitted),
        Fujian("FJ0005", "steel-a", "GD-HOLD-STEEL", "长汀县水土流失区造林碳汇项目（演示）", "龙岩市", "长汀县", 25.83m, 116.36m,
            Fir(3600m, 37m, 7_937m), Stage.ReportSubmitted),
        Fujian("FJ0006", "aviation-a", "GD-HOLD-AVIATION", "武夷山市森林经营碳汇项目（演示）", "南平市", "武夷山市", 27.76m, 118.03m,
            Fir(4000m, 37m, 8_818m), Stage.ReportSubmitted),
        Fujian("FJ0007", "paper-a", "GD-HOLD-PAPER", "金森林业森林经营碳汇项目（演示）", "三明市", "建宁县", 26.83m, 116.85m,
            Fir(4400m, 35m, 9_176m), Stage.ReportSubmitted),
        new("PHCER", "GD0001", "cement-a", "GD-HOLD-CEMENT", "广东碳普惠公众低碳行为减排量（演示）", "GD-PH-LT-V01", ProjectCategory.LowCarbonBehaviour,
            "GD", "广州市", "越秀区", 23.13m, 113.27m, 2017, 50_000, false, 100m, false, 2017, null, 50_000m, Stage.Issued),
        new("PHCER", "GD0002", "paper-a", "GD-HOLD-PAPER", "梅州市分布式光伏碳普惠项目（演示）", "GD-PH-PV-V01", ProjectCategory.Solar,
            "GD", "梅州市", "大埔县", 24.35m, 116.70m, 2017, 8_000, false, 100m, true, 2017, null, 7_650m, Stage.ReportVerified),
        new("PHCER", "GD0003", "cement-a", "GD-HOLD-CEMENT", "韶关市森林保护碳普惠项目（演示）", "GD-PH-FP-V01", ProjectCategory.Forestry,
            "GD", "韶关市", "乳源瑶族自治县", 24.78m, 113.28m, 2017, 20_000, false, 100m, true, 2017, null, null, Stage.Submitted),
        new("CCER", "000101", "power-a", "GD-HOLD-POWER", "湛江徐闻风电场项目（演示）", "CM-001-V02", ProjectCategory.Wind,
            "GD", "湛江市", "徐闻县", 20.33m, 110.17m, 2014, 120_000, false, 100m, false, 2016, null, 120_000m, Stage.Issued),
        new("CCER", "000202", "steel-a", "GD-HOLD-STEEL", "四川雅砻江水电站项目（演示）", "CM-001-V02", ProjectCategory.Hydropower,
            "SC", "甘孜藏族自治州", "雅江县", 30.03m, 101.01m, 2013, 80_000, false, 100m, false, 2015, null, 80_000m, Stage.Issued),
        new("CCER", "000303", "steel-a", "GD-HOLD-STEEL", "山西煤矿瓦斯发电项目（pre-CDM，演示）", "CM-003-V02", ProjectCategory.Methane,
            "SX", "晋城市", "沁水县", 35.69m, 112.19m, 2010, 40_000, true, 100m, false, 2012, null, 40_000m, Stage.Issued),
        new("CCER", "000404", "aviation-a", "GD-HOLD-AVIATION", "江西分布式光伏项目（演示）", "CM-001-V02", ProjectCategory.Solar,
            "JX", "赣州市", "于都县", 25.95m, 115.41m, 2016, 60_000, false, 100m, false, 2017, null, 60_000m, Stage.Issued),
        new("CCER", "000505", "cement-a", "GD-HOLD-CEMENT", "清远水泥余热利用节能项目（演示）", "CM-GEN-V01", ProjectCategory.EnergyEfficiency,
            "GD", "清远市", "英德市", 24.19m, 113.41m, 2017, 30_000, false, 100m, false, 2017, null, null, Stage.Validated),
        new("CCER", "000606", "power-a", "GD-HOLD-POWER", "江苏氢氟碳化物分解项目（演示）", "CM-GEN-V01", ProjectCategory.Other,
            "JS", "常州市", "武进区", 31.71m, 119.95m, 2015, 100_000, false, 0m, false, 2017, null, 95_000m, Stage.Registered),
    ];

    /// <summary>Seeds the register when it has no project and the demo registry is seeded. Returns true when it seeded.</summary>
    public Task<bool> SeedIfEmptyAsync(CancellationToken ct) => SeedIfEmptyAsync(null, ct);

    /// <summary>
    /// Seeds the register when it has no project and the demo registry is seeded; the verified reports are issued (or
    /// linked to the registry's issuance) no earlier than <paramref name="issuedFrom"/> (<see cref="DemoTimeline.OffsetsIssued"/>:
    /// after the registry opened the owners' accounts and issued its classes), and 75 days after their verification
    /// otherwise. Returns true when it seeded.
    /// </summary>
    public async Task<bool> SeedIfEmptyAsync(DateTimeOffset? issuedFrom, CancellationToken ct)
    {
        if (await StepsIfEmptyAsync(issuedFrom, ct).ConfigureAwait(false) is not { } steps)
        {
            return false;
        }
        await DemoStep.RunAsync(steps).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The seeding's steps, each dated (null when the register has a project or the demo registry is not seeded): each
    /// project's steps in its own order, so that run by date (<see cref="DemoStep.RunAsync"/>, alone or with another
    /// seeder's history) the journal's times only move forward through the register's history.
    /// </summary>
    public async Task<IReadOnlyList<DemoStep>?> StepsIfEmptyAsync(DateTimeOffset? issuedFrom, CancellationToken ct)
    {
        if ((await store.ReadAsync(s => s.Offsets.ListProjectsAsync(new OffsetProjectFilter()), ct).ConfigureAwait(false)).Count > 0
            || !await registry.QueryAsync((l, _) => l.IsInitialised, ct).ConfigureAwait(false))
        {
            return null;
        }
        var verifier = await ActorAsync(DemoMrv.VerifierUser, ct).ConfigureAwait(false);
        var regulator = await ActorAsync(DemoRegistry.Regulators[0], ct).ConfigureAwait(false);
        var steps = new List<DemoStep>();
        foreach (var p in Projects)
        {
            var owner = await ActorAsync(p.Owner, ct).ConfigureAwait(false);
            var filed = FiledAt(p);
            long id = 0, report = 0;
            steps.Add(new(filed, async () =>
            {
                id = (await RunAsync(owner, filed, Submit(p), ct).ConfigureAwait(false)).Project.Id;
                await RunAsync(owner, filed, new AttachDocument(id, null, DocumentKind.ProjectDesign, $"{p.Programme}-{p.Code}-PDD.txt", "text/plain",
                    System.Text.Encoding.UTF8.GetBytes($"{p.Title}\n项目设计文件（演示）\n方法学 {p.Methodology}\n")), ct).ConfigureAwait(false);
            }));
            if (p.Stage < Stage.Validated)
            {
                continue;
            }
            steps.Add(new(filed.AddDays(60), () =>
                RunAsync(verifier, filed.AddDays(60), new ValidateProject(id, "项目符合方法学及计入期要求，审定通过（演示）"), ct)));
            if (p.Stage < Stage.Registered)
            {
                continue;
            }
            steps.Add(new(filed.AddDays(120), () => RunAsync(regulator, filed.AddDays(120), new RegisterProject(id, "予以备案（演示）"), ct)));
            if (p.Stage < Stage.ReportSubmitted)
            {
                continue;
            }
            var monitored = At(p.Vintage + 1, 2, 1);
            steps.Add(new(monitored, async () =>
                report = (await RunAsync(owner, monitored, new SubmitMonitoringReport(id, new DateOnly(p.Vintage, 1, 1),
                    new DateOnly(p.Vintage, 12, 31), p.Claimed, p.Forestry), ct).ConfigureAwait(false)).Report!.Id));
            if (p.Stage < Stage.ReportVerified)
            {
                continue;
            }
            steps.Add(new(monitored.AddDays(45), () => RunAsync(verifier, monitored.AddDays(45), new VerifyMonitoringReport(report,
                "监测数据真实、准确，核证通过（演示）", p.Claimed, null, null), ct)));
            if (p.Stage == Stage.Issued)
            {
                // Credits the demo registry issued are linked; the others are issued by the regulator as any would be.
                var linked = DemoRegistry.Offsets.Any(o => o.Class == $"{p.Programme}-{p.Code}-{p.Vintage}");
                var issued = monitored.AddDays(75);
                var at = issuedFrom is { } from && from > issued ? from : issued;
                steps.Add(new(at, () => RunAsync(regulator, at, linked ? new LinkEarlierIssuance(report) : new IssueCredits(report), ct)));
            }
        }
        return steps;
    }

    /// <summary>
    /// How many years a demo project's crediting period runs: 20 for forestry and for the carbon-inclusion aggregation
    /// project (GD0001, through which the demo's citizens' reductions are filed today, so its period must reach past the
    /// present: from 2017 to 2036), 10 for the others. Demo figures, no rule cited.
    /// </summary>
    private static int CreditingYears(ProjectCategory category) =>
        category is ProjectCategory.Forestry or ProjectCategory.LowCarbonBehaviour ? 20 : 10;

    private static SubmitProject Submit(Project p)
    {
        var boundary = p.Category == ProjectCategory.Forestry
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{p.Latitude + 0.03m},{p.Longitude - 0.04m}; {p.Latitude + 0.03m},{p.Longitude + 0.04m}; {p.Latitude - 0.02m},{p.Longitude + 0.05m}; {p.Latitude - 0.03m},{p.Longitude - 0.03m}")
            : null;
        var form = new SubmitProject.Form(p.Programme, p.Code, p.Account, p.Title, p.Methodology, Scope(p.Category),
            p.Category.ToString(), p.Province, p.City, p.County, p.Latitude, p.Longitude, boundary, $"{p.FirstYear}-01-01",
            $"{p.FirstYear + CreditingYears(p.Category) - 1}-12-31", p.ExpectedPerYear, p.PreCdm, p.GasSharePercent,
            p.DesignatedArea);
        return SubmitProject.TryParse(form, out var command, out var errors)
            ? command
            : throw new InvalidOperationException($"demo project {p.Code}: {string.Join("; ", errors.Select(e => e.Message))}");
    }

    private static string Scope(ProjectCategory category) => category switch
    {
        ProjectCategory.Forestry => "14 造林和再造林",
        ProjectCategory.Methane => "8 采矿/矿产品生产",
        ProjectCategory.EnergyEfficiency => "4 制造业",
        ProjectCategory.LowCarbonBehaviour => "7 交通运输",
        ProjectCategory.Other => "11 卤烃和六氟化硫的生产和消费产生的逸散排放",
        _ => "1 能源工业（可再生/不可再生能源）",
    };

    /// <summary>When a demo project is filed: 1 June of the year before its first crediting year, 10:00 Beijing time.</summary>
    public static DateTimeOffset FiledAt(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return At(project.FirstYear - 1, 6, 1);
    }

    // 10:00 Beijing time.
    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.FromHours(8));

    private Task<Actor> ActorAsync(string userName, CancellationToken ct) => DemoActors.FindAsync(store, userName, ct);

    private async Task<OffsetsCommandOutcome.Completed> RunAsync(Actor actor, DateTimeOffset at, IOffsetsCommand command, CancellationToken ct)
    {
        var clock = new FixedClock(at);
        var queries = new RegistryQueries(registry);
        var handler = new OffsetsCommandHandler(store, new RegistryCommandHandler(registry, store, clock), queries, clock);
        return await handler.HandleAsync(actor, command, ct).ConfigureAwait(false) switch
        {
            OffsetsCommandOutcome.Completed c => c,
            var other => throw new InvalidOperationException($"Demo offsets seeding was refused: {command.GetType().Name} as {actor.UserName}: {other}"),
        };
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
