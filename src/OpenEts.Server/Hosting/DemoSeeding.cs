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
        var seeded = await demo.SeedIfEmptyAsync(days.Start, days.Now, cancellationToken).ConfigureAwait(false);
        var registrySeeded = await registry.SeedIfEmptyAsync(days.Start, cancellationToken).ConfigureAwait(false);
        var mrvSeeded = await mrv.SeedIfEmptyAsync(cancellationToken).ConfigureAwait(false);
        var auctionSeeded = await auction.SeedIfEmptyAsync(days.Now, cancellationToken).ConfigureAwait(false);
        var planSeeded = await allocation.SeedIfEmptyAsync(cancellationToken).ConfigureAwait(false);
        var offsetsSeeded = await offsets.SeedIfEmptyAsync(days.OffsetsIssued, cancellationToken).ConfigureAwait(false);
        var statisticsSeeded = await statistics.SeedDemoIfEmptyAsync(cancellationToken).ConfigureAwait(false);
        var exchangeSeeded = await exchange.SeedIfEmptyAsync(days.ExchangeOpens, cancellationToken).ConfigureAwait(false);
        var forestrySeeded = await forestryTrades.SeedIfEmptyAsync(days.Now, cancellationToken).ConfigureAwait(false);
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
