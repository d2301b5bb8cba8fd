using FsCheck;
using FsCheck.Fluent;
using OpenEts.Application.Registry;

namespace OpenEts.Storage.Tests;

// `verify --parallel` replays the journal in segments from one snapshot to the next, on several workers. Whatever was
// changed (a journal row of any kind, a stored snapshot, or nothing), it gives the answer of the check in one stream:
// the same first bad entry, the same first entry that does not replay, the same snapshot that differs, the same counts
// and warnings.
public abstract partial class StoreContract<TDb>
{
    [Fact]
    public void Registry_VerifyInParallelSegments_NamesWhatTheStreamNames() => SegmentsNameWhatTheStreamNames(null);

    // The case FsCheck found: a number changed in the payload of a key's first use left the snapshot after it matching by
    // its fingerprint but not by its keys, so the segment from that snapshot accepted the key's reuse the stream refuses.
    [Fact]
    public void Registry_VerifyInParallelSegments_AKeysFirstUseChanged_NamesTheReuseTheStreamRefuses() =>
        SegmentsNameWhatTheStreamNames((17995065530047657195, 6977460778781547223, 60));

    private void SegmentsNameWhatTheStreamNames((ulong, ulong, int)? replay) =>
        CheckRegistry(
            from ops in RegistryOps(25)
            from pick in Gen.Choose(0, int.MaxValue - 1)
            from change in Gen.Choose(0, 9)
            from tamper in Gen.Elements(Enum.GetValues<JournalTamper>())
            select (ops, pick, change, tamper),
            async c =>
            {
                var (ops, pick, change, tamper) = c;
                await using var store = await Db.CreateStoreAsync();
                using var registry = new RegistryService(store) { SnapshotInterval = 6 };
                var run = await RegistryRun.SeedAsync(store, registry);
                foreach (var op in ops)
                {
                    await run.StepAsync(op);
                }
                // Mostly a journal row; sometimes a stored snapshot's bytes; sometimes nothing.
                if (change < 6)
                {
                    var journal = await run.JournalAsync();
                    await TamperAsync(store, journal[pick % journal.Count], tamper);
                }
                else if (change < 8 && await store.ReadAsync(s => s.Registry.SnapshotsAsync(), Ct) is { Count: > 0 } snapshots)
                {
                    await TruncateSnapshotAsync(store, snapshots[pick % snapshots.Count].Sequence);
                }

                using var verifier = new RegistryService(store);
                var stream = await verifier.VerifyAsync(Ct);
                var parallel = await verifier.VerifyAsync(new RegistryVerifyOptions(Parallel: true) { Workers = 3 }, Ct);

                Assert.Equal(Comparable(stream), Comparable(parallel));
                Assert.Equal(stream.SnapshotWarnings ?? [], parallel.SnapshotWarnings ?? []);
            }, replay);

    [Fact]
    public async Task Registry_VerifyInParallelSegments_IntactJournalWithManySnapshotsIsIntact()
    {
        await using var store = await Db.CreateStoreAsync();
        using var registry = new RegistryService(store) { SnapshotInterval = 4 };
        await new DemoRegistry(registry).SeedIfEmptyAsync(Now, Ct);
        for (var i = 0; i < 6; i++)
        {
            await TransferAsync(registry, 10 + i, "p" + i);
        }
        var progress = new List<(long Done, long Of)>();

        var stream = await registry.VerifyAsync(Ct);
        var parallel = await registry.VerifyAsync(new RegistryVerifyOptions(Progress: (d, o) => progress.Add((d, o)), Parallel: true), Ct);

        Assert.True(parallel.Intact, parallel.ToString());
        Assert.Equal(Comparable(stream), Comparable(parallel));
        Assert.True((await store.ReadAsync(s => s.Registry.SnapshotsAsync(), Ct)).Count >= 3);
        Assert.Equal(progress.Max(p => p.Of), progress.Max(p => p.Done));
    }

    private static RegistryCheck Comparable(RegistryCheck check) => check with { SnapshotWarnings = null };

    private static async Task TruncateSnapshotAsync(SqlStore store, long sequence)
    {
        await using var connection = await store.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = connection is Npgsql.NpgsqlConnection
            ? "UPDATE registry_snapshots SET content = substring(content from 1 for 20) WHERE seq = @seq"
            : "UPDATE registry_snapshots SET content = substr(content, 1, 20) WHERE seq = @seq";
        AddParameter(command, "seq", sequence);
        Assert.Equal(1, await command.ExecuteNonQueryAsync(Ct));
    }
}
