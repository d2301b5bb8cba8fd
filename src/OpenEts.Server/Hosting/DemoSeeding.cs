using OpenEts.Application.Demo;
using OpenEts.Storage;

namespace OpenEts.Server.Hosting;

/// <summary>
/// At start, on a demo (<see cref="DemoMode"/>): seeds what the demo is missing (<see cref="DemoSeeder"/>, one timeline) and
/// prints the demo sign-ins. On a real database it seeds nothing and, while there are no users, says how to create one.
/// </summary>
internal sealed class DemoSeeding(
    DemoSeeder demo, SqlStore store, TimeProvider clock, IHostEnvironment environment, DemoMode mode, ReadOnlyMode restore)
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
        var seeded = await demo.SeedAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"OpenETS on {store.Dialect}{(seeded.Market ? "; demo market seeded" : "")}{(seeded.Registry ? "; demo registry seeded" : "")}"
            + (seeded.Reports ? "; demo emission reports seeded" : "") + (seeded.CashAndAuction ? "; demo cash and auction seeded" : "")
            + (seeded.Plan ? "; demo allocation plan (draft) seeded" : "") + (seeded.Offsets ? "; demo offset projects seeded" : "")
            + (seeded.Statistics ? "; demo market statistics seeded" : "") + (seeded.Exchange ? "; demo exchange (GDEA-2017) seeded" : "")
            + (seeded.Trades ? "; demo FFCER and GDEA-2017 trades seeded" : "") + (seeded.Energy ? "; demo energy dual control (NX) seeded" : ""));
        if (seeded.Market || environment.IsDevelopment())
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
