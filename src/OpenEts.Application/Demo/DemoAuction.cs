using OpenEts.Application.Auction;
using OpenEts.Application.Cash;
using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Allocation.Auction;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Demo;

/// <summary>
/// The demo's cash and auction: a deposit on each demo company's cash account and one open GDEA-2017 auction, seeded
/// through the cash and auction use cases as the regulator. Demo figures, not Guangdong's.
/// </summary>
public sealed class DemoAuction(CashCommandHandler cash, IStore store, IAuctionRulesSource rules)
{
    /// <summary>The demo deposits in yuan, by demo company's sector (demo figures).</summary>
    public static IReadOnlyDictionary<Sector, decimal> Deposits { get; } = new Dictionary<Sector, decimal>
    {
        [Sector.Power] = 20_000_000m,
        [Sector.Cement] = 10_000_000m,
        [Sector.Steel] = 15_000_000m,
        [Sector.Paper] = 3_000_000m,
        [Sector.Aviation] = 8_000_000m,
    };

    /// <summary>
    /// The demo auction's volume: part of what the demo registry keeps in the issuance account (a demo figure), small enough
    /// that the issuance account can still deliver it after the demo plan's pre-allocation and true-up, with room for one more
    /// auction of the paid share.
    /// </summary>
    public const long Volume = 10_000;

    /// <summary>
    /// The demo's reserve inputs: listed turnover and volume of the three months before the notice, chosen so that the
    /// weighted average is 16.09 yuan/t, the reserve of guangdong.md §1.6 (demo figures, not market data).
    /// </summary>
    public static IReadOnlyList<(decimal Turnover, long Volume)> ListedMonths { get; } =
        [(1_500_000m, 100_000), (3_200_000m, 200_000), (1_736_000m, 100_000)];

    /// <summary>
    /// When the demo deposits are made: when the demo's exchange opens (<see cref="DemoTimeline.ExchangeOpens"/>), before the
    /// first trade they pay for (the seeded trades are dated on the days before now), so that a statement never spends
    /// money before it came.
    /// </summary>
    public static DateTimeOffset DepositedAt(DateTimeOffset now) => new DemoTimeline(now).ExchangeOpens;

    /// <summary>Seeds when no cash account of a member exists yet; true when it seeded.</summary>
    public async Task<bool> SeedIfEmptyAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (!await SeedDepositsIfEmptyAsync(now, ct).ConfigureAwait(false))
        {
            return false;
        }
        await SeedAuctionAsync(now, ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The companies' deposits, at <see cref="DepositedAt"/>, when no cash account of a member exists yet; true when it
    /// seeded. <see cref="SeedAuctionAsync"/> then announces the auction, after the seeded trades.
    /// </summary>
    public async Task<bool> SeedDepositsIfEmptyAsync(DateTimeOffset now, CancellationToken ct)
    {
        var seeded = await store.ReadAsync(async s => (await s.Cash.AccountsAsync().ConfigureAwait(false)).Any(a => a.OrganisationId is not null), ct)
            .ConfigureAwait(false);
        if (seeded)
        {
            return false;
        }
        var regulator = Actor.System;
        foreach (var company in DemoMarket.Organisations.Where(o => o.Kind == OrganisationKind.Company))
        {
            var deposit = new DepositCash(company.Code, Yuan.From(Deposits[company.Sector]), "演示入金",
                IdempotencyKey.From("demo-deposit-" + company.Code.Value));
            Ensure(await cash.HandleAsync(regulator, deposit, DepositedAt(now), ct).ConfigureAwait(false));
        }
        return true;
    }

    /// <summary>Announces the demo's allowance auction, open from <paramref name="now"/> for 14 days.</summary>
    public async Task SeedAuctionAsync(DateTimeOffset now, CancellationToken ct)
    {
        var regulator = Actor.System;
        // The approved plan's rules when the demo has one; Guangdong's as found otherwise (the demo plan may not be approved).
        var found = await rules.RulesAsync("guangdong", 2017, ct).ConfigureAwait(false) ?? AuctionRules.Guangdong;
        // The months before the notice in Beijing (on the evening of a month's last day in UTC it is already the next month).
        var before = found.ReservePrice.MonthsBefore(BeijingTime.TradingDay(now));
        var months = ListedMonths.Select((m, i) => new ReservePriceInput(before[i], 0m, m.Turnover, m.Volume)).ToList();
        var announce = new AnnounceAuction("guangdong", 2017, DemoRegistry.Allowances, Volume, now, now.AddDays(14), months,
            IdempotencyKey.From("demo-auction-1")) { Rules = found };
        Ensure(await cash.HandleAsync(regulator, announce, ct).ConfigureAwait(false));
    }

    private static void Ensure(CashCommandOutcome outcome)
    {
        if (outcome is not CashCommandOutcome.Completed)
        {
            throw new InvalidOperationException($"Demo cash and auction seeding was refused: {outcome}");
        }
    }
}
