using OpenEts.Application.Demo;
using OpenEts.Application.Registry;
using OpenEts.Storage;

namespace OpenEts.Server.Hosting;

/// <summary>At start: seeds the demo market into an empty database, then the demo registry and prints the demo sign-ins.</summary>
internal sealed class DemoSeeding(DemoMarket demo, DemoRegistry registry, SqlStore store, TimeProvider clock, IHostEnvironment environment)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var seeded = await demo.SeedIfEmptyAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var registrySeeded = await registry.SeedIfEmptyAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"OpenETS on {store.Dialect}{(seeded ? "; demo market seeded" : "")}{(registrySeeded ? "; demo registry seeded" : "")}");
        if (seeded || environment.IsDevelopment())
        {
            Console.WriteLine($"Demo sign-ins (password '{DemoMarket.Password}'):");
            foreach (var s in DemoMarket.SignIns)
            {
                Console.WriteLine($"  {s.UserName,-12} {s.Role,-22} {s.DisplayName}");
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
