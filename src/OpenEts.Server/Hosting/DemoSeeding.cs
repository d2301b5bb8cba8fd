using OpenEts.Application.Demo;
using OpenEts.Application.DualControl.Targets;
using OpenEts.Application.Exchange.MarketData;
using OpenEts.Application.Registry;
using OpenEts.Storage;

namespace OpenEts.Server.Hosting;

/// <summary>
/// At start, on a demo (<see cref="DemoMode"/>): seeds the demo market into an empty database, then the demo registry, and
/// prints the demo sign-ins. On a real database it seeds nothing and, while there are no users, says how to create one.
/// </summary>
internal sealed class DemoSeeding(
    DemoMarket demo, DemoRegistry registry, DemoMrv mrv, DemoAuction auction, DemoAllocation allocation, DemoOffsets offsets, MarketStatisticsService statistics, DemoExchange exchange, DemoForestryTrades forestryTrades, DemoEnergyTargets energy, SqlStore store, TimeProvider clock, IHostEnvironment environment, DemoMode mode, ReadOnlyMode restore)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!mode.IsDemo)
        {
            var users = await store.ReadAsync(s => s.Users.CountUsersAsync(), cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"OpenETS on {store.Dialect}");
            if (users == 0)
            {
                Console.WriteLine("No users yet. Create the first regulator with: "
                    + "ets admin create-user NAME --role Regulator --db <this database> (the password is asked for).");
            }
            return;
        }
        // The demo seeds after the registry is restored, as it did when the restore held up the start.
        await restore.Restored.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        // One timeline for the whole demo, so that what the trades and the auction rest on (members, accounts, issuance,
        // allocation, deposits, trading accounts) is dated before them, and nothing after now.
        var days = new DemoTimeline(clock.GetUtcNow());
        var seeded = await demo.SeedMembersIfEmptyAsync(DemoTimeline.MembersJoin, cancellationToken).ConfigureAwait(false);
        var registrySeeded = await registry.OpenAccountsIfEmptyAsync(DemoTimeline.MembersJoin, cancellationToken).ConfigureAwait(false);
        // The history (offset projects since 2009, the 2016–2017 emission reports) by date across both seeders, then the
        // registry's issuance at the demo's start and the offsets' issuance a day later: the journal only moves forward.
        var mrvSteps = await mrv.StepsIfEmptyAsync(cancellationToken).ConfigureAwait(false);
        var offsetSteps = await offsets.StepsIfEmptyAsync(days.OffsetsIssued, cancellationToken).ConfigureAwait(false);
        List<DemoStep> history = [.. mrvSteps ?? [], .. offsetSteps ?? []];
        if (registrySeeded)
        {
            history.Add(new(days.Start, () => registry.IssueAsync(days.Start, cancellationToken)));
        }
        await DemoStep.RunAsync(history).ConfigureAwait(false);
        var (mrvSeeded, offsetsSeeded) = (mrvSteps is not null, offsetSteps is not null);
        // The deposits on the exchange's first day, its trades on the days after, then what is dated now (meters, citizens,
        // cards at the timeline's now; the auction, the plan, the statistics and the energy targets as the clock reads).
        var auctionSeeded = await auction.SeedDepositsIfEmptyAsync(days.Now, cancellationToken).ConfigureAwait(false);
        var exchangeSeeded = await exchange.SeedIfEmptyAsync(days.ExchangeOpens, cancellationToken).ConfigureAwait(false);
        var forestrySeeded = await forestryTrades.SeedIfEmptyAsync(days.Now, cancellationToken).ConfigureAwait(false);
        if (seeded)
        {
            await demo.SeedPresentAsync(days.Now, cancellationToken).ConfigureAwait(false);
        }
        if (auctionSeeded)
        {
            await auction.SeedAuctionAsync(days.Now, cancellationToken).ConfigureAwait(false);
        }
        var planSeeded = await allocation.SeedIfEmptyAsync(cancellationToken).ConfigureAwait(false);
        var statisticsSeeded = await statistics.SeedDemoIfEmptyAsync(cancellationToken).ConfigureAwait(false);
        var energySeeded = await energy.SeedIfEmptyAsync(cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"OpenETS on {store.Dialect}{(seeded ? "; demo market seeded" : "")}{(registrySeeded ? "; demo registry seeded" : "")}"
            + (mrvSeeded ? "; demo emission reports seeded" : "") + (auctionSeeded ? "; demo cash and auction seeded" : "")
            + (planSeeded ? "; demo allocation plan (draft) seeded" : "") + (offsetsSeeded ? "; demo offset projects seeded" : "")
            + (statisticsSeeded ? "; demo market statistics seeded" : "") + (exchangeSeeded ? "; demo exchange (GDEA-2017) seeded" : "")
            + (forestrySeeded ? "; demo FFCER and GDEA-2017 trades seeded" : "") + (energySeeded ? "; demo energy dual control (NX) seeded" : ""));
        if (seeded || environment.IsDevelopment())
        {
            Console.WriteLine($"Demo sign-ins (password '{DemoMarket.Password}'):");
            foreach (var s in DemoMarket.SignIns)
            {
                Console.WriteLine($"  {s.UserName,-12} {s.Role,-22} {s.DisplayName}");
            }
            foreach (var c in DemoInclusion.Citizens)
            {
                Console.WriteLine($"  {c.UserName,-12} {"Citizen",-22} {c.DisplayName}");
            }
            var crowd = DemoInclusion.CrowdUserNames.ToList();
            Console.WriteLine($"  {crowd[0] + " … " + crowd[^1],-35} {crowd.Count} more citizens ({string.Join("、", DemoInclusion.Crowd.Select(c => c.DisplayName))})");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
