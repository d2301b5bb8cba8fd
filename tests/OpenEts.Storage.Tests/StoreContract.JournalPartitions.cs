using System.Data.Common;
using System.Globalization;
using OpenEts.Application.Journal;
using OpenEts.Application.Storage;
using OpenEts.Storage.Tests.Infrastructure;

namespace OpenEts.Storage.Tests;

// The journal in PostgreSQL is partitioned by sequence range (migration 0042). With partitions of 10 entries, appends
// cross several boundaries; the entries read back in order and page across partitions, the chain checks across them, and
// every partition refuses a change as the one table did. On SQLite the same appends, reads and refusals hold on its one
// table.
public abstract partial class StoreContract<TDb>
{
    private const int PartitionWidth = 10;

    [Fact]
    public async Task Journal_AppendsAcrossPartitionBoundaries_ReadInOrderAndRefuseChangesOnEveryPartition()
    {
        await using var store = await Db.CreateStoreAsync();
        await PartitionEveryAsync(store, PartitionWidth);

        // Batches of 7 (one binary COPY each on PostgreSQL) and single entries, so that both insert paths cross an edge.
        for (var batch = 0; batch < 5; batch++)
        {
            await store.WriteAsync(s => s.Journal.AppendManyAsync(Enumerable.Range(0, 7)
                .Select(i => (Now.AddSeconds((batch * 7) + i), "tester", "test.entry", "GD-HOLD-" + batch,
                    string.Create(CultureInfo.InvariantCulture, $"{{\"n\":{(batch * 7) + i + 1}}}")))
                .ToList()), Ct);
        }
        for (var i = 36; i <= 42; i++)
        {
            await store.WriteAsync(s => s.Journal.AppendAsync(Now.AddSeconds(i), "tester", "test.single", "GD-HOLD-9",
                string.Create(CultureInfo.InvariantCulture, $"{{\"n\":{i}}}")), Ct);
        }

        var all = await store.ReadAsync(async s =>
        {
            var read = new List<long>();
            await foreach (var e in s.Journal.ReadAllAsync(3).WithCancellation(Ct))
            {
                read.Add(e.Sequence);
            }
            return read;
        }, Ct);
        var pages = new List<long>();
        for (var skip = 0; skip < 42; skip += 8)
        {
            pages.AddRange((await store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(), skip, 8), Ct)).Select(e => e.Sequence));
        }
        var singles = await store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: "test.single"), 0, 100), Ct);
        var chain = await new JournalChain(store) { SegmentEntries = 4 }.CheckAsync(Ct);
        var partitions = await PartitionsAsync(store);

        Assert.Equal(Enumerable.Range(3, 40).Select(i => (long)i), all);
        Assert.Equal(Enumerable.Range(1, 42).Reverse().Select(i => (long)i), pages);
        Assert.Equal([42L, 41, 40, 39, 38, 37, 36], singles.Select(e => e.Sequence));
        Assert.Null(chain.Break);
        Assert.Equal(42, chain.Checked);
        if (Db is PostgresDb)
        {
            // Entries 1–42 in five partitions, and the next one already there, ahead of need.
            Assert.Equal(["journal_000000000001", "journal_000000000011", "journal_000000000021", "journal_000000000031",
                "journal_000000000041", "journal_000000000051"], partitions);
        }
        foreach (var (table, sequence) in partitions.Count == 0
            ? [("journal", 1L), ("journal", 42L)]
            : partitions.Take(5).Select((p, k) => (p, (long)(k * PartitionWidth) + 2)).Append(("journal", 25L)))
        {
            await Assert.ThrowsAnyAsync<DbException>(() => ExecAsync(store, $"UPDATE {table} SET actor = 'x' WHERE seq = {sequence}"));
            await Assert.ThrowsAnyAsync<DbException>(() => ExecAsync(store, $"DELETE FROM {table} WHERE seq = {sequence}"));
        }
        Assert.Null((await new JournalChain(store).CheckAsync(Ct)).Break);
    }

    [Fact]
    public async Task Journal_PartitionedOnPostgres_KeepsOneTablesKeysAndAppendOnlyRule()
    {
        await using var store = await Db.CreateStoreAsync();
        await store.WriteAsync(s => s.Journal.AppendAsync(Now, "tester", "test.entry", "GD-HOLD-1", "{}"), Ct);

        if (Db is not PostgresDb)
        {
            Assert.Empty(await PartitionsAsync(store));
            return;
        }
        var partitions = await PartitionsAsync(store);
        var strategy = await ScalarAsync(store, "SELECT partstrat::text FROM pg_partitioned_table WHERE partrelid = 'journal'::regclass");
        var indexes = await ScalarAsync(store, """
            SELECT string_agg(indexdef, '; ' ORDER BY indexname) FROM pg_indexes WHERE tablename = 'journal_000000000001'
            """);
        var triggers = await ScalarAsync(store, """
            SELECT string_agg(tgname, ',' ORDER BY tgname) FROM pg_trigger WHERE tgrelid = 'journal_000000000001'::regclass
            """);

        // One partition for the entry, one ahead (default width: 1 000 000 entries).
        Assert.Equal(["journal_000000000001", "journal_000001000001"], partitions);
        Assert.Equal("r", strategy);
        Assert.Contains("UNIQUE INDEX", indexes, StringComparison.Ordinal);
        Assert.Contains("(subject, seq)", indexes, StringComparison.Ordinal);
        Assert.Contains("(actor, seq)", indexes, StringComparison.Ordinal);
        Assert.Equal("tr_journal_append_only", triggers);
        await Assert.ThrowsAnyAsync<DbException>(() => ExecAsync(store, "INSERT INTO journal SELECT * FROM journal"));
    }

    [Fact]
    public async Task Journal_Migration0042OnAnExistingJournal_KeepsEveryEntryAndTheChainAndPartitionsIt()
    {
        if (Db is not PostgresDb)
        {
            return;
        }
        List<string> expected;
        await using (var before = await Db.CreateStoreAsync())
        {
            await AppendVariedAsync(before, ChainEntries);
            expected = [.. (await before.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(), 0, 100), Ct)).Select(e => e.Hash).Reverse()];
            // The journal as it was before migration 0042: one table with its key, indexes and trigger.
            await ExecAsync(before, """
                CREATE TABLE journal_old (seq bigint PRIMARY KEY, at bigint NOT NULL, actor text NOT NULL, kind text NOT NULL,
                    subject text NOT NULL, payload text NOT NULL, prev_hash text NOT NULL, hash text NOT NULL);
                INSERT INTO journal_old SELECT * FROM journal;
                DROP TABLE journal;
                DROP FUNCTION journal_extend_partitions(bigint);
                DROP TABLE journal_partitioning;
                ALTER TABLE journal_old RENAME TO journal;
                ALTER TABLE journal RENAME CONSTRAINT journal_old_pkey TO journal_pkey;
                CREATE INDEX ix_journal_subject ON journal (subject, seq);
                CREATE INDEX ix_journal_actor ON journal (actor, seq);
                CREATE TRIGGER tr_journal_append_only BEFORE UPDATE OR DELETE ON journal
                FOR EACH ROW EXECUTE FUNCTION journal_append_only();
                DELETE FROM schema_migrations WHERE version = 42;
                """);
            Assert.Empty(await PartitionsAsync(before));
        }

        await using var store = await SqlStore.OpenAsync(Db.LastDatabase, Ct);
        var entries = await store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(), 0, 100), Ct);
        var chain = await new JournalChain(store).CheckAsync(Ct);
        var next = await store.WriteAsync(s => s.Journal.AppendAsync(Now, "tester", "test.entry", "GD-HOLD-1", "{}"), Ct);

        Assert.Equal(expected, entries.Select(e => e.Hash).Reverse().ToList());
        Assert.Null(chain.Break);
        Assert.Equal(ChainEntries, chain.Checked);
        Assert.Equal(ChainEntries + 1, next.Sequence);
        Assert.Equal(["journal_000000000001", "journal_000001000001"], await PartitionsAsync(store));
        await Assert.ThrowsAnyAsync<DbException>(() => ExecAsync(store, "UPDATE journal_000000000001 SET actor = 'x' WHERE seq = 3"));
        Assert.Null((await new JournalChain(store).CheckAsync(Ct)).Break);
    }

    // On PostgreSQL: partitions of the given width from the first entry (the empty first partition that the migration
    // made at the default width is dropped first).
    private static async Task PartitionEveryAsync(SqlStore store, int width)
    {
        if (store.Dialect != "PostgreSQL")
        {
            return;
        }
        await ExecAsync(store, "DROP TABLE journal_000000000001; UPDATE journal_partitioning SET width = "
            + width.ToString(CultureInfo.InvariantCulture));
    }

    private static async Task<List<string>> PartitionsAsync(SqlStore store)
    {
        if (store.Dialect != "PostgreSQL")
        {
            return [];
        }
        var names = await ScalarAsync(store, """
            SELECT string_agg(c.relname, ',' ORDER BY c.relname) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = 'journal'::regclass
            """);
        return [.. names.Split(',', StringSplitOptions.RemoveEmptyEntries)];
    }

    private static async Task<string> ScalarAsync(SqlStore store, string sql)
    {
        await using var connection = await store.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(Ct), CultureInfo.InvariantCulture) ?? "";
    }

    private static async Task ExecAsync(SqlStore store, string sql)
    {
        await using var connection = await store.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
