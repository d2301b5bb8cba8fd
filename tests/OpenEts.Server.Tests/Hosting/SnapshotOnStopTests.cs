using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Registry;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Hosting;

/// <summary>
/// A server stopped cleanly stores a registry snapshot when enough journal entries came after the newest one, so that
/// the next start restores it and replays nothing.
/// </summary>
public sealed class SnapshotOnStopTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stop_AfterALongJournalTail_StoresASnapshotThatTheNextStartRestores()
    {
        var database = Path.Combine(Directory.CreateTempSubdirectory("openets-stop-").FullName, "openets.db");
        long head;
        string state;
        await using (var server = new OnDatabase(database, demo: true))
        {
            using var client = server.CreateClient(); // starts the host, which seeds the demo market
            var registry = server.Services.GetRequiredService<RegistryService>();
            var store = server.Services.GetRequiredService<IStore>();
            var now = server.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var proposals = Enumerable.Range(1, (int)RegistryService.StopSnapshotMinimum)
                .Select(i => (Func<RegistryLedger, RegistryOutcome>)(l => l.ProposeTransfer(UserId.From("power-a"), now,
                    IdempotencyKey.From("stop-" + i), AccountNumber.From("GD-HOLD-POWER"), AccountNumber.From("GD-HOLD-CEMENT"),
                    UnitClass.Allowance("GD", 2017), 1, now.AddDays(7))))
                .ToList();
            Assert.All(await registry.ExecuteBatchAsync(now, proposals, Ct), o => Assert.True(o.IsCompleted, o.ToString()));
            head = await store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter()), Ct);
            state = await registry.QueryAsync((l, _) => l.Accounts.Count + ":" + l.Proposals.Count, Ct);
        } // disposing stops the host cleanly

        await using var restarted = new OnDatabase(database, demo: false);
        var reloaded = restarted.Services.GetRequiredService<RegistryService>();

        Assert.Equal(state, await reloaded.QueryAsync((l, _) => l.Accounts.Count + ":" + l.Proposals.Count, Ct));
        Assert.Equal(head, reloaded.RestoredFrom);
    }

    [Fact]
    public async Task Stop_CalledTwiceAtOnce_SnapshotsOnce_AndBothStopsWaitForIt()
    {
        // The test host stops a server twice at once (the factory, and the app's own run on the stop signal); the stop
        // that finished first used to dispose the ledgers while the other was still snapshotting them.
        var ledger = new SlowLedger();
        var stop = new OpenEts.Server.Hosting.SnapshotOnStop<SlowLedger>(ledger, TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<OpenEts.Server.Hosting.SnapshotOnStop<SlowLedger>>.Instance);

        var first = stop.StopAsync(Ct);
        var second = stop.StopAsync(Ct);
        await ledger.Started.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var waitedForTheSnapshot = !first.IsCompleted && !second.IsCompleted;
        ledger.Finish.SetResult();
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.True(waitedForTheSnapshot);
        Assert.Equal(1, ledger.Calls);
    }

    private sealed class SlowLedger : OpenEts.Application.Journal.ISnapshotsOnStop
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Finish { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Calls { get; private set; }

        public string SnapshotLedger => "registry";

        public async Task<long?> StoreSnapshotOnStopAsync(DateTimeOffset now, CancellationToken ct)
        {
            Calls++;
            Started.SetResult();
            await Finish.Task;
            return 42;
        }
    }

    private sealed class OnDatabase(string database, bool demo) : ServerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("db", database);
            builder.UseSetting("demo", demo ? "true" : "false");
        }
    }
}
