using OpenEts.Application.DualControl.Targets;
using OpenEts.Application.Exchange.MarketData;
using OpenEts.Application.Registry;

namespace OpenEts.Application.Demo;

/// <summary>
/// Seeds the whole demo into an empty database on one <see cref="DemoTimeline"/>, each seeder skipping what is already
/// there, so that what the trades and the auction rest on (members, accounts, issuance, deposits, trading accounts) is
/// dated before them, nothing after now, and the journal's times only move forward from its first entry to its last.
/// </summary>
public sealed class DemoSeeder(
    DemoMarket market, DemoRegistry registry, DemoMrv mrv, DemoAuction auction, DemoAllocation allocation, DemoOffsets offsets,
    MarketStatisticsService statistics, DemoExchange exchange, DemoForestryTrades forestryTrades, DemoEnergyTargets energy)
{
    /// <summary>Seeds what is missing, the timeline read from <paramref name="now"/>; says which parts it seeded.</summary>
    public async Task<DemoSeeded> SeedAsync(DateTimeOffset now, CancellationToken ct)
    {
        var days = new DemoTimeline(now);
        var members = await market.SeedMembersIfEmptyAsync(DemoTimeline.MembersJoin, ct).ConfigureAwait(false);
        var accounts = await registry.OpenAccountsIfEmptyAsync(DemoTimeline.MembersJoin, ct).ConfigureAwait(false);
        // The history (offset projects since 2009, the 2016–2017 emission reports) by date across both seeders, then the
        // registry's issuance at the demo's start and the offsets' issuance a day later.
        var mrvSteps = await mrv.StepsIfEmptyAsync(ct).ConfigureAwait(false);
        var offsetSteps = await offsets.StepsIfEmptyAsync(days.OffsetsIssued, ct).ConfigureAwait(false);
        List<DemoStep> history = [.. mrvSteps ?? [], .. offsetSteps ?? []];
        if (accounts)
        {
            history.Add(new(days.Start, () => registry.IssueAsync(days.Start, ct)));
        }
        await DemoStep.RunAsync(history).ConfigureAwait(false);
        // The deposits on the exchange's first day, its trades on the days after, then what is dated now (meters, citizens,
        // cards at the timeline's now; the auction, the plan, the statistics and the energy targets as the clock reads).
        var deposits = await auction.SeedDepositsIfEmptyAsync(days.Now, ct).ConfigureAwait(false);
        var listed = await exchange.SeedIfEmptyAsync(days.ExchangeOpens, ct).ConfigureAwait(false);
        var traded = await forestryTrades.SeedIfEmptyAsync(days.Now, ct).ConfigureAwait(false);
        if (members)
        {
            await market.SeedPresentAsync(days.Now, ct).ConfigureAwait(false);
        }
        if (deposits)
        {
            await auction.SeedAuctionAsync(days.Now, ct).ConfigureAwait(false);
        }
        var plan = await allocation.SeedIfEmptyAsync(ct).ConfigureAwait(false);
        var published = await statistics.SeedDemoIfEmptyAsync(ct).ConfigureAwait(false);
        var targets = await energy.SeedIfEmptyAsync(now, ct).ConfigureAwait(false);
        return new DemoSeeded(members, accounts, mrvSteps is not null, deposits, plan, offsetSteps is not null, published, listed, traded,
            targets);
    }
}

/// <summary>Which parts of the demo <see cref="DemoSeeder.SeedAsync"/> seeded (false: it was there already).</summary>
public sealed record DemoSeeded(
    bool Market, bool Registry, bool Reports, bool CashAndAuction, bool Plan, bool Offsets, bool Statistics, bool Exchange,
    bool Trades, bool Energy);
