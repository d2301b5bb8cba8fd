using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Registry;
using OpenEts.Storage.Tests.Infrastructure;

namespace OpenEts.Storage.Tests;

// Snapshots, the retention window and streaming verification, on every database.
public abstract partial class StoreContract<TDb>
{
    [Fact]
    public void Registry_SnapshotThenTail_GivesExactlyTheStateOfAReplayFromGenesis() =>
        CheckRegistry(
            from before in RegistryOps(20)
            from after in RegistryOps(20)
            select (before, after),
            async c =>
            {
                await using var store = await Db.CreateStoreAsync();
                using var registry = new RegistryService(store) { SnapshotInterval = 0 };
                var run = await RegistryRun.SeedAsync(store, registry);
                foreach (var op in c.before)
                {
                    await run.StepAsync(op);
                }
                var snapshot = await registry.SnapshotAsync(run.Now, Ct);
                foreach (var op in c.after)
                {
                    await run.StepAsync(op);
                }

                using var restarted = new RegistryService(store);
                var restored = await restarted.QueryAsync((l, _) => StateJson(l), Ct);
                var replayed = RegistryLedger.Replay((await run.JournalAsync())
                    .Where(e => e.Kind.StartsWith(RegistryService.KindPrefix, StringComparison.Ordinal))
                    .Select(e => RegistryEventJson.Deserialize(e.Payload)));

                Assert.Equal(snapshot.Sequence, restarted.RestoredFrom);
                Assert.Equal(StateJson(replayed), restored);
                Assert.Equal(await registry.QueryAsync((l, _) => StateJson(l), Ct), restored);
                Assert.True((await restarted.VerifyAsync(Ct)).Intact);
            });

