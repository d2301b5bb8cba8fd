using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using OpenEts.Application.Journal;
using OpenEts.Domain.Journal;
using OpenEts.Storage;

namespace OpenEts.Cli.Tests.Registry;

// Issue 8: `ets registry verify --digest FILE…` checks the journal against signed digests kept elsewhere, so a history
// rewritten with every later hash recomputed is caught; and a batch import checks the --as role before the sheet.
public sealed partial class RegistryCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Issue_8_VerifyDigest_HistoryRewrittenWithRecomputedHashes_ExitsOneNamingTheFirstChangedRange()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (first, second) = await SignTwiceAsync(db, key);
        var file = WriteDigestFile(db, "digests.json", key, first, second);
        Assert.Equal(0, (await db.RunAsync("verify", "--digest", file)).Exit);

        await RewriteFromAsync(db, second.Sequence - 1);

        var (plainExit, plainOut, _) = await db.RunAsync("verify");
        Assert.Equal(0, plainExit);
        Assert.StartsWith("intact:", plainOut, StringComparison.Ordinal);
        var (exit, output, error) = await db.RunAsync("verify", "--digest", file);
        Assert.Equal(1, exit);
        Assert.Contains("digests: 2 checked from 1 file", output, StringComparison.Ordinal);
        Assert.Contains(Invariant($"the journal does not reproduce the digest at entry {second.Sequence}: ")
            + Invariant($"the first changed entry is one of {first.Sequence + 1}–{second.Sequence}"), error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_8_VerifyDigest_UntouchedJournalWithAFileAndASingleDigest_ExitsZero()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (first, second) = await SignTwiceAsync(db, key);
        var file = WriteDigestFile(db, "digests.json", key, first);
        var single = db.WriteFile("one.json", JournalDigests.ToJson(second));
        var pem = db.WriteFile("key.pem", key.ExportSubjectPublicKeyInfoPem());

        var (exit, output, error) = await db.RunAsync("verify", "--digest", file, "--digest", single, "--key", pem);

        Assert.True(exit == 0, error);
        Assert.Contains("intact:", output, StringComparison.Ordinal);
        Assert.Contains("digests: 2 checked from 2 files", output, StringComparison.Ordinal);
        Assert.Contains(Invariant($"reproduced: the journal reproduces all 2 digests, the newest at entry {second.Sequence}"), output,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_8_VerifyDigest_SignedByAnotherKey_ExitsOneNamingTheBadSignature()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (first, second) = await SignTwiceAsync(db, key);
        // A file whose digests were signed by `other` but which names `key` (a forger without the key), and the genuine
        // file checked against a key pinned with --key that is not the signer's.
        var forged = WriteDigestFile(db, "forged.json", key, first with { Signature = Resign(first, other) });
        var genuine = WriteDigestFile(db, "genuine.json", key, second);
        var pinned = db.WriteFile("other.pem", other.ExportSubjectPublicKeyInfoPem());

        var (exit, _, error) = await db.RunAsync("verify", "--digest", forged);
        var (pinnedExit, _, pinnedError) = await db.RunAsync("verify", "--digest", genuine, "--key", pinned);

        Assert.Equal(1, exit);
        Assert.Contains(Invariant($"bad signature: the digest at entry {first.Sequence} "), error, StringComparison.Ordinal);
        Assert.Equal(1, pinnedExit);
        Assert.Contains(Invariant($"bad signature: the digest at entry {second.Sequence} "), pinnedError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("garbage.json", "this is not json", "not JSON")]
    [InlineData("array.json", "[1, 2]", "expected a JSON object")]
    [InlineData("empty.json", """{"format":"openets-journal-digest/1","publicKey":null,"digests":[]}""", "holds no digests")]
    [InlineData("other.json", """{"hello":"world"}""", "no \"digests\" list")]
    [InlineData("bad.json", """{"format":"openets-journal-digest/1","digests":[{"sequence":"x"}]}""", "digest 1 is not a digest")]
    public async Task Issue_8_VerifyDigest_UnreadableFile_ExitsTwoNamingTheFileAndTheProblem(string name, string content, string problem)
    {
        using var db = await RegistryDatabase.SqliteAsync();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var path = db.WriteFile(name, content);
        var pem = db.WriteFile("key.pem", key.ExportSubjectPublicKeyInfoPem());

        var (exit, output, error) = await db.RunAsync("verify", "--digest", path, "--key", pem);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("--digest " + path + ": ", error, StringComparison.Ordinal);
        Assert.Contains(problem, error, StringComparison.Ordinal);
        Assert.Contains("usage: ets registry verify", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_8_VerifyDigest_MissingFileOrKeyOrKeyWithoutDigest_ExitsTwo()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (first, _) = await SignTwiceAsync(db, key);
        var noKey = db.WriteFile("nokey.json", JournalDigests.ToJson(first));
        var notPem = db.WriteFile("key.pem", "not a key");

        Assert.Contains("file not found", (await db.RunAsync("verify", "--digest", Path.Combine(db.Folder, "nope.json"))).Err,
            StringComparison.Ordinal);
        var (exit, _, error) = await db.RunAsync("verify", "--digest", noKey);
        Assert.Equal(2, exit);
        Assert.Contains("no public key", error, StringComparison.Ordinal);
        (exit, _, error) = await db.RunAsync("verify", "--digest", noKey, "--key", notPem);
        Assert.Equal(2, exit);
        Assert.Contains("--key " + notPem + ": no ECDSA P-256 key", error, StringComparison.Ordinal);
        Assert.Equal(2, (await db.RunAsync("verify", "--key", notPem)).Exit);
    }

    [Fact]
    public async Task Issue_8_AllocateFile_ByNonRegulator_IsRefusedBeforeTheSheetNamesAnyAccount()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        var file = db.WriteFile("probe.csv", "账户,单位类别,数量\nGD-HOLD-POWER,GDEA-2017,1\nGD-HOLD-SECRET,GDEA-2017,1\n");

        var (exit, output, error) = await db.RunAsync("allocate-file", file, "--as", "cement-a");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("NotPermitted", error, StringComparison.Ordinal);
        Assert.DoesNotContain("GD-HOLD-SECRET", error, StringComparison.Ordinal);
        Assert.DoesNotContain("UnknownAccount", error, StringComparison.Ordinal);
        Assert.DoesNotContain("row", error, StringComparison.Ordinal);
    }

    // Signs the head after seeding, appends three entries, signs again: the second digest pins the first's entry + 4.
    private static async Task<(JournalDigest First, JournalDigest Second)> SignTwiceAsync(RegistryDatabase db, ECDsa key)
    {
        await using var store = await SqlStore.OpenAsync(db.Database, Ct);
        using var signer = new JournalSigner(ECDsa.Create(key.ExportParameters(includePrivateParameters: true)));
        var digests = new JournalDigests(store, signer);
        var now = DateTimeOffset.UtcNow;
        var first = await digests.SignHeadAsync(now, "system", Ct);
        await store.WriteAsync(async s =>
        {
            for (var i = 0; i < 3; i++)
            {
                await s.Journal.AppendAsync(now, "tester", "test.entry", "subject", Invariant($$"""{"n":{{i}}}"""));
            }
            return 0;
        }, Ct);
        var second = await digests.SignHeadAsync(now.AddMinutes(1), "system", Ct);
        Assert.NotNull(first);
        Assert.NotNull(second);
        return (first, second);
    }

    // The API's download: {"format","keyId","publicKey","digests":[…]}.
    private static string WriteDigestFile(RegistryDatabase db, string name, ECDsa key, params JournalDigest[] digests)
    {
        var file = new JsonObject
        {
            ["format"] = JournalDigest.Format,
            ["keyId"] = JournalDigest.KeyIdOf(key),
            ["publicKey"] = key.ExportSubjectPublicKeyInfoPem(),
            ["digests"] = new JsonArray([.. digests.Select(d => JsonNode.Parse(JournalDigests.ToJson(d)))]),
        };
        return db.WriteFile(name, file.ToJsonString());
    }

    private static string Resign(JournalDigest digest, ECDsa key) =>
        Convert.ToBase64String(key.SignData(System.Text.Encoding.UTF8.GetBytes(digest.SignedText), HashAlgorithmName.SHA256));

    // What someone with write access to the database could do: change entry `from` and recompute every later hash, so
    // that the hash chain verifies again.
    private static async Task RewriteFromAsync(RegistryDatabase db, long from)
    {
        await using var store = await SqlStore.OpenAsync(db.Database, Ct);
        var entries = await store.ReadAsync(async s =>
        {
            var all = new List<JournalEntry>();
            await foreach (var e in s.Journal.ReadAllAsync(1).WithCancellation(Ct))
            {
                all.Add(e);
            }
            return all;
        }, Ct);
        await using var connection = await store.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "DROP TRIGGER tr_journal_no_update";
        await command.ExecuteNonQueryAsync(Ct);
        var previous = entries[(int)from - 2].Hash;
        foreach (var e in entries.Where(e => e.Sequence >= from))
        {
            var payload = e.Sequence == from ? e.Payload.Replace("\"n\":", "\"n\":1", StringComparison.Ordinal) : e.Payload;
            Assert.True(e.Sequence != from || payload != e.Payload, "the entry to rewrite is a test entry");
            var rewritten = JournalEntry.Create(e.Sequence, e.At, e.Actor, e.Kind, e.Subject, payload, previous);
            command.Parameters.Clear();
            command.CommandText = "UPDATE journal SET payload = @payload, prev_hash = @prev, hash = @hash WHERE seq = @seq";
            Add(command, "payload", payload);
            Add(command, "prev", previous);
            Add(command, "hash", rewritten.Hash);
            Add(command, "seq", e.Sequence);
            Assert.Equal(1, await command.ExecuteNonQueryAsync(Ct));
            previous = rewritten.Hash;
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
