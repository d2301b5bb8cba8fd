using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using OpenEts.Application.Storage;
using OpenEts.Domain.Journal;

namespace OpenEts.Storage;

internal sealed partial class SqlSession
{
    private const string JournalColumns = "seq, at, actor, kind, subject, payload, prev_hash, hash";
    private const int ReadChunk = 5000;

    // From this many rows on, PostgreSQL appends with one binary COPY instead of one INSERT per row.
    private const int CopyThreshold = 8;

    public async Task<JournalEntry> AppendAsync(DateTimeOffset at, string actor, string kind, string subject, string payload) =>
        (await AppendManyAsync([(at, actor, kind, subject, payload)]).ConfigureAwait(false))[0];

    public async Task<IReadOnlyList<JournalEntry>> AppendManyAsync(
        IReadOnlyList<(DateTimeOffset At, string Actor, string Kind, string Subject, string Payload)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return [];
        }
        // Writers are serialised by the store, so the tail read once stays the tail for the whole batch.
        var last = await QuerySingleOrDefaultAsync<JournalRow>(
            $"SELECT {JournalColumns} FROM journal ORDER BY seq DESC LIMIT 1").ConfigureAwait(false);
        var sequence = last?.Seq ?? 0;
        var previous = last?.Hash ?? JournalEntry.GenesisHash;
        var created = new JournalEntry[entries.Count];
        for (var i = 0; i < created.Length; i++)
        {
            var (at, actor, kind, subject, payload) = entries[i];
            created[i] = JournalEntry.Create(++sequence, at, actor, kind, subject, payload, previous);
            previous = created[i].Hash;
        }
        if (connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            InsertRaw(sqlite, created);
        }
        else if (created.Length >= CopyThreshold)
        {
            await CopyAsync((NpgsqlConnection)connection, created).ConfigureAwait(false);
        }
        else
        {
            await InsertEachAsync(created).ConfigureAwait(false);
        }
        return created;
    }

    // PostgreSQL, a few rows: one INSERT command reused, its parameters rebound per row.
    private async Task InsertEachAsync(JournalEntry[] created)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT INTO journal (seq, at, actor, kind, subject, payload, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
        var parameters = new DbParameter[8];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = command.CreateParameter();
            command.Parameters.Add(parameters[i]);
        }
        foreach (var e in created)
        {
            parameters[0].Value = e.Sequence;
            parameters[1].Value = Ms(e.At);
            parameters[2].Value = e.Actor;
            parameters[3].Value = e.Kind;
            parameters[4].Value = e.Subject;
            parameters[5].Value = e.Payload;
            parameters[6].Value = e.PreviousHash;
            parameters[7].Value = e.Hash;
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    // SQLite's own statement API, bound by position: cheaper per row than the ADO.NET layer's named parameters, which it
    // looks up and re-marshals on every execution. Same connection, so the same
    // transaction; a failed step throws SqliteException like the ADO.NET path, and the caller's transaction rolls back.
    private static void InsertRaw(Microsoft.Data.Sqlite.SqliteConnection sqlite, JournalEntry[] created)
    {
        var db = sqlite.Handle!;
        Check(db, SQLitePCL.raw.sqlite3_prepare_v2(db,
            "INSERT INTO journal (seq, at, actor, kind, subject, payload, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            out var statement));
        using (statement)
        {
            foreach (var e in created)
            {
                Check(db, SQLitePCL.raw.sqlite3_bind_int64(statement, 1, e.Sequence));
                Check(db, SQLitePCL.raw.sqlite3_bind_int64(statement, 2, Ms(e.At)));
                Check(db, SQLitePCL.raw.sqlite3_bind_text(statement, 3, e.Actor));
                Check(db, SQLitePCL.raw.sqlite3_bind_text(statement, 4, e.Kind));
                Check(db, SQLitePCL.raw.sqlite3_bind_text(statement, 5, e.Subject));
                Check(db, SQLitePCL.raw.sqlite3_bind_text(statement, 6, e.Payload));
                Check(db, SQLitePCL.raw.sqlite3_bind_text(statement, 7, e.PreviousHash));
                Check(db, SQLitePCL.raw.sqlite3_bind_text(statement, 8, e.Hash));
                var done = SQLitePCL.raw.sqlite3_step(statement);
                if (done != SQLitePCL.raw.SQLITE_DONE)
                {
                    Check(db, done);
                }
                Check(db, SQLitePCL.raw.sqlite3_reset(statement));
            }
        }
    }

    private static void Check(SQLitePCL.sqlite3 db, int code)
    {
        if (code != SQLitePCL.raw.SQLITE_OK)
        {
            throw new Microsoft.Data.Sqlite.SqliteException(SQLitePCL.raw.sqlite3_errmsg(db).utf8_to_string(), code,
                SQLitePCL.raw.sqlite3_extended_errcode(db));
        }
    }

    // Binary COPY runs inside the session's transaction; the append-only trigger fires on UPDATE and DELETE only.
    private async Task CopyAsync(NpgsqlConnection postgres, JournalEntry[] created)
    {
        await using var writer = await postgres.BeginBinaryImportAsync(
            "COPY journal (seq, at, actor, kind, subject, payload, prev_hash, hash) FROM STDIN (FORMAT BINARY)", ct)
            .ConfigureAwait(false);
        foreach (var e in created)
        {
            await writer.StartRowAsync(ct).ConfigureAwait(false);
            await writer.WriteAsync(e.Sequence, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
            await writer.WriteAsync(Ms(e.At), NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
            await writer.WriteAsync(e.Actor, NpgsqlDbType.Text, ct).ConfigureAwait(false);
            await writer.WriteAsync(e.Kind, NpgsqlDbType.Text, ct).ConfigureAwait(false);
            await writer.WriteAsync(e.Subject, NpgsqlDbType.Text, ct).ConfigureAwait(false);
            await writer.WriteAsync(e.Payload, NpgsqlDbType.Text, ct).ConfigureAwait(false);
            await writer.WriteAsync(e.PreviousHash, NpgsqlDbType.Text, ct).ConfigureAwait(false);
            await writer.WriteAsync(e.Hash, NpgsqlDbType.Text, ct).ConfigureAwait(false);
        }
        await writer.CompleteAsync(ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<JournalEntry>> PageAsync(JournalFilter filter, int skip, int take) =>
        (await QueryAsync<JournalRow>($"""
            SELECT {JournalColumns} FROM journal {JournalWhere}
            ORDER BY seq DESC LIMIT @take OFFSET @skip
            """, JournalParameters(filter, skip, take)).ConfigureAwait(false)).Select(r => r.ToEntry()).ToList();

    public Task<long> CountAsync(JournalFilter filter) =>
        ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM journal {JournalWhere}", JournalParameters(filter, 0, 0));

    public async IAsyncEnumerable<JournalEntry> ReadAllAsync(long fromSequence)
    {
        var next = fromSequence;
        while (true)
        {
            var rows = (await QueryAsync<JournalRow>(
                $"SELECT {JournalColumns} FROM journal WHERE seq >= @next ORDER BY seq LIMIT {ReadChunk}", new { next })
                .ConfigureAwait(false)).ToList();
            foreach (var row in rows)
            {
                yield return row.ToEntry();
            }
            if (rows.Count < ReadChunk)
            {
                yield break;
            }
            next = rows[^1].Seq + 1;
        }
    }

    private const string JournalWhere = """
        WHERE (@subject IS NULL OR subject = @subject)
          AND (@actor IS NULL OR actor = @actor)
          AND (@kindPrefix IS NULL OR kind LIKE @kindPrefix)
        """;

    private static object JournalParameters(JournalFilter f, int skip, int take) => new
    {
        subject = Blank(f.Subject),
        actor = Blank(f.Actor),
        kindPrefix = Blank(f.KindPrefix) is { } k ? k + "%" : null,
        skip,
        take,
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private sealed class JournalRow
    {
        public long Seq { get; init; }

        public long At { get; init; }

        public string Actor { get; init; } = "";

        public string Kind { get; init; } = "";

        public string Subject { get; init; } = "";

        public string Payload { get; init; } = "";

        public string Prev_Hash { get; init; } = "";

        public string Hash { get; init; } = "";

        public JournalEntry ToEntry() =>
            new(Seq, SqlSession.At(At), Actor, Kind, Subject, Payload, Prev_Hash, Hash);
    }
}