    [Fact]
    public async Task Registry_SnapshotOnStop_StoresOneOnlyAfterALongTailAndTheNextStartReplaysNothing()
    {
        await using var store = await Db.CreateStoreAsync();
        using var registry = new RegistryService(store) { SnapshotInterval = 0 };
        await new DemoRegistry(registry).SeedIfEmptyAsync(Now, Ct);
        var shortTail = await registry.SnapshotOnStopAsync(Now, Ct);
        var proposals = Enumerable.Range(1, (int)RegistryService.StopSnapshotMinimum)
            .Select(i => (Func<RegistryLedger, RegistryOutcome>)(l => l.ProposeTransfer(PowerA, Now, Key("stop-" + i), PowerAccount,
                CementAccount, Gdea2017, 1, Now.AddDays(7))))
            .ToList();
        Assert.All(await registry.ExecuteBatchAsync(Now, proposals, Ct), o => Assert.True(o.IsCompleted, o.ToString()));
        var head = await store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter()), Ct);

        var stored = await registry.SnapshotOnStopAsync(Now, Ct);
        var again = await registry.SnapshotOnStopAsync(Now, Ct);
        using var restarted = new RegistryService(store);

        Assert.Null(shortTail);
        Assert.NotNull(stored);
        Assert.Equal(head, stored.Sequence);
        Assert.Null(again);
        Assert.Equal(await registry.QueryAsync((l, _) => StateJson(l), Ct), await restarted.QueryAsync((l, _) => StateJson(l), Ct));
        Assert.Equal(stored.Sequence, restarted.RestoredFrom);
    }

    [Fact]
    public async Task Registry_LargeBatchesWithSnapshotsDue_StoreAJournalAndSnapshotsThatVerifyAndRestoreTheSameState()
    {
        await using var store = await Db.CreateStoreAsync();
        using var registry = new RegistryService(store) { SnapshotInterval = 300 };
        await new DemoRegistry(registry).SeedIfEmptyAsync(Now, Ct);
        // Batches large enough that the events are encoded and hashed beside the index inserts, each crossing a snapshot mark.
        for (var batch = 0; batch < 3; batch++)
        {
            var proposals = Enumerable.Range(1, 400)
                .Select(i => (Func<RegistryLedger, RegistryOutcome>)(l => l.ProposeTransfer(PowerA, Now, Key($"big-{batch}-{i}"),
                    PowerAccount, CementAccount, Gdea2017, i, Now.AddDays(7))))
                .ToList();
            Assert.All(await registry.ExecuteBatchAsync(Now, proposals, Ct), o => Assert.True(o.IsCompleted, o.ToString()));
        }
        var snapshots = await registry.SnapshotsAsync(Ct);
        var proposed = await store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter(KindPrefix: "registry.transfer.proposed")), Ct);

        using var restarted = new RegistryService(store);
        var restored = await restarted.QueryAsync((l, _) => StateJson(l), Ct);
        var check = await restarted.VerifyAsync(Ct);

        Assert.Equal(1200, proposed);
        Assert.Equal(3, snapshots.Count);
        Assert.Equal(snapshots[0].Sequence, restarted.RestoredFrom);
        Assert.Equal(await registry.QueryAsync((l, _) => StateJson(l), Ct), restored);
        Assert.True(check.Intact);
    }

    [Fact]
    public async Task Registry_StartOnALongTailWithAnUnreadableEntry_StopsThereWithTheStateBeforeIt()
    {
        await using var store = await Db.CreateStoreAsync();
        long total;
        using (var registry = new RegistryService(store) { SnapshotInterval = 0 })
        {
            await new DemoRegistry(registry).SeedIfEmptyAsync(Now, Ct);
            // A tail of thousands of entries, the bad one in its middle.
            var proposals = Enumerable.Range(1, 6000)
                .Select(i => (Func<RegistryLedger, RegistryOutcome>)(l => l.ProposeTransfer(PowerA, Now, Key("tail-" + i),
                    PowerAccount, CementAccount, Gdea2017, 1, Now.AddDays(7))))
                .ToList();
            Assert.All(await registry.ExecuteBatchAsync(Now, proposals, Ct), o => Assert.True(o.IsCompleted, o.ToString()));
            total = await registry.QueryAsync((l, _) => l.LastProposalId, Ct);
        }
        var bad = (await store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: "registry.transfer.proposed"), 2000, 1), Ct))
            .Single();
        await TamperAsync(store, bad, JournalTamper.PayloadUnreadable);

        using var restarted = new RegistryService(store);
        var last = await restarted.QueryAsync((l, _) => l.LastProposalId, Ct);

        Assert.Equal(bad.Sequence, restarted.Break?.Sequence);
        Assert.Equal(total - 2001, last);
    }

    [Fact]
    public async Task Registry_SnapshotAfterOnlyOtherModulesEntries_IsTheOneTheNextStartRestores()
    {
        await using var store = await Db.CreateStoreAsync();
        using var registry = new RegistryService(store) { SnapshotInterval = 0 };
        await new DemoRegistry(registry).SeedIfEmptyAsync(Now, Ct);
        await registry.SnapshotAsync(Now, Ct);
        await store.WriteAsync(s => s.Journal.AppendAsync(Now, "regulator", "entity.created", "x", "{}"), Ct);

        var newest = await registry.SnapshotAsync(Now, Ct);
        using var restarted = new RegistryService(store);

        Assert.Equal(await registry.QueryAsync((l, _) => StateJson(l), Ct), await restarted.QueryAsync((l, _) => StateJson(l), Ct));
        Assert.Equal(newest.Sequence, restarted.RestoredFrom);
    }

    [Theory]
    [InlineData("flipped")]
    [InlineData("truncated")]
    public async Task Registry_NewestSnapshotCorrupted_IsSkippedForTheOneBeforeAndNothingIsLost(string damage)
    {
        await using var store = await Db.CreateStoreAsync();
        using var registry = new RegistryService(store) { SnapshotInterval = 0 };
        await new DemoRegistry(registry).SeedIfEmptyAsync(Now, Ct);
        await TransferAsync(registry, 10, "t1");
        var older = await registry.SnapshotAsync(Now, Ct);
        await TransferAsync(registry, 20, "t2");
        var newer = await registry.SnapshotAsync(Now, Ct);
        await TransferAsync(registry, 30, "t3");
        var live = await registry.QueryAsync((l, _) => StateJson(l), Ct);

        await DamageSnapshotAsync(store, newer.Sequence, damage);
        using var restarted = new RegistryService(store);
        var restored = await restarted.QueryAsync((l, _) => StateJson(l), Ct);
        var check = await restarted.VerifyAsync(Ct);

        Assert.Equal(older.Sequence, restarted.RestoredFrom);
        Assert.Equal(live, restored);
        Assert.True(check.Intact, check.ToString());
        Assert.Contains(check.SnapshotWarnings!, w => w.Contains($"entry {newer.Sequence}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Registry_KeyOlderThanTheWindow_StillAnswersAsDuplicateAndNeverRunsTwice()
    {
        await using var store = await Db.CreateStoreAsync();
        using var registry = new RegistryService(store);
        await new DemoRegistry(registry).SeedIfEmptyAsync(Now, Ct);
        var issue = (DateTimeOffset t) => (Func<RegistryLedger, RegistryOutcome>)(l =>
            l.Issue(UserId.From(DemoRegistry.Regulators[0]), t, IdempotencyKey.From("issue-old"), Gdea2017, 500));
        var first = await registry.ExecuteBatchAsync(Now, [issue(Now)], Ct);
        var issuedAfterFirst = await registry.QueryAsync((l, _) => l.TotalIssued(Gdea2017), Ct);
        // Two days of other requests move the registry's clock past the window.
        var later = Now.AddDays(2);
        await TransferAtAsync(registry, 5, "later", later);

        var inMemory = await registry.QueryAsync((l, _) => l.KeysInMemory, Ct);
        var again = await registry.ExecuteBatchAsync(later, [issue(later)], Ct);
        var different = await registry.ExecuteBatchAsync(later, [l =>
            l.Issue(UserId.From(DemoRegistry.Regulators[0]), later, IdempotencyKey.From("issue-old"), Gdea2017, 501)], Ct);
        using var restarted = new RegistryService(store);
        var afterRestart = await restarted.ExecuteBatchAsync(later, [issue(later)], Ct);

        Assert.True(inMemory > 0);
        Assert.IsType<RegistryOutcome.Completed>(first[0]);
        var duplicate = Assert.IsType<RegistryOutcome.Completed>(again[0]);
        Assert.True(duplicate.Duplicate);
        Assert.Equal(RegistryEventJson.Serialize(((RegistryOutcome.Completed)first[0]).Event), RegistryEventJson.Serialize(duplicate.Event));
        Assert.Equal(RegistryRejection.IdempotencyKeyReused, Assert.IsType<RegistryOutcome.Rejected>(different[0]).Reason);
        Assert.True(Assert.IsType<RegistryOutcome.Completed>(afterRestart[0]).Duplicate);
        Assert.Equal(issuedAfterFirst, await restarted.QueryAsync((l, _) => l.TotalIssued(Gdea2017), Ct));
        Assert.True((await restarted.VerifyAsync(Ct)).Intact);
    }

    [Theory]
    [InlineData(nameof(JournalTamper.PayloadNumber))]
    [InlineData(nameof(JournalTamper.PayloadUnreadable))]
    [InlineData(nameof(JournalTamper.At))]
    public async Task Registry_Verify_NamesTheSameFirstBadEntryWithOrWithoutSnapshots(string change)
    {
        var tamper = Enum.Parse<JournalTamper>(change);
        await using var withSnapshots = await Db.CreateStoreAsync();
        await using var without = await Db.CreateStoreAsync();
        foreach (var (store, interval) in new[] { (withSnapshots, 5L), (without, 0L) })
        {
            // Snapshots every few entries at first, then none: the last transfers are the tail.
            using (var registry = new RegistryService(store) { SnapshotInterval = interval })
            {
                await new DemoRegistry(registry).SeedIfEmptyAsync(Now, Ct);
                for (var i = 0; i < 5; i++)
                {
                    await TransferAsync(registry, 10 + i, "t" + i);
                }
            }
            using var tail = new RegistryService(store) { SnapshotInterval = 0 };
            for (var i = 5; i < 8; i++)
            {
                await TransferAsync(tail, 10 + i, "t" + i);
            }
        }
        var snapshots = await withSnapshots.ReadAsync(s => s.Registry.SnapshotsAsync(), Ct);
        // The same registry event in both journals: the third transfer from the end.
        var rows = new List<Domain.Journal.JournalEntry>();
        foreach (var store in new[] { withSnapshots, without })
        {
            var row = (await store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: "registry.transfer.proposed"), 1, 1), Ct))
                .Single();
            await TamperAsync(store, row, tamper);
            rows.Add(row);
        }

        using var a = new RegistryService(withSnapshots);
        using var b = new RegistryService(without);
        var checkA = await a.VerifyAsync(Ct);
        var checkB = await b.VerifyAsync(Ct);
        var fromSnapshot = await a.VerifyAsync(new RegistryVerifyOptions(FromSnapshot: true), Ct);

        Assert.NotEmpty(snapshots);
        Assert.True(snapshots[0].Sequence < rows[0].Sequence, "the tampered entry is in the tail");
        Assert.Equal(rows[0].Sequence, checkA.FirstBadSequence);
        Assert.Equal(rows[1].Sequence, checkB.FirstBadSequence);
        Assert.Equal(checkA.ReplayFailedAt is null, checkB.ReplayFailedAt is null);
        Assert.Equal(checkA.FirstBadSequence, fromSnapshot.FirstBadSequence);
        Assert.True(fromSnapshot.CheckedFrom > 1);
        Assert.Equal(checkA.ReplayFailedAt, fromSnapshot.ReplayFailedAt);
    }

    [Fact]
    public async Task Registry_VerifyResumedFromACheckpoint_GivesTheSameResultAsOneRun()
    {
        await using var store = await Db.CreateStoreAsync();
        using var registry = new RegistryService(store);
        await new DemoRegistry(registry).SeedIfEmptyAsync(Now, Ct);
        await TransferAsync(registry, 10, "t1");
        await TransferAsync(registry, 20, "t2");
        var checkpoints = new List<byte[]>();

        var whole = await registry.VerifyAsync(Ct);
        await registry.VerifyAsync(new RegistryVerifyOptions(Checkpoint: checkpoints.Add, CheckpointEvery: 5), Ct);
        var resumed = await registry.VerifyAsync(new RegistryVerifyOptions(Resume: checkpoints[checkpoints.Count / 2]), Ct);

        Assert.True(whole.Intact);
        Assert.True(resumed.Intact, resumed.ToString());
        Assert.Equal(whole.EntriesChecked, resumed.EntriesChecked);
        Assert.Equal(whole.RegistryEvents, resumed.RegistryEvents);
        Assert.True(resumed.CheckedFrom > 1);
    }

    [Fact]
    public async Task Registry_History_IsReadFromStorageAPageAtATime()
    {
        await using var store = await Db.CreateStoreAsync();
        using var registry = new RegistryService(store);
        await new DemoRegistry(registry).SeedIfEmptyAsync(Now, Ct);
        for (var i = 0; i < 5; i++)
        {
            await TransferAsync(registry, 10 + i, "h" + i);
        }
        var source = PowerAccount;

        var all = await registry.HistoryAsync(source, null, 0, 1000, Ct);
        var pages = new List<RegistryHistoryRow>();
        for (var skip = 0; skip < all.Count; skip += 3)
        {
            pages.AddRange(await registry.HistoryAsync(source, null, skip, 3, Ct));
        }
        var legacy = await registry.QueryAsync((l, records) => RegistryQueries.History(l, records, source), Ct);

        Assert.Equal(legacy.Select(h => h.Sequence), all.Select(h => h.Sequence));
        Assert.Equal(all.Select(h => h.Sequence), pages.Select(h => h.Sequence));
        Assert.Contains(all, h => h.Kind == "registry.transfer.executed");
    }

    private static async Task TransferAtAsync(RegistryService registry, long quantity, string key, DateTimeOffset at)
    {
        var proposed = await registry.ExecuteAsync(at, l => l.ProposeTransfer(PowerA, at, Key(key + "-p"), PowerAccount,
            CementAccount, Gdea2017, quantity, at.AddDays(7)), Ct);
        var id = ((TransferProposed)((RegistryOutcome.Completed)proposed).Event).Proposal;
        Assert.True((await registry.ExecuteAsync(at, l => l.ApproveTransfer(PowerB, at, Key(key + "-a"), id), Ct)).IsCompleted);
    }

    private static string StateJson(RegistryLedger l) => JsonSerializer.Serialize(l.ToState(), RegistryEventJson.Options);

    private static async Task DamageSnapshotAsync(SqlStore store, long sequence, string damage)
    {
        var content = await store.ReadAsync(s => s.Registry.SnapshotContentAsync(sequence), Ct);
        Assert.NotNull(content);
        var reference = (await store.ReadAsync(s => s.Registry.SnapshotsAsync(), Ct)).First(r => r.Sequence == sequence);
        var damaged = damage == "truncated" ? content![..(content.Length / 2)] : [.. content!];
        if (damage == "flipped")
        {
            damaged[damaged.Length / 2] ^= 0x40;
        }
        await store.WriteAsync(async s =>
        {
            await s.Registry.SaveSnapshotAsync(reference with { Content = damaged });
            return 0;
        }, Ct);
    }
}
