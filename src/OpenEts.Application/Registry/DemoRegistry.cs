using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>
/// Seeds the demo registry once: the regulator's issuance, surrender and cancellation accounts, a holding account for
/// each demo company (its two representatives), the exchange's clearing account, GDEA-2017 allowances issued and
/// allocated to the five companies, a buffer account, and offset classes (<see cref="Offsets"/>) defined and issued to
/// the companies through the offset use cases, with one public retirement.
/// </summary>
public sealed class DemoRegistry(RegistryService registry)
{
    public const string Authority = "广东省生态环境厅（演示）";

    public static AccountNumber Issuance { get; } = AccountNumber.From("GD-ISSUANCE");

    public static AccountNumber Surrender { get; } = AccountNumber.From("GD-SURRENDER");

    public static AccountNumber Cancellation { get; } = AccountNumber.From("GD-CANCELLATION");

    public static AccountNumber Clearing { get; } = AccountNumber.From("GD-CLEARING");

    public static UnitClass Allowances { get; } = UnitClass.Allowance("GD", 2017);

    /// <summary>Allowances issued; what is not allocated stays in the issuance account as the regulator's reserve.</summary>
    public const long Issued = 8_000_000;

    /// <summary>
    /// The companies' holding accounts, representatives and GDEA-2017 allocations in tonnes. These are demo figures,
    /// not the Guangdong allocation plan's.
    /// </summary>
    public static IReadOnlyList<DemoHoldingAccount> Companies { get; } =
    [
        new(AccountNumber.From("GD-HOLD-POWER"), "珠江示范发电有限公司", ["power-a", "power-b"], 3_000_000),
        new(AccountNumber.From("GD-HOLD-CEMENT"), "北江示范水泥有限公司", ["cement-a", "cement-b"], 1_200_000),
        new(AccountNumber.From("GD-HOLD-STEEL"), "韶关示范钢铁有限公司", ["steel-a", "steel-b"], 2_000_000),
        new(AccountNumber.From("GD-HOLD-PAPER"), "佛山示范纸业有限公司", ["paper-a", "paper-b"], 400_000),
        new(AccountNumber.From("GD-HOLD-AVIATION"), "南粤示范航空有限公司", ["aviation-a", "aviation-b"], 800_000),
    ];

    /// <summary>The programme's buffer account for the withheld share of offset issuance.</summary>
    public static AccountNumber Buffer { get; } = AccountNumber.From("GD-BUFFER");

    /// <summary>
    /// Demo offset classes, each issued once to a company: a Fujian forestry FFCER project (20 % to the buffer, a demo
    /// figure [UNCONFIRMED]: no FFCER buffer rule was retrieved), a Guangdong PHCER batch, and CCER projects from several
    /// provinces, one hydropower and one pre-CDM, so that compliance rules have something to refuse. Demo figures.
    /// </summary>
    public static IReadOnlyList<DemoOffset> Offsets { get; } =
    [
        new("FFCER-FJ0001-2016", "顺昌县国有林场森林经营碳汇项目（演示）", ProjectCategory.Forestry, "FJ", false,
            Companies[3].Account, 180_000, 20m),
        new("PHCER-GD0001-2017", "广东碳普惠公众低碳行为减排量（演示）", ProjectCategory.LowCarbonBehaviour, "GD", false,
            Companies[1].Account, 50_000, null),
        new("CCER-000101-2016", "湛江徐闻风电场项目（演示）", ProjectCategory.Wind, "GD", false, Companies[0].Account, 120_000, null),
        new("CCER-000202-2015", "四川雅砻江水电站项目（演示）", ProjectCategory.Hydropower, "SC", false, Companies[2].Account, 80_000, null),
        new("CCER-000303-2012", "山西煤矿瓦斯发电项目（pre-CDM，演示）", ProjectCategory.Methane, "SX", true, Companies[2].Account, 40_000, null),
        new("CCER-000404-2017", "江西分布式光伏项目（演示）", ProjectCategory.Solar, "JX", false, Companies[4].Account, 60_000, null),
    ];

    /// <summary>The demo retirement: the aviation company offsets some ground emissions with its PV CCER.</summary>
    public static (int Offset, long Quantity, string Beneficiary, string Purpose) Retirement { get; } =
        (5, 1_000, "南粤示范航空有限公司", "2017 年地面运营碳中和（演示）");

    /// <summary>The regulator's officers (both demo regulator users).</summary>
    public static IReadOnlyList<string> Regulators { get; } = ["regulator", "regulator-b"];

    /// <summary>The exchange's clearing account representatives.</summary>
    public static IReadOnlyList<string> ExchangeRepresentatives { get; } = ["exchange", "exchange-b"];

