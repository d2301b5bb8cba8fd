using System.Globalization;
using System.Security.Cryptography;
using OpenEts.Application.Audit;
using OpenEts.Application.Journal;
using OpenEts.Domain.Journal;
using OpenEts.Storage;

namespace OpenEts.Storage.Tests;

// Signed digests of the journal's head, on each database: a history rewritten with every later hash recomputed passes
// the hash chain, and fails the digests kept elsewhere.
public abstract partial class StoreContract<TDb>
{
    [Fact]
    public async Task Issue_8_JournalDigests_AfterAHistoryRewriteWithRecomputedHashes_NameWhereTheChangeLies()
    {
        await using var store = await Db.CreateStoreAsync();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var signer = new JournalSigner(ECDsa.Create(key.ExportParameters(includePrivateParameters: true)));
        var digests = new JournalDigests(store, signer);
        await AppendEntriesAsync(store, 10);
        var first = await digests.SignHeadAsync(Now, "system", Ct);          // signs 10; the digest is entry 11
        await AppendEntriesAsync(store, 9);                                   // 12–20
        var second = await digests.SignHeadAsync(Now.AddHours(1), "system", Ct); // signs 20; entry 21
        Assert.Null(await digests.SignHeadAsync(Now.AddHours(2), "system", Ct)); // nothing new to sign
        var kept = await digests.ListAsync(Ct);
        Assert.Equal([10L, 20L], kept.Select(d => d.Sequence));
        Assert.True((await digests.CheckAsync(kept, key, Ct)).Reproduced);

        await RewriteFromAsync(store, 15);

        var (_, chainBreak) = await new AuditLog(store).VerifyAsync(Ct);
        Assert.Null(chainBreak);
        var check = await digests.CheckAsync([first!, second!], key, Ct);
        Assert.False(check.Reproduced);
        Assert.Equal(20, check.FailedDigest);
        Assert.Equal((11L, 20L), (check.FirstChangedFrom, check.FirstChangedTo));
    }

    [Fact]
    public async Task JournalDigests_SignedByAnotherKey_AreNamedAsBadSignatures()
    {
        await using var store = await Db.CreateStoreAsync();
        using var signer = new JournalSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256));
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var digests = new JournalDigests(store, signer);
        await AppendEntriesAsync(store, 3);
        var digest = await digests.SignHeadAsync(Now, "system", Ct);

        var check = await digests.CheckAsync([digest!, digest! with { Hash = new string('0', 64) }], other, Ct);

        Assert.Equal([3L, 3L], check.BadSignatures);
        Assert.False(check.Reproduced);
    }

    private static Task<int> AppendEntriesAsync(SqlStore store, int count) =>
        store.WriteAsync(async s =>
        {
            for (var i = 0; i < count; i++)
            {
                await s.Journal.AppendAsync(Now, "tester", "test.entry", "subject",
                    string.Create(CultureInfo.InvariantCulture, $"{{\"n\":{i}}}"));
            }
            return 0;
        }, Ct);

    // What someone with write access to the database could do: change entry `from` and recompute every later hash, so
    // that the chain verifies again.
    private static async Task RewriteFromAsync(SqlStore store, long from)
    {
        var entries = await JournalEntriesAsync(store);
        await using var connection = await store.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = connection is Npgsql.NpgsqlConnection
            ? "ALTER TABLE journal DISABLE TRIGGER tr_journal_append_only"
            : "DROP TRIGGER tr_journal_no_update";
        await command.ExecuteNonQueryAsync(Ct);
        var previous = entries[(int)from - 2].Hash;
        foreach (var e in entries.Where(e => e.Sequence >= from))
        {
            var payload = e.Sequence == from ? e.Payload.Replace("\"n\":", "\"n\":1", StringComparison.Ordinal) : e.Payload;
            var rewritten = JournalEntry.Create(e.Sequence, e.At, e.Actor, e.Kind, e.Subject, payload, previous);
            command.Parameters.Clear();
            command.CommandText = "UPDATE journal SET payload = @payload, prev_hash = @prev, hash = @hash WHERE seq = @seq";
            AddParameter(command, "payload", payload);
            AddParameter(command, "prev", previous);
            AddParameter(command, "hash", rewritten.Hash);
            AddParameter(command, "seq", e.Sequence);
            Assert.Equal(1, await command.ExecuteNonQueryAsync(Ct));
            previous = rewritten.Hash;
        }
    }
}
