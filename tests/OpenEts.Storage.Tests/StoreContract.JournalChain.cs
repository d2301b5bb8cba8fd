using System.Globalization;
using OpenEts.Application.Audit;
using OpenEts.Application.Journal;
using OpenEts.Application.Storage;
using OpenEts.Domain.Journal;

namespace OpenEts.Storage.Tests;

// The hash chain checked from the stored rows' bytes in parallel segments names the same first bad entry, for the same
// reason, after the same number of entries, as one pass over the entries read back, whatever was changed and wherever
// it lies against the segments' edges.
public abstract partial class StoreContract<TDb>
{
    private const int ChainEntries = 23;

    [Fact]
    public async Task JournalChain_Intact_ChecksEveryEntryInSegments()
    {
        await using var store = await Db.CreateStoreAsync();
        await AppendVariedAsync(store, ChainEntries);

        var result = await new JournalChain(store) { SegmentEntries = 5 }.CheckAsync(Ct);
        var audit = await new AuditLog(store).VerifyAsync(Ct);

        Assert.Null(result.Break);
        Assert.Equal(ChainEntries, result.Checked);
        Assert.Equal((long)ChainEntries, result.LastSequence);
        Assert.Equal(((long)ChainEntries, (JournalBreak?)null), audit);
    }

    [Theory]
    [InlineData("payload", 7)]
    [InlineData("payload", 1)]
    [InlineData("payload", 23)]
    [InlineData("actor", 6)]
    [InlineData("at", 11)]
    [InlineData("prev_hash", 16)]
    [InlineData("hash", 5)]
    [InlineData("delete", 6)]
    [InlineData("delete", 10)]
    [InlineData("delete", 12)]
    [InlineData("rehash", 10)]
    [InlineData("rehash", 3)]
    public async Task JournalChain_RowChangedInTheDatabase_NamesWhatOnePassNames(string change, long sequence)
    {
        await using var store = await Db.CreateStoreAsync();
        await AppendVariedAsync(store, ChainEntries);
        await ChangeRowAsync(store, change, sequence);
        var (expected, expectedChecked) = await OnePassAsync(store);

        foreach (var segment in new long[] { 1, 4, 5, 100 })
        {
            var result = await new JournalChain(store) { SegmentEntries = segment }.CheckAsync(Ct);

            Assert.NotNull(expected);
            Assert.Equal(expected, result.Break);
            Assert.Equal(expectedChecked, result.Checked);
        }
        Assert.Equal((expectedChecked, expected), await new AuditLog(store).VerifyAsync(Ct));
    }

    // Entries of varied shape: Chinese text, and a payload longer than the hash's stack buffer.
    private static Task<int> AppendVariedAsync(SqlStore store, int count) =>
        store.WriteAsync(async s =>
        {
            for (var i = 1; i <= count; i++)
            {
                var payload = i % 4 == 0
                    ? string.Create(CultureInfo.InvariantCulture, $"{{\"n\":{i},\"note\":\"{new string('碳', 900)}\"}}")
                    : string.Create(CultureInfo.InvariantCulture, $"{{\"n\":{i}}}");
                await s.Journal.AppendAsync(Now.AddMilliseconds(i * 1_001), i % 3 == 0 ? "监管员" : "tester", "test.entry",
                    "GD-HOLD-" + i.ToString(CultureInfo.InvariantCulture), payload);
            }
            return 0;
        }, Ct);

    private static async Task<(JournalBreak? Break, long Checked)> OnePassAsync(SqlStore store)
    {
        var check = new JournalChainCheck();
        await store.ReadAsync(async s =>
        {
            await foreach (var e in s.Journal.ReadAllAsync(1).WithCancellation(Ct))
            {
                if (!check.Add(e))
                {
                    break;
                }
            }
            return 0;
        }, Ct);
        return (check.Break, check.Checked);
    }

    private static async Task ChangeRowAsync(SqlStore store, string change, long sequence)
    {
        var row = (await store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(), 0, 100), Ct))
            .Single(e => e.Sequence == sequence);
        await using var connection = await store.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = connection is Npgsql.NpgsqlConnection
            ? "ALTER TABLE journal DISABLE TRIGGER tr_journal_append_only"
            : "DROP TRIGGER tr_journal_no_update; DROP TRIGGER tr_journal_no_delete";
        await command.ExecuteNonQueryAsync(Ct);
        var rehashed = JournalEntry.Create(row.Sequence, row.At, row.Actor + "x", row.Kind, row.Subject, row.Payload, row.PreviousHash);
        (command.CommandText, var value) = change switch
        {
            "payload" => ("UPDATE journal SET payload = @value WHERE seq = @seq", (object?)row.Payload.Replace("\"n\":", "\"n\":9", StringComparison.Ordinal)),
            "actor" => ("UPDATE journal SET actor = @value WHERE seq = @seq", row.Actor + "x"),
            "at" => ("UPDATE journal SET at = at + 1 WHERE seq = @seq", null),
            "prev_hash" => ("UPDATE journal SET prev_hash = @value WHERE seq = @seq", new string('1', 64)),
            "hash" => ("UPDATE journal SET hash = @value WHERE seq = @seq", row.Hash.ToUpperInvariant()),
            "delete" => ("DELETE FROM journal WHERE seq = @seq", null),
            _ => ("UPDATE journal SET actor = @value, hash = @hash WHERE seq = @seq", rehashed.Actor),
        };
        AddParameter(command, "seq", sequence);
        if (value is not null)
        {
            AddParameter(command, "value", value);
        }
        if (change == "rehash")
        {
            AddParameter(command, "hash", rehashed.Hash);
        }
        Assert.Equal(1, await command.ExecuteNonQueryAsync(Ct));
    }
}
