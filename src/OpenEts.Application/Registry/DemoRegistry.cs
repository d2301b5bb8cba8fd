using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>
/// Seeds the demo registry once: the regulator's issuance, surrender and cancellation accounts, a holding account for
/// each demo company (its two representatives), the exchange's clearing account, and GDEA-2017 allowances issued and
/// allocated to the five companies.
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

    /// <summary>The regulator's officers (both demo regulator users).</summary>
    public static IReadOnlyList<string> Regulators { get; } = ["regulator", "regulator-b"];

    /// <summary>The exchange's clearing account representatives.</summary>
    public static IReadOnlyList<string> ExchangeRepresentatives { get; } = ["exchange", "exchange-b"];

    /// <summary>Seeds the registry when it has not been initialised. Returns true when it seeded.</summary>
    public async Task<bool> SeedIfEmptyAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (await registry.QueryAsync((l, _) => l.IsInitialised, ct).ConfigureAwait(false))
        {
            return false;
        }
        var regulator = UserId.From(Regulators[0]);
        var officers = Regulators.Select(UserId.From).ToList();
        await RunAsync(now, l => l.Initialise(regulator, now, Key("initialise"), Authority, Issuance, Surrender, Cancellation,
            officers), ct).ConfigureAwait(false);
        foreach (var c in Companies)
        {
            await RunAsync(now, l => l.OpenAccount(regulator, now, Key("open-" + c.Account), c.Account, AccountKind.Holding,
                c.HolderName, c.Representatives.Select(UserId.From)), ct).ConfigureAwait(false);
        }
        await RunAsync(now, l => l.OpenAccount(regulator, now, Key("open-" + Clearing), Clearing, AccountKind.Clearing,
            "南粤碳排放权交易所（演示）", ExchangeRepresentatives.Select(UserId.From)), ct).ConfigureAwait(false);
        await RunAsync(now, l => l.Issue(regulator, now, Key("issue-" + Allowances), Allowances, Issued), ct).ConfigureAwait(false);
        foreach (var c in Companies)
        {
            await RunAsync(now, l => l.Allocate(regulator, now, Key("allocate-" + c.Account), c.Account, Allowances, c.Allocation),
                ct).ConfigureAwait(false);
        }
        return true;
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
