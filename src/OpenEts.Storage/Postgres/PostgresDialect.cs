using System.Data;
using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using OpenEts.Application.Storage;
using OpenEts.Domain.Journal;

namespace OpenEts.Storage.Postgres;

/// <summary>
/// PostgreSQL, the production store. Writers are serialised by a transaction-scoped advisory lock; reads are
/// <c>REPEATABLE READ</c> snapshots. Every connection comes from the store's <see cref="NpgsqlDataSource"/>.
/// </summary>
internal sealed class PostgresDialect : SqlDialect
{
    // Any fixed number: the advisory lock that serialises writers.
    private const long WriterLockKey = 0x4F45_5453;

    // From this many rows on, the journal is appended with one binary COPY instead of one INSERT per row.
    private const int CopyThreshold = 8;

    private readonly NpgsqlDataSource _source;

    // The journal entry from which the next append must extend the journal's partitions; 0 until this store has asked.
    private long _extendPartitionsFrom;

    private PostgresDialect(string connectionString) => _source = NpgsqlDataSource.Create(connectionString);

    public override string Name => "PostgreSQL";

    public override string MigrationsFolder => ".Postgres.Migrations.";

    /// <summary>Whether the connection text names PostgreSQL: a <c>postgres://</c> URL or a <c>Host=…</c> string.</summary>
    public static bool Accepts(string database) =>
        database.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || database.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || database.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    public static PostgresDialect Create(string database) => new(ToNpgsql(database));

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken ct) =>
        await _source.OpenConnectionAsync(ct).ConfigureAwait(false);

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct)
    {
        var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({WriterLockKey})";
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        return transaction;
    }

    public override bool WritesBeside => true;

    public override ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken ct) =>
        connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);

    // The journal is partitioned by sequence range (migration 0042): before the entries go in, the partitions are
    // extended once they are less than one partition ahead of the newest entry, in the same transaction.
    public override async Task InsertJournalAsync(
        DbConnection connection, DbTransaction transaction, JournalBatch batch, long firstSequence, CancellationToken ct)
    {
        // Npgsql binds strings: the rows are decoded once here.
        var entries = batch.ToEntries(firstSequence);
        if (entries.Length == 0)
        {
            return;
        }
        if (entries[^1].Sequence >= Interlocked.Read(ref _extendPartitionsFrom))
        {
            await using var extend = new NpgsqlCommand(
                "SELECT journal_extend_partitions($1)", (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
            extend.Parameters.Add(new NpgsqlParameter { Value = entries[^1].Sequence });
            Interlocked.Exchange(ref _extendPartitionsFrom, (long)(await extend.ExecuteScalarAsync(ct).ConfigureAwait(false))!);
        }
        await (entries.Length >= CopyThreshold
            ? CopyAsync((NpgsqlConnection)connection, entries, ct)
            : InsertEachAsync(connection, transaction, entries, ct)).ConfigureAwait(false);
    }

    // A write that did not commit takes the partitions it attached with it: the next append asks again.
    public override void WriteAbandoned() => Interlocked.Exchange(ref _extendPartitionsFrom, 0);

    // Npgsql decodes text columns to strings; the check encodes them into one reused buffer (no entry objects).
    public override async Task CheckChainAsync(
        DbConnection connection, DbTransaction transaction, JournalChainCheck check, long upTo, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(ChainSql, (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = check.Next });
        command.Parameters.Add(new NpgsqlParameter { Value = upTo });
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            if (!check.Add(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7)))
            {
                break;
            }
        }
    }

    // Npgsql decodes text to strings; they are encoded into one reused buffer, a chunk of rows at a time, and the reader
    // is closed before the visitor sees them (it may read from the database itself: a replay looks up an old proposal).
    public override async Task ReadPayloadsAsync(
        DbConnection connection, DbTransaction transaction, long fromSequence, JournalPayloadVisitor visit, CancellationToken ct)
    {
        const int Chunk = 5000;
        var bytes = new byte[1 << 16];
        var rows = new (long Sequence, int Kind, int Payload)[Chunk];
        for (var next = fromSequence; ;)
        {
            var (count, used) = (0, 0);
            await using (var command = new NpgsqlCommand(PayloadsSql + " LIMIT " + Chunk, (NpgsqlConnection)connection,
                (NpgsqlTransaction)transaction))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = next });
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    var kind = reader.GetString(1);
                    var payload = reader.GetString(2);
                    var most = System.Text.Encoding.UTF8.GetMaxByteCount(kind.Length + payload.Length);
                    if (used + most > bytes.Length)
                    {
                        Array.Resize(ref bytes, Math.Max(used + most, 2 * bytes.Length));
                    }
                    var kindLength = System.Text.Encoding.UTF8.GetBytes(kind, bytes.AsSpan(used));
                    var payloadLength = System.Text.Encoding.UTF8.GetBytes(payload, bytes.AsSpan(used + kindLength));
                    rows[count++] = (reader.GetInt64(0), kindLength, payloadLength);
                    used += kindLength + payloadLength;
                }
            }
            var at = 0;
            for (var i = 0; i < count; i++)
            {
                var (sequence, kindLength, payloadLength) = rows[i];
                if (!visit(sequence, bytes.AsSpan(at, kindLength), bytes.AsSpan(at + kindLength, payloadLength)))
                {
                    return;
                }
                at += kindLength + payloadLength;
            }
            if (count < Chunk)
            {
                return;
            }
            next = rows[count - 1].Sequence + 1;
        }
    }

    // One statement per table, the rows as arrays: one round trip whatever the batch size.
    public override async Task InsertRegistryIndexAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<(string Term, long Sequence)> terms,
        IReadOnlyList<(long Proposal, long Sequence)> proposals, IReadOnlyList<(string Actor, string Key, long Sequence)> keys,
        CancellationToken ct)
    {
        if (terms.Count > 0)
        {
            await using var command = new NpgsqlCommand(
                "INSERT INTO registry_index (term, seq) SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT DO NOTHING",
                (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = terms.Select(t => t.Term).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = terms.Select(t => t.Sequence).ToArray() });
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        if (proposals.Count > 0)
        {
            await using var command = new NpgsqlCommand(
                "INSERT INTO registry_proposal_index (proposal, seq) SELECT * FROM unnest($1::bigint[], $2::bigint[]) ON CONFLICT DO NOTHING",
                (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = proposals.Select(p => p.Proposal).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = proposals.Select(p => p.Sequence).ToArray() });
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        if (keys.Count > 0)
        {
            await using var command = new NpgsqlCommand(
                "INSERT INTO registry_keys (actor, key, seq) SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])",
                (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Actor).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Key).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Sequence).ToArray() });
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    public override Exception? TranslateError(Exception e) =>
        e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } p
            ? new StoreConflictException(p.ConstraintName ?? "unique", e)
            : null;

    public override ValueTask DisposeAsync() => _source.DisposeAsync();

    // A few rows: one INSERT command reused, its parameters rebound per row.
    private static async Task InsertEachAsync(
        DbConnection connection, DbTransaction transaction, JournalEntry[] entries, CancellationToken ct)
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
        foreach (var e in entries)
        {
            parameters[0].Value = e.Sequence;
            parameters[1].Value = e.At.ToUnixTimeMilliseconds();
            parameters[2].Value = e.Actor;
            parameters[3].Value = e.Kind;
            parameters[4].Value = e.Subject;
            parameters[5].Value = e.Payload;
            parameters[6].Value = e.PreviousHash;
            parameters[7].Value = e.Hash;
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    public override async Task<int> UpdateRowsAsync(
        DbConnection connection, DbTransaction transaction, string table, string key, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows,
        CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return 0;
        }
        await using var command = new NpgsqlCommand { Connection = (NpgsqlConnection)connection, Transaction = (NpgsqlTransaction)transaction };
        // One array per column, unnested together into rows: a column of texts (or of nulls only) is text[], else bigint[].
        var names = new List<string> { key };
        names.AddRange(columns);
        for (var i = 0; i < names.Count; i++)
        {
            var texts = !rows.Any(r => r[i] is long);
            if (rows.FirstOrDefault(r => texts ? r[i] is not (null or string) : r[i] is not (null or long)) is { } bad)
            {
                throw new ArgumentException($"{table}.{names[i]}: a {bad[i]!.GetType().Name} among {(texts ? "strings" : "longs")}", nameof(rows));
            }
            command.Parameters.Add(texts
                ? new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = rows.Select(r => r[i] as string).ToArray() }
                : new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = rows.Select(r => r[i] as long?).ToArray() });
        }
        var places = string.Join(", ", Enumerable.Range(1, names.Count).Select(i => "$" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        // A column of nulls only is set to NULL itself, so that its text[] meets a column of any type.
        var sets = string.Join(", ", columns.Select((c, i) => rows.All(r => r[i + 1] is null) ? $"{c} = NULL" : $"{c} = u.{c}"));
        command.CommandText = $"UPDATE {table} AS t SET {sets} FROM unnest({places}) AS u({string.Join(", ", names)}) WHERE t.{key} = u.{key}";
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public override async Task InsertRowsAsync(
        DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows,
        CancellationToken ct)
    {
        var names = string.Join(", ", columns);
        if (rows.Count >= CopyThreshold)
        {
            await using var writer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(
                $"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false);
            foreach (var row in rows)
            {
                await writer.StartRowAsync(ct).ConfigureAwait(false);
                for (var i = 0; i < columns.Count; i++)
                {
                    await (row[i] switch
                    {
                        null => writer.WriteNullAsync(ct),
                        long number => writer.WriteAsync(number, NpgsqlDbType.Bigint, ct),
                        int number => writer.WriteAsync(number, NpgsqlDbType.Integer, ct),
                        string text => writer.WriteAsync(text, NpgsqlDbType.Text, ct),
                        var other => throw new ArgumentException($"{table}.{columns[i]}: a {other.GetType().Name} is neither a long, an int nor a string", nameof(rows)),
                    }).ConfigureAwait(false);
                }
            }
            await writer.CompleteAsync(ct).ConfigureAwait(false);
            return;
        }
        await using var command = new NpgsqlCommand(
            $"INSERT INTO {table} ({names}) VALUES ({string.Join(", ", Enumerable.Range(1, columns.Count).Select(i => "$" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))})",
            (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        var parameters = new NpgsqlParameter[columns.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = new NpgsqlParameter();
            command.Parameters.Add(parameters[i]);
        }
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                switch (row[i])
                {
                    case null:
                        // Untyped: PostgreSQL takes the column's type for a null.
                        parameters[i].ResetDbType();
                        parameters[i].Value = DBNull.Value;
                        break;
                    case long number:
                        parameters[i].NpgsqlDbType = NpgsqlDbType.Bigint;
                        parameters[i].Value = number;
                        break;
                    case int number:
                        parameters[i].NpgsqlDbType = NpgsqlDbType.Integer;
                        parameters[i].Value = number;
                        break;
                    case var value:
                        parameters[i].NpgsqlDbType = NpgsqlDbType.Text;
                        parameters[i].Value = value;
                        break;
                }
            }
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    // Binary COPY runs inside the session's transaction; the append-only trigger fires on UPDATE and DELETE only.
    private static async Task CopyAsync(NpgsqlConnection connection, JournalEntry[] entries, CancellationToken ct)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY journal (seq, at, actor, kind, subject, payload, prev_hash, hash) FROM STDIN (FORMAT BINARY)", ct)
            .ConfigureAwait(false);
        foreach (var e in entries)
        {
            await writer.StartRowAsync(ct).ConfigureAwait(false);
            await writer.WriteAsync(e.Sequence, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
            await writer.WriteAsync(e.At.ToUnixTimeMilliseconds(), NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
            await writer.WriteAsync(e.Actor, NpgsqlDbType.Text, ct).ConfigureAwait(false);
            await writer.WriteAsync(e.Kind, NpgsqlDbType.Text, ct).ConfigureAwait(false);
            await writer.WriteAsync(e.Subject, NpgsqlDbType.Text, ct).ConfigureAwait(false);
            await writer.WriteAsync(e.Payload, NpgsqlDbType.Text, ct).ConfigureAwait(false);
            await writer.WriteAsync(e.PreviousHash, NpgsqlDbType.Text, ct).ConfigureAwait(false);
            await writer.WriteAsync(e.Hash, NpgsqlDbType.Text, ct).ConfigureAwait(false);
        }
        await writer.CompleteAsync(ct).ConfigureAwait(false);
    }

    // postgres://user:password@host:port/database becomes a Host=… string; a Host=… string is taken as it is.
    private static string ToNpgsql(string database)
    {
        if (!database.Contains("://", StringComparison.Ordinal))
        {
            return database;
        }
        var uri = new Uri(database);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = uri.AbsolutePath.TrimStart('/'),
        };
        if (uri.UserInfo.Split(':', 2) is [var user, ..] && user.Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(user);
            if (uri.UserInfo.Split(':', 2) is [_, var password])
            {
                builder.Password = Uri.UnescapeDataString(password);
            }
        }
        return builder.ToString();
    }
}