    /// <summary>
    /// Seeds the registry, every step dated <paramref name="now"/>, when it has not been initialised. Returns true when it
    /// seeded. The server opens the accounts and issues on different days instead (<see cref="OpenAccountsIfEmptyAsync"/>,
    /// <see cref="IssueAsync"/>).
    /// </summary>
    public async Task<bool> SeedIfEmptyAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (!await OpenAccountsIfEmptyAsync(now, ct).ConfigureAwait(false))
        {
            return false;
        }
        await IssueAsync(now, ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Initialises the registry and opens the companies' holding accounts and the exchange's clearing account at
    /// <paramref name="opened"/> (the server passes <see cref="Demo.DemoTimeline.MembersJoin"/>, before the demo's history
    /// files anything into them), when it has not been initialised. Returns true when it did.
    /// </summary>
    public async Task<bool> OpenAccountsIfEmptyAsync(DateTimeOffset opened, CancellationToken ct)
    {
        if (await registry.QueryAsync((l, _) => l.IsInitialised, ct).ConfigureAwait(false))
        {
            return false;
        }
        var regulator = UserId.From(Regulators[0]);
        var officers = Regulators.Select(UserId.From).ToList();
        await RunAsync(opened, l => l.Initialise(regulator, opened, Key("initialise"), Authority, Issuance, Surrender, Cancellation,
            officers), ct).ConfigureAwait(false);
        foreach (var c in Companies)
        {
            await RunAsync(opened, l => l.OpenAccount(regulator, opened, Key("open-" + c.Account), c.Account, AccountKind.Holding,
                c.HolderName, c.Representatives.Select(UserId.From)), ct).ConfigureAwait(false);
        }
        await RunAsync(opened, l => l.OpenAccount(regulator, opened, Key("open-" + Clearing), Clearing, AccountKind.Clearing,
            "南粤碳排放权交易所（演示）", ExchangeRepresentatives.Select(UserId.From)), ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Issues and allocates the GDEA-2017 allowances and issues the demo's offsets (with one public retirement), every step
    /// at <paramref name="now"/> (the server passes the demo's start, <see cref="Demo.DemoTimeline.Start"/>, so that issuance
    /// comes before anything traded), into the accounts <see cref="OpenAccountsIfEmptyAsync"/> opened.
    /// </summary>
    public async Task IssueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var regulator = UserId.From(Regulators[0]);
        await RunAsync(now, l => l.Issue(regulator, now, Key("issue-" + Allowances), Allowances, Issued), ct).ConfigureAwait(false);
        foreach (var c in Companies)
        {
            await RunAsync(now, l => l.Allocate(regulator, now, Key("allocate-" + c.Account), c.Account, Allowances, c.Allocation),
                ct).ConfigureAwait(false);
        }
        await SeedOffsetsAsync(now, regulator, ct).ConfigureAwait(false);
    }

    // Through the offset use cases (the commands the API, pages and CLI build), as the regulator and a company would.
    private async Task SeedOffsetsAsync(DateTimeOffset now, UserId regulator, CancellationToken ct)
    {
        await RunAsync(now, l => l.OpenAccount(regulator, now, Key("open-" + Buffer), Buffer, AccountKind.Buffer,
            "抵销项目缓冲账户（演示）", Regulators.Select(UserId.From)), ct).ConfigureAwait(false);
        foreach (var o in Offsets)
        {
            var unitClass = UnitClass.Parse(o.Class);
            var share = default(BufferShare);
            if (o.BufferPercent is { } percent && !BufferShare.TryOfPercent(percent, out share, out var reason))
            {
                throw new InvalidOperationException(reason);
            }
            var define = new DefineOffsetClass(unitClass, o.Title, o.Category, o.HostProvince, o.PreCdm, Key("define-" + o.Class));
            var issue = new IssueOffsets(unitClass, AllowanceCount.From(o.Verified), o.Owner, share.IsNone ? null : Buffer, share,
                "演示监测报告 " + o.Class, Key("issue-" + o.Class));
            await RunAsync(now, l => define.Execute(l, regulator, now), ct).ConfigureAwait(false);
            await RunAsync(now, l => issue.Execute(l, regulator, now), ct).ConfigureAwait(false);
        }
        var (index, quantity, beneficiary, purpose) = Retirement;
        var retired = Offsets[index];
        var holder = Companies.Single(c => c.Account == retired.Owner);
        var retire = new RetireUnits(retired.Owner, UnitClass.Parse(retired.Class), AllowanceCount.From(quantity), beneficiary, purpose,
            Key("retire-" + retired.Class));
        await RunAsync(now, l => retire.Execute(l, UserId.From(holder.Representatives[0]), now), ct).ConfigureAwait(false);
    }

    private static IdempotencyKey Key(string what) => IdempotencyKey.From("demo-" + what);

    private async Task RunAsync(DateTimeOffset now, Func<RegistryLedger, RegistryOutcome> request, CancellationToken ct)
    {
        if (await registry.ExecuteAsync(now, request, ct).ConfigureAwait(false) is RegistryOutcome.Rejected r)
        {
            throw new InvalidOperationException($"Demo registry seeding was refused: {r.Reason} ({r.Field}): {r.Message}");
        }
    }
}

/// <summary>A demo company's holding account: number, holder, representatives (login names), GDEA-2017 allocation.</summary>
public sealed record DemoHoldingAccount(AccountNumber Account, string HolderName, IReadOnlyList<string> Representatives, long Allocation);

/// <summary>A demo offset class: its text, project title, category, host province, pre-CDM flag, owner, verified tonnes and buffer %.</summary>
public sealed record DemoOffset(
    string Class, string Title, ProjectCategory Category, string HostProvince, bool PreCdm, AccountNumber Owner, long Verified,
    decimal? BufferPercent);
