using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using OpenEts.Application.Inclusion;
using OpenEts.Application.Storage;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Storage;

// Batched ingestion for RecordActions: each read is one query with the keys as one list parameter (an array on
// PostgreSQL, JSON on SQLite); each write is one binary COPY or array upsert on PostgreSQL (one round trip whatever the
// batch size), and on SQLite one prepared statement rebound per row (in process, a row costs no round trip).
internal sealed partial class SqlSession
{
    async Task<IReadOnlySet<(string Source, string EventId)>> IInclusionData.RecordedEventsAsync(
        IReadOnlyCollection<(string Source, string EventId)> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new HashSet<(string Source, string EventId)>();
        if (connection is NpgsqlConnection)
        {
            // The pairs as one table, each probing the primary key of the event keys (migration 0057). LATERAL … LIMIT 1
            // keeps the plan a loop of probes (the LIMIT stops the subquery being pulled up into a join): as a plain join of thousands of pairs the planner may choose to sort them
            // and merge them with a full scan of the key index, a cost that would grow with every event ever kept.
            await using var probe = connection.CreateCommand();
            probe.Transaction = transaction;
            probe.CommandText = """
                SELECT k.source, k.event_id
                FROM unnest(@sources, @ids) AS k (source, event_id)
                CROSS JOIN LATERAL (SELECT 1 FROM inclusion_event_keys e WHERE e.source = k.source AND e.event_id = k.event_id LIMIT 1) AS hit
                """;
            var (sources, ids) = (new string[keys.Count], new string[keys.Count]);
            var n = 0;
            foreach (var (s, e) in keys)
            {
                (sources[n], ids[n]) = (s, e);
                n++;
            }
            Bind(probe, "sources", sources);
            Bind(probe, "ids", ids);
            await using var reader = await probe.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                found.Add((reader.GetString(0), reader.GetString(1)));
            }
            return found;
        }
        // SQLite: one prepared probe of the primary key per pair (in process, no round trip).
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT 1 FROM inclusion_events WHERE source = @source AND event_id = @eventId";
        var source = command.CreateParameter();
        source.ParameterName = "@source";
        var eventId = command.CreateParameter();
        eventId.ParameterName = "@eventId";
        command.Parameters.Add(source);
        command.Parameters.Add(eventId);
        foreach (var key in keys)
        {
            (source.Value, eventId.Value) = (key.Source, key.EventId);
            if (await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is not null)
            {
                found.Add(key);
            }
        }
        return found;
    }

    async Task<IReadOnlyList<(long UserId, Trip Trip)>> IInclusionData.TripsAsync(IReadOnlyCollection<long> userIds, DateTimeOffset from,
        DateTimeOffset to) =>
        // The user's index (user_id, occurred_at) answers each user's range; the days bound the months' partitions read.
        await ReadAmongAsync(userIds, """
            SELECT user_id, occurred_at, minutes_milli
            FROM inclusion_events
            WHERE {0} AND occurred_at BETWEEN @from AND @to AND day BETWEEN @firstDay AND @lastDay
                AND behaviour IN ('Metro', 'Bus', 'Bike') AND refusal IS NULL
            """, c =>
            {
                Bind(c, "from", Ms(from));
                Bind(c, "to", Ms(to));
                Bind(c, "firstDay", (long)InclusionTime.DayOf(from).DayNumber);
                Bind(c, "lastDay", (long)InclusionTime.DayOf(to).DayNumber);
            }, r => (r.GetInt64(0), Trip.Of(At(r.GetInt64(1)), r.IsDBNull(2) ? null : r.GetInt64(2) / 1000m))).ConfigureAwait(false);

    async Task IInclusionData.InsertEventsAsync(IReadOnlyList<InclusionEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (connection is NpgsqlConnection pg)
        {
            // The months' partitions first (migration 0039), made as a batch needs them.
            if (events.Count > 0)
            {
                await ExecuteScalarAsync<int>("SELECT inclusion_events_partitions(@first, @last)", new
                {
                    first = (long)events.Min(e => e.Day).DayNumber,
                    last = (long)events.Max(e => e.Day).DayNumber,
                }).ConfigureAwait(false);
            }
            // The keys first: a key sent already fails this COPY (unique violation), and with it the transaction.
            await CopyKeysAsync(pg, events).ConfigureAwait(false);
            await CopyEventsAsync(pg, events).ConfigureAwait(false);
            return;
        }
        var inserted = await ExecuteRowsAsync(EventInsert, events,
            ["source", "eventId", "userId", "programme", "behaviour", "occurredAt", "day", "quantity", "minutes", "reduction", "coins", "refusal"],
            (e, p) =>
            {
                p[0].Value = e.Source;
                p[1].Value = e.EventId;
                p[2].Value = e.UserId;
                p[3].Value = e.Programme;
                p[4].Value = BehaviourText(e.Behaviour);
                p[5].Value = Ms(e.OccurredAt);
                p[6].Value = (long)e.Day.DayNumber;
                p[7].Value = Milli(e.Quantity);
                p[8].Value = e.Minutes is { } m ? Milli(m) : DBNull.Value as object;
                p[9].Value = e.Reduction.Milligrams;
                p[10].Value = e.Coins;
                p[11].Value = (object?)e.Refusal ?? DBNull.Value;
            }).ConfigureAwait(false);
        if (inserted != events.Count)
        {
            throw new InvalidOperationException($"{events.Count - inserted} of {events.Count} events were recorded already");
        }
    }

    private async Task CopyKeysAsync(NpgsqlConnection pg, IReadOnlyList<InclusionEvent> events)
    {
        await using var import = await pg.BeginBinaryImportAsync("COPY inclusion_event_keys (source, event_id, day) FROM STDIN (FORMAT BINARY)", ct)
            .ConfigureAwait(false);
        foreach (var e in events)
        {
            await import.StartRowAsync(ct).ConfigureAwait(false);
            await import.WriteAsync(e.Source, NpgsqlDbType.Text, ct).ConfigureAwait(false);
            await import.WriteAsync(e.EventId, NpgsqlDbType.Text, ct).ConfigureAwait(false);
            await import.WriteAsync((long)e.Day.DayNumber, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
        }
        await import.CompleteAsync(ct).ConfigureAwait(false);
    }

    private async Task CopyEventsAsync(NpgsqlConnection pg, IReadOnlyList<InclusionEvent> events)
    {
        await using var import = await pg.BeginBinaryImportAsync("""
            COPY inclusion_events (source, event_id, user_id, programme, behaviour, occurred_at, day, quantity_milli, minutes_milli,
                reduction_mg, coins, refusal) FROM STDIN (FORMAT BINARY)
            """, ct).ConfigureAwait(false);
        foreach (var e in events)
        {
            await import.StartRowAsync(ct).ConfigureAwait(false);
            await import.WriteAsync(e.Source, NpgsqlDbType.Text, ct).ConfigureAwait(false);
            await import.WriteAsync(e.EventId, NpgsqlDbType.Text, ct).ConfigureAwait(false);
            await import.WriteAsync(e.UserId, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
            await import.WriteAsync(e.Programme, NpgsqlDbType.Text, ct).ConfigureAwait(false);
            await import.WriteAsync(BehaviourText(e.Behaviour), NpgsqlDbType.Text, ct).ConfigureAwait(false);
            await import.WriteAsync(Ms(e.OccurredAt), NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
            await import.WriteAsync((long)e.Day.DayNumber, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
            await import.WriteAsync(Milli(e.Quantity), NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
            if (e.Minutes is { } minutes)
            {
                await import.WriteAsync(Milli(minutes), NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
            }
            else
            {
                await import.WriteNullAsync(ct).ConfigureAwait(false);
            }
            await import.WriteAsync(e.Reduction.Milligrams, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
            await import.WriteAsync(e.Coins, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
            if (e.Refusal is { } refusal)
            {
                await import.WriteAsync(refusal, NpgsqlDbType.Text, ct).ConfigureAwait(false);
            }
            else
            {
                await import.WriteNullAsync(ct).ConfigureAwait(false);
            }
        }
        await import.CompleteAsync(ct).ConfigureAwait(false);
    }

    async Task<IReadOnlyList<CitizenProfile>> IInclusionData.CitizensAsync(IReadOnlyCollection<long> userIds) =>
        await ReadAmongAsync(userIds, """
            SELECT user_id, nickname, contact, signed_up_at, consent_version, consent_at, erased_at
            FROM inclusion_citizens WHERE {0}
            """, null, r => new CitizenProfile(r.GetInt64(0), Text(r, 1), Text(r, 2), At(r.GetInt64(3)), Text(r, 4),
                r.IsDBNull(5) ? null : At(r.GetInt64(5)), r.IsDBNull(6) ? null : At(r.GetInt64(6)))).ConfigureAwait(false);

    async Task<IReadOnlyList<(long UserId, DailyRollup Rollup)>> IInclusionData.DailyAsync(IReadOnlyCollection<long> userIds, string programme,
        DateOnly from, DateOnly to) =>
        await ReadAmongAsync(userIds, """
            SELECT user_id, day, behaviour, source, actions, reduction_mg, coins
            FROM inclusion_daily WHERE {0} AND programme = @programme AND day BETWEEN @from AND @to
            """, c =>
            {
                Bind(c, "programme", programme);
                Bind(c, "from", (long)from.DayNumber);
                Bind(c, "to", (long)to.DayNumber);
            }, r => (r.GetInt64(0), new DailyRollup(Day(r.GetInt64(1)), BehaviourOf(r.GetString(2)), r.GetString(3), r.GetInt64(4),
                CarbonGrams.FromMilligrams(r.GetInt64(5)), r.GetInt64(6)))).ConfigureAwait(false);

    async Task<IReadOnlyList<(long UserId, CoinLot Lot)>> IInclusionData.LotsAsync(IReadOnlyCollection<long> userIds, string programme, DateOnly since) =>
        await ReadAmongAsync(userIds, """
            SELECT user_id, earned, available_on, expires_on, credited, remaining
            FROM inclusion_coin_lots WHERE {0} AND programme = @programme AND earned >= @since
            UNION ALL
            SELECT user_id, earned, available_on, expires_on, credited, remaining
            FROM inclusion_coin_lots WHERE {0} AND programme = @programme AND earned < @since AND expires_on IS NOT NULL AND remaining > 0
            """, c =>
            {
                Bind(c, "programme", programme);
                Bind(c, "since", (long)since.DayNumber);
            }, r => (r.GetInt64(0), new CoinLot(Day(r.GetInt64(1)), Day(r.GetInt64(2)), r.IsDBNull(3) ? null : Day(r.GetInt64(3)), r.GetInt64(4),
                r.GetInt64(5)))).ConfigureAwait(false);

    async Task<IReadOnlyList<InclusionWallet>> IInclusionData.WalletsAsync(IReadOnlyCollection<long> userIds, string programme) =>
        await ReadAmongAsync(userIds, """
            SELECT user_id, programme, credited, redeemed, expired, reduction_mg, actions, donated
            FROM inclusion_wallets WHERE {0} AND programme = @programme
            """, c => Bind(c, "programme", programme),
            r => new InclusionWallet(r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), CarbonGrams.FromMilligrams(r.GetInt64(5)),
                r.GetInt64(6), r.GetInt64(7))).ConfigureAwait(false);

    /// <summary>
    /// Runs <paramref name="sql"/> (its <c>{0}</c> the user filter) for these users, given as one list parameter, and reads
    /// each row with <paramref name="read"/> by column position and type: on the ingestion path a batch reads thousands of
    /// rows a table, and a typed read makes no row object and boxes no column (a mapper reads every column as an object).
    /// </summary>
    private async Task<List<TRow>> ReadAmongAsync<TRow>(IReadOnlyCollection<long> userIds, string sql, Action<DbCommand>? bind,
        Func<DbDataReader, TRow> read)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var rows = new List<TRow>(userIds.Count);
        await ReadIntoAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, AmongList("user_id", "users")), command =>
        {
            Bind(command, "users", ListValue(userIds));
            bind?.Invoke(command);
        }, read, rows).ConfigureAwait(false);
        return rows;
    }

    private static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    // The stored codes are the enum's names; a dictionary look-up instead of Enum.Parse on every row read.
    private static readonly Dictionary<string, Behaviour> BehaviourCodes = Enum.GetValues<Behaviour>().ToDictionary(b => b.ToString(), b => b,
        StringComparer.Ordinal);

    private static Behaviour BehaviourOf(string stored) => BehaviourCodes.TryGetValue(stored, out var behaviour) ? behaviour : Enum.Parse<Behaviour>(stored);

    Task IInclusionData.AddDailyAsync(string programme, IReadOnlyList<(long UserId, DailyRollup Add)> rows) =>
        connection is NpgsqlConnection
            ? ExecuteAsync($"""
                INSERT INTO inclusion_daily (user_id, programme, day, behaviour, source, actions, reduction_mg, coins)
                SELECT u, @programme, d, b, s, a, r, c FROM unnest(@users, @days, @behaviours, @sources, @actions, @reductions, @coins)
                    AS t (u, d, b, s, a, r, c)
                {DailyConflict}
                """, new
            {
                programme,
                users = rows.Select(r => r.UserId).ToArray(),
                days = rows.Select(r => (long)r.Add.Day.DayNumber).ToArray(),
                behaviours = rows.Select(r => BehaviourText(r.Add.Behaviour)).ToArray(),
                sources = rows.Select(r => r.Add.Source).ToArray(),
                actions = rows.Select(r => r.Add.Actions).ToArray(),
                reductions = rows.Select(r => r.Add.Reduction.Milligrams).ToArray(),
                coins = rows.Select(r => r.Add.Coins).ToArray(),
            })
            : ExecuteRowsAsync(DailyInsert, rows, DailyNames, (r, p) => BindDaily(programme, r, p));

    private static readonly string[] DailyNames = ["userId", "programme", "day", "behaviour", "source", "actions", "reduction", "coins"];

    private static void BindDaily(string programme, (long UserId, DailyRollup Row) r, DbParameter[] p)
    {
        p[0].Value = r.UserId;
        p[1].Value = programme;
        p[2].Value = (long)r.Row.Day.DayNumber;
        p[3].Value = BehaviourText(r.Row.Behaviour);
        p[4].Value = r.Row.Source;
        p[5].Value = r.Row.Actions;
        p[6].Value = r.Row.Reduction.Milligrams;
        p[7].Value = r.Row.Coins;
    }

    Task IInclusionData.SaveLotsAsync(string programme, IReadOnlyList<(long UserId, CoinLot Lot)> lots) =>
        connection is NpgsqlConnection
            ? ExecuteAsync($"""
                INSERT INTO inclusion_coin_lots (user_id, programme, earned, available_on, expires_on, credited, remaining)
                SELECT u, @programme, e, a, x, c, r FROM unnest(@users, @earned, @available, @expires, @credited, @remaining) AS t (u, e, a, x, c, r)
                {LotConflict}
                """, new
            {
                programme,
                users = lots.Select(l => l.UserId).ToArray(),
                earned = lots.Select(l => (long)l.Lot.Earned.DayNumber).ToArray(),
                available = lots.Select(l => (long)l.Lot.AvailableOn.DayNumber).ToArray(),
                expires = lots.Select(l => l.Lot.ExpiresOn is { } e ? e.DayNumber : (long?)null).ToArray(),
                credited = lots.Select(l => l.Lot.Credited).ToArray(),
                remaining = lots.Select(l => l.Lot.Remaining).ToArray(),
            })
            : ExecuteRowsAsync(LotInsert, lots, LotNames, (l, p) => BindLot(programme, l, p));

    private static readonly string[] LotNames = ["userId", "programme", "earned", "availableOn", "expiresOn", "credited", "remaining"];

    private static void BindLot(string programme, (long UserId, CoinLot Lot) l, DbParameter[] p)
    {
        p[0].Value = l.UserId;
        p[1].Value = programme;
        p[2].Value = (long)l.Lot.Earned.DayNumber;
        p[3].Value = (long)l.Lot.AvailableOn.DayNumber;
        p[4].Value = l.Lot.ExpiresOn is { } e ? (long)e.DayNumber : DBNull.Value as object;
        p[5].Value = l.Lot.Credited;
        p[6].Value = l.Lot.Remaining;
    }

    Task IInclusionData.SaveWalletsAsync(IReadOnlyList<InclusionWallet> wallets) =>
        connection is NpgsqlConnection
            ? ExecuteAsync($"""
                INSERT INTO inclusion_wallets (user_id, programme, credited, redeemed, expired, reduction_mg, actions, donated)
                SELECT * FROM unnest(@users, @programmes, @credited, @redeemed, @expired, @reductions, @actions, @donated)
                {WalletConflict}
                """, new
            {
                users = wallets.Select(w => w.UserId).ToArray(),
                programmes = wallets.Select(w => w.Programme).ToArray(),
                credited = wallets.Select(w => w.Credited).ToArray(),
                redeemed = wallets.Select(w => w.Redeemed).ToArray(),
                expired = wallets.Select(w => w.Expired).ToArray(),
                reductions = wallets.Select(w => w.Reduction.Milligrams).ToArray(),
                actions = wallets.Select(w => w.Actions).ToArray(),
                donated = wallets.Select(w => w.Donated).ToArray(),
            })
            : ExecuteRowsAsync(WalletInsert, wallets, WalletNames, BindWallet);

    private static readonly string[] WalletNames = ["userId", "programme", "credited", "redeemed", "expired", "reduction", "actions", "donated"];

    private static void BindWallet(InclusionWallet w, DbParameter[] p)
    {
        p[0].Value = w.UserId;
        p[1].Value = w.Programme;
        p[2].Value = w.Credited;
        p[3].Value = w.Redeemed;
        p[4].Value = w.Expired;
        p[5].Value = w.Reduction.Milligrams;
        p[6].Value = w.Actions;
        p[7].Value = w.Donated;
    }

    /// <summary>
    /// SQLite's bulk write: the statement prepared once, its parameters made once and their values set per row by
    /// <paramref name="bind"/> (in process a row costs no round trip; nothing is reflected over per row). Returns the rows changed.
    /// </summary>
    private async Task<int> ExecuteRowsAsync<T>(string sql, IReadOnlyList<T> rows, string[] names, Action<T, DbParameter[]> bind)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var parameters = new DbParameter[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = "@" + names[i];
            command.Parameters.Add(parameters[i]);
        }
        var changed = 0;
        foreach (var row in rows)
        {
            bind(row, parameters);
            changed += await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        return changed;
    }

    // Enum.ToString reflects over the enum's names on every call; the stored codes are its names.
    private static readonly Dictionary<Behaviour, string> BehaviourNames = Enum.GetValues<Behaviour>().ToDictionary(b => b, b => b.ToString());

    private static string BehaviourText(Behaviour behaviour) => BehaviourNames[behaviour];

    // The rows a batch creates (daily rollups, coin lots and wallets it read absent, under the writer's lock) by a plain insert
    // (SqlDialect.InsertRowsAsync: a binary COPY on PostgreSQL, which writes each row and its index entries with no conflict
    // check, where an upsert's speculative insertion took about twice a plain insert per new row; one prepared statement on
    // SQLite). A row that exists after all fails the insert, and the transaction with it.
    Task IInclusionData.InsertDailyAsync(string programme, IReadOnlyList<(long UserId, DailyRollup Row)> rows) =>
        InsertRowsAsync("inclusion_daily", ["user_id", "programme", "day", "behaviour", "source", "actions", "reduction_mg", "coins"],
            [.. rows.Select(r => new object?[]
            {
                r.UserId, programme, (long)r.Row.Day.DayNumber, BehaviourText(r.Row.Behaviour), r.Row.Source, r.Row.Actions,
                r.Row.Reduction.Milligrams, r.Row.Coins,
            })]);

    Task IInclusionData.InsertLotsAsync(string programme, IReadOnlyList<(long UserId, CoinLot Lot)> lots) =>
        InsertRowsAsync("inclusion_coin_lots", ["user_id", "programme", "earned", "available_on", "expires_on", "credited", "remaining"],
            [.. lots.Select(l => new object?[]
            {
                l.UserId, programme, (long)l.Lot.Earned.DayNumber, (long)l.Lot.AvailableOn.DayNumber,
                l.Lot.ExpiresOn is { } expires ? (long)expires.DayNumber : null, l.Lot.Credited, l.Lot.Remaining,
            })]);

    Task IInclusionData.InsertWalletsAsync(IReadOnlyList<InclusionWallet> wallets) =>
        InsertRowsAsync("inclusion_wallets", ["user_id", "programme", "credited", "redeemed", "expired", "reduction_mg", "actions", "donated"],
            [.. wallets.Select(w => new object?[]
            {
                w.UserId, w.Programme, w.Credited, w.Redeemed, w.Expired, w.Reduction.Milligrams, w.Actions, w.Donated,
            })]);
}
