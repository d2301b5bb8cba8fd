using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using NATS.Client.Core;
using OpenEts.Application.Identity;
using OpenEts.Application.Inclusion;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;
using OpenEts.Server.Tests.Infrastructure;
using OpenEts.Storage;
using OpenEts.Streaming.Inclusion;

namespace OpenEts.Server.Tests.Inclusion;

/// <summary>
/// A SQLite store with citizens <c>c0…</c> and one data partner (a Shenzhen metro and bus operator), the inclusion use
/// cases on it, and a throwaway NATS server: what the JetStream ingestion tests publish into and count from.
/// </summary>
internal sealed class InclusionStreamWorld : IAsyncDisposable
{
    public const string Programme = "shenzhen-tanpuhui";
    public const string PartnerKeyText = "oetsp_streamtestpartnerkey234567abcdef";

    private readonly DirectoryInfo _folder;
    private readonly List<RegistryService> _registries = [];
    private readonly List<long> _citizens;
    private readonly NatsServer? _nats;

    private InclusionStreamWorld(DirectoryInfo folder, SqlStore store, List<long> citizens, long partnerId, NatsServer? nats)
    {
        _folder = folder;
        Store = store;
        _citizens = citizens;
        PartnerId = partnerId;
        _nats = nats;
        Handler = HandlerOn(store);
    }

    public SqlStore Store { get; }

    public long PartnerId { get; }

    /// <summary>The world's NATS server (not started for the database queue's tests).</summary>
    public NatsServer Nats => _nats ?? throw new InvalidOperationException("this world has no NATS server");

    public InclusionCommandHandler Handler { get; }

    public static async Task<InclusionStreamWorld> CreateAsync(int citizens, bool nats = true)
    {
        var server = nats ? await NatsServer.StartAsync() : null;
        var folder = Directory.CreateTempSubdirectory("openets-stream");
        var store = await SqlStore.OpenAsync(Path.Combine(folder.FullName, "inclusion.db"), TestContext.Current.CancellationToken);
        var now = DateTimeOffset.UtcNow;
        var (ids, partnerId) = await store.WriteAsync(async s =>
        {
            var ids = new List<long>();
            for (var i = 0; i < citizens; i++)
            {
                ids.Add((await s.Users.InsertAsync(new UserRecord(0, "c" + i.ToString(CultureInfo.InvariantCulture), "citizen", Role.Citizen, null, "x", 0, null),
                    now)).Id);
            }
            var partner = await s.Inclusion.InsertPartnerAsync(new InclusionPartner(0, "深圳通（测试）",
                new PartnerScope(Programme, [Behaviour.Metro, Behaviour.Bus]), PartnerKeyText[..10], PartnerKey.Hash(PartnerKeyText), now, "regulator", null));
            return (ids, partner.Id);
        }, TestContext.Current.CancellationToken);
        return new InclusionStreamWorld(folder, store, ids, partnerId, server);
    }

    /// <summary>Events <c>e{from}</c>… for citizens in turn: metro or bus rides of the last days, none capped out.</summary>
    public RecordActions Batch(int from, int count)
    {
        var now = DateTimeOffset.UtcNow;
        var forms = Enumerable.Range(from, count).Select(i => new RecordActions.ActionForm("e" + i.ToString(CultureInfo.InvariantCulture), "gate-" + (i % 5).ToString(CultureInfo.InvariantCulture),
            i % 2 == 0 ? "metro" : "bus", now.AddMinutes(-5 - (i % 5_000)).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            1m + (i % 9), 30m, null, "c" + (i % _citizens.Count).ToString(CultureInfo.InvariantCulture))).ToList();
        Assert.True(RecordActions.TryParse(new RecordActions.Form(Programme, forms), InclusionProgrammes.Shipped, out var command, out var errors),
            string.Join("; ", errors.Select(e => e.Message)));
        return command;
    }

    /// <summary>A stream on <paramref name="connection"/> (each worker and publisher has its own, as separate processes would).</summary>
    public static InclusionStream Stream(NatsConnection connection, InclusionStreamOptions options) => new(NatsServer.JetStream(connection), options);

    /// <summary>A database queue worker on the world's store, or on <paramref name="store"/> (a worker process's view of it).</summary>
    public InclusionQueueWorker QueueWorker(InclusionQueue queue, int take, IStore? store = null, TimeSpan? lease = null) =>
        new(queue, store is null ? Handler : HandlerOn(store), store ?? Store, TimeProvider.System) { Take = take, Lease = lease ?? TimeSpan.FromMinutes(2) };

    /// <summary>A worker on the world's store, or on <paramref name="store"/> (a worker process's view of it) for everything it writes.</summary>
    public InclusionStreamWorker Worker(InclusionStream stream, IStore? store = null) =>
        new(stream, store is null ? Handler : HandlerOn(store), store ?? Store, NullLogger<InclusionStreamWorker>.Instance);

    private InclusionCommandHandler HandlerOn(IStore store)
    {
        var registry = new RegistryService(store);
        _registries.Add(registry);
        return InclusionCommandHandler.Over(store, registry, TimeProvider.System);
    }

    /// <summary>Actions counted in the citizens' wallets, and the events the store holds for them.</summary>
    public async Task<(long Counted, long Stored)> CountAsync() =>
        await Store.ReadAsync(async s =>
        {
            var (counted, stored) = (0L, 0L);
            foreach (var id in _citizens)
            {
                counted += (await s.Inclusion.WalletAsync(id, Programme))?.Actions ?? 0;
                stored += (await s.Inclusion.RecentEventsAsync(id, int.MaxValue)).Count;
            }
            return (counted, stored);
        }, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var registry in _registries)
        {
            registry.Dispose();
        }
        await Store.DisposeAsync();
        if (_nats is not null)
        {
            await _nats.DisposeAsync();
        }
        _folder.Delete(recursive: true);
    }
}
