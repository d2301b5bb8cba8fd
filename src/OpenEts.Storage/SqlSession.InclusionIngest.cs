using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using OpenEts.Application.Inclusion;
using OpenEts.Application.Storage;
using OpenEts.Domain.Inclusion;
using OpenEts.Storage.Sqlite;

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
        using var keyProbe = ((SqliteDialect)dialect).Rows(connection,
            "SELECT 1 FROM inclusion_events WHERE source = @source AND event_id = @eventId", ["source", "eventId"]);
        foreach (var key in keys)
        {
            keyProbe.Set(0, key.Source);
            keyProbe.Set(1, key.EventId);
            if (keyProbe.Exists())
            {
                found.Add(key);
            }
        }
        return found;
    }

    async Task<IReadOnlyList<(long UserId, Trip Trip)>> IInclusionData.TripsAsync(
        IReadOnlyList<(long UserId, DateTimeOffset From, DateTimeOffset To)> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        if (spans.Count == 0)
        {
            return [];
        }
        // The user's index (user_id, occurred_at) answers each user's range; the days bound the months' partitions read
        // (on PostgreSQL the batch's first and last days, as constants, so that it prunes the partitions when it plans).
        // {0} is the user filter: the users' list on PostgreSQL, one user a run on SQLite.
        const string Trips = """
            SELECT user_id, occurred_at, minutes_milli FROM inclusion_events
            WHERE {0} AND occurred_at BETWEEN @from AND @to AND day BETWEEN @firstDay AND @lastDay
                AND behaviour IN ('Metro', 'Bus', 'Bike') AND refusal IS NULL
            """;
        if (connection is NpgsqlConnection)
        {
            // PostgreSQL: one index scan of the users among the batch's whole span, each user's rows kept within their own.
            // (Tried and measured: the spans unnested and each user's range read by a lateral subquery, for the trips, days
            // and lots, took PostgreSQL two to seven times the CPU of these single scans in the queue's bench.)
            var spanOf = Distinct(spans, w => w.UserId, w => (w.From, w.To));
            var (from, to) = (spans.Min(w => w.From), spans.Max(w => w.To));
            var read = await ReadAmongAsync(spanOf.Keys, Trips, c =>
                {
                    Bind(c, "from", Ms(from));
                    Bind(c, "to", Ms(to));
                    Bind(c, "firstDay", (long)InclusionTime.DayOf(from).DayNumber);
                    Bind(c, "lastDay", (long)InclusionTime.DayOf(to).DayNumber);
                }, r => (r.GetInt64(0), Trip.Of(At(r.GetInt64(1)), r.IsDBNull(2) ? null : r.GetInt64(2) / 1000m))).ConfigureAwait(false);
            read.RemoveAll(t => t.Item2.Start < spanOf[t.Item1].From || t.Item2.Start > spanOf[t.Item1].To);
            return read;
        }
        return ReadEach(spans, OneUser(Trips), ["user", "from", "to", "firstDay", "lastDay"], (w, p) =>
            {
                p.Set(0, w.UserId);
                p.Set(1, Ms(w.From));
                p.Set(2, Ms(w.To));
                p.Set(3, (long)InclusionTime.DayOf(w.From).DayNumber);
                p.Set(4, (long)InclusionTime.DayOf(w.To).DayNumber);
            }, (w, r) => (w.UserId, Trip.Of(At(r.Int64(1)), r.IsNull(2) ? null : r.Int64(2) / 1000m)));
    }

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
                p.Set(0, e.Source);
                p.Set(1, e.EventId);
                p.Set(2, e.UserId);
                p.Set(3, e.Programme);
                p.Set(4, BehaviourText(e.Behaviour));
                p.Set(5, Ms(e.OccurredAt));
                p.Set(6, (long)e.Day.DayNumber);
                p.Set(7, Milli(e.Quantity));
                p.Set(8, e.Minutes is { } m ? Milli(m) : null);
                p.Set(9, e.Reduction.Milligrams);
                p.Set(10, e.Coins);
                p.Set(11, e.Refusal);
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

    async Task<IReadOnlyList<(long UserId, DateOnly Day, Behaviour Behaviour, decimal Quantity)>> IInclusionData.MeasuredAsync(
        IReadOnlyList<(long UserId, DateOnly From, DateOnly To)> windows, string programme, IReadOnlyCollection<Behaviour> behaviours)
    {
        ArgumentNullException.ThrowIfNull(behaviours);
        if (behaviours.Count == 0)
        {
            return [];
        }
        // The user's index (user_id, occurred_at) answers each user's rows; the days bound the months' partitions read.
        // The behaviours are the enum's own names, never typed text.
        var measured = $"""
            SELECT user_id, day, behaviour, SUM(quantity_milli) FROM inclusion_events
            WHERE {"{0}"} AND programme = @programme AND day BETWEEN @from AND @to AND refusal IS NULL
                AND behaviour IN ({string.Join(", ", behaviours.Select(b => "'" + BehaviourText(b) + "'"))})
            GROUP BY user_id, day, behaviour
            """;
        return [.. (await ReadWindowsAsync(windows, programme, measured,
                r => (Day: Day(r.GetInt64(1)), Behaviour: BehaviourOf(r.GetString(2)), Quantity: r.GetInt64(3) / 1000m),
                r => (Day: Day(r.Int64(1)), Behaviour: BehaviourOf(r.RepeatedText(2)), Quantity: r.Int64(3) / 1000m), m => m.Day).ConfigureAwait(false))
            .Select(m => (m.UserId, m.Row.Day, m.Row.Behaviour, m.Row.Quantity))];
    }

    async Task<IReadOnlyList<(long UserId, DailyRollup Rollup)>> IInclusionData.DailyAsync(
        IReadOnlyList<(long UserId, DateOnly From, DateOnly To)> windows, string programme) =>
        // Each user's window is a range of the primary key (user_id, programme, day, …).
        await ReadWindowsAsync(windows, programme, """
            SELECT user_id, day, behaviour, source, actions, reduction_mg, coins, coins_cut
            FROM inclusion_daily WHERE {0} AND programme = @programme AND day BETWEEN @from AND @to
            """,
            r => new DailyRollup(Day(r.GetInt64(1)), BehaviourOf(r.GetString(2)), r.GetString(3), r.GetInt64(4),
                CarbonGrams.FromMilligrams(r.GetInt64(5)), r.GetInt64(6), r.GetInt64(7)),
            r => new DailyRollup(Day(r.Int64(1)), BehaviourOf(r.RepeatedText(2)), r.RepeatedText(3), r.Int64(4),
                CarbonGrams.FromMilligrams(r.Int64(5)), r.Int64(6), r.Int64(7)), d => d.Day).ConfigureAwait(false);

    /// <summary>
    /// Each user's rows of a programme within their window of days (<paramref name="sql"/>'s <c>{0}</c> the user filter, its
    /// first column the user, parameters <c>@programme</c>, <c>@from</c>, <c>@to</c>). PostgreSQL: one scan of the users
    /// over the batch's whole span, each user's rows then kept within their own window (as with the trips, a lateral range
    /// per user cost PostgreSQL more); SQLite: one run a user.
    /// </summary>
    private async Task<List<(long UserId, TRow Row)>> ReadWindowsAsync<TRow>(IReadOnlyList<(long UserId, DateOnly From, DateOnly To)> windows,
        string programme, string sql, Func<DbDataReader, TRow> readPostgres, Func<SqliteRowStatement, TRow> readSqlite, Func<TRow, DateOnly> dayOf)
    {
        ArgumentNullException.ThrowIfNull(windows);
        if (windows.Count == 0)
        {
            return [];
        }
        if (connection is NpgsqlConnection)
        {
            var windowOf = Distinct(windows, w => w.UserId, w => (w.From, w.To));
            var read = await ReadAmongAsync(windowOf.Keys, sql, c =>
                {
                    Bind(c, "programme", programme);
                    Bind(c, "from", (long)windows.Min(w => w.From).DayNumber);
                    Bind(c, "to", (long)windows.Max(w => w.To).DayNumber);
                }, r => (r.GetInt64(0), readPostgres(r))).ConfigureAwait(false);
            read.RemoveAll(d => dayOf(d.Item2) < windowOf[d.Item1].From || dayOf(d.Item2) > windowOf[d.Item1].To);
            return read;
        }
        return ReadEach(windows, OneUser(sql), ["user", "programme", "from", "to"], (w, p) =>
            {
                p.Set(0, w.UserId);
                p.Set(1, programme);
                p.Set(2, (long)w.From.DayNumber);
                p.Set(3, (long)w.To.DayNumber);
            }, (w, r) => (w.UserId, readSqlite(r)));
    }

    async Task<IReadOnlyList<(long UserId, CoinLot Lot)>> IInclusionData.LotsAsync(IReadOnlyList<(long UserId, DateOnly Since)> users, string programme)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (users.Count == 0)
        {
            return [];
        }
        // Each user's lots earned since their day (a range of the primary key), and their older lots that can still lapse;
        // {0} the user filter.
        const string Lots = """
            SELECT user_id, earned, available_on, expires_on, credited, remaining FROM inclusion_coin_lots
            WHERE {0} AND programme = @programme AND earned >= @since
            UNION ALL
            SELECT user_id, earned, available_on, expires_on, credited, remaining FROM inclusion_coin_lots
            WHERE {0} AND programme = @programme AND earned < @since AND expires_on IS NOT NULL AND remaining > 0
            """;
        if (connection is NpgsqlConnection)
        {
            // PostgreSQL: one scan of the users' keys since the earliest day, each user's lots kept from their own day.
            var sinceOf = Distinct(users, u => u.UserId, u => u.Since);
            var read = await ReadAmongAsync(sinceOf.Keys, Lots, c =>
                {
                    Bind(c, "programme", programme);
                    Bind(c, "since", (long)users.Min(u => u.Since).DayNumber);
                }, r => (r.GetInt64(0), new CoinLot(Day(r.GetInt64(1)), Day(r.GetInt64(2)), r.IsDBNull(3) ? null : Day(r.GetInt64(3)), r.GetInt64(4),
                    r.GetInt64(5)))).ConfigureAwait(false);
            read.RemoveAll(l => l.Item2.Earned < sinceOf[l.Item1] && (l.Item2.ExpiresOn is null || l.Item2.Remaining == 0));
            return read;
        }
        return ReadEach(users, OneUser(Lots), ["user", "programme", "since"],
            (u, p) =>
            {
                p.Set(0, u.UserId);
                p.Set(1, programme);
                p.Set(2, (long)u.Since.DayNumber);
            }, (u, r) => (u.UserId, new CoinLot(Day(r.Int64(1)), Day(r.Int64(2)), r.IsNull(3) ? null : Day(r.Int64(3)), r.Int64(4), r.Int64(5))));
    }

    async Task<IReadOnlyList<InclusionWallet>> IInclusionData.WalletsAsync(IReadOnlyCollection<long> userIds, string programme)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        if (connection is NpgsqlConnection)
        {
            return await ReadAmongAsync(userIds, """
                SELECT user_id, programme, credited, redeemed, expired, reduction_mg, actions, donated
                FROM inclusion_wallets WHERE {0} AND programme = @programme
                """, c => Bind(c, "programme", programme),
                r => new InclusionWallet(r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), CarbonGrams.FromMilligrams(r.GetInt64(5)),
                    r.GetInt64(6), r.GetInt64(7))).ConfigureAwait(false);
        }
        return ReadEach(userIds as IReadOnlyList<long> ?? [.. userIds], """
            SELECT credited, redeemed, expired, reduction_mg, actions, donated
            FROM inclusion_wallets WHERE user_id = @user AND programme = @programme
            """, ["user", "programme"], (u, p) =>
            {
                p.Set(0, u);
                p.Set(1, programme);
            }, (u, r) => new InclusionWallet(u, programme, r.Int64(0), r.Int64(1), r.Int64(2), CarbonGrams.FromMilligrams(r.Int64(3)), r.Int64(4),
                r.Int64(5)));
    }

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

    // A query whose {0} is the user filter, for one user a run (SQLite's ReadEach): the filter is the key's parameter.
    private static string OneUser(string sql) => string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, "user_id = @user");

    // One entry per user (the ports take at most one each); a repeated user keeps their first.
    private static Dictionary<long, TValue> Distinct<T, TValue>(IReadOnlyList<T> items, Func<T, long> user, Func<T, TValue> value)
    {
        var byUser = new Dictionary<long, TValue>(items.Count);
        foreach (var item in items)
        {
            byUser.TryAdd(user(item), value(item));
        }
        return byUser;
    }

    private static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    // The stored codes are the enum's names; a dictionary look-up instead of Enum.Parse on every row read.
    private static readonly Dictionary<string, Behaviour> BehaviourCodes = Enum.GetValues<Behaviour>().ToDictionary(b => b.ToString(), b => b,
        StringComparer.Ordinal);

    private static Behaviour BehaviourOf(string stored) => BehaviourCodes.TryGetValue(stored, out var behaviour) ? behaviour : Enum.Parse<Behaviour>(stored);

    Task IInclusionData.AddDailyAsync(string programme, IReadOnlyList<(long UserId, DailyRollup Add)> rows) =>
        connection is NpgsqlConnection
            ? ExecuteAsync($"""
                INSERT INTO inclusion_daily (user_id, programme, day, behaviour, source, actions, reduction_mg, coins, coins_cut)
                SELECT u, @programme, d, b, s, a, r, c, x
                FROM unnest(@users, @days, @behaviours, @sources, @actions, @reductions, @coins, @cuts) AS t (u, d, b, s, a, r, c, x)
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
                cuts = rows.Select(r => r.Add.CoinsCut).ToArray(),
            })
            : ExecuteRowsAsync(DailyInsert, rows, DailyNames, (r, p) => BindDaily(programme, r, p));

    private static readonly string[] DailyNames = ["userId", "programme", "day", "behaviour", "source", "actions", "reduction", "coins", "coinsCut"];

    private static void BindDaily(string programme, (long UserId, DailyRollup Row) r, SqliteRowStatement p)
    {
        p.Set(0, r.UserId);
        p.Set(1, programme);
        p.Set(2, (long)r.Row.Day.DayNumber);
        p.Set(3, BehaviourText(r.Row.Behaviour));
        p.Set(4, r.Row.Source);
        p.Set(5, r.Row.Actions);
        p.Set(6, r.Row.Reduction.Milligrams);
        p.Set(7, r.Row.Coins);
        p.Set(8, r.Row.CoinsCut);
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

    private static void BindLot(string programme, (long UserId, CoinLot Lot) l, SqliteRowStatement p)
    {
        p.Set(0, l.UserId);
        p.Set(1, programme);
        p.Set(2, (long)l.Lot.Earned.DayNumber);
        p.Set(3, (long)l.Lot.AvailableOn.DayNumber);
        p.Set(4, l.Lot.ExpiresOn is { } e ? e.DayNumber : (long?)null);
        p.Set(5, l.Lot.Credited);
        p.Set(6, l.Lot.Remaining);
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

    private static void BindWallet(InclusionWallet w, SqliteRowStatement p)
    {
        p.Set(0, w.UserId);
        p.Set(1, w.Programme);
        p.Set(2, w.Credited);
        p.Set(3, w.Redeemed);
        p.Set(4, w.Expired);
        p.Set(5, w.Reduction.Milligrams);
        p.Set(6, w.Actions);
        p.Set(7, w.Donated);
    }

    /// <summary>
    /// SQLite's bulk write: the statement prepared once and run once per row, <paramref name="bind"/> setting a row's
    /// values through SQLite's C calls (<see cref="SqliteRowStatement"/>: in process a row costs no round trip, and
    /// nothing is allocated per row). Returns the rows changed.
    /// </summary>
    private Task<int> ExecuteRowsAsync<T>(string sql, IReadOnlyList<T> rows, string[] names, Action<T, SqliteRowStatement> bind)
    {
        using var statement = ((SqliteDialect)dialect).Rows(connection, sql, names);
        var changed = 0;
        foreach (var row in rows)
        {
            bind(row, statement);
            changed += statement.Execute();
        }
        return Task.FromResult(changed);
    }

    // The stored codes are the enum's names, made once (EnumText).
    private static string BehaviourText(Behaviour behaviour) => EnumText<Behaviour>.Of(behaviour);

    // The rows a batch creates (daily rollups, coin lots and wallets it read absent, under the writer's lock) by a plain insert
    // (SqlDialect.InsertRowsAsync: a binary COPY on PostgreSQL, which writes each row and its index entries with no conflict
    // check, where an upsert's speculative insertion took about twice a plain insert per new row; one prepared statement on
    // SQLite). A row that exists after all fails the insert, and the transaction with it.
    Task IInclusionData.InsertDailyAsync(string programme, IReadOnlyList<(long UserId, DailyRollup Row)> rows) =>
        connection is NpgsqlConnection
            ? InsertRowsAsync("inclusion_daily", ["user_id", "programme", "day", "behaviour", "source", "actions", "reduction_mg", "coins", "coins_cut"],
                [.. rows.Select(r => new object?[]
                {
                    r.UserId, programme, (long)r.Row.Day.DayNumber, BehaviourText(r.Row.Behaviour), r.Row.Source, r.Row.Actions,
                    r.Row.Reduction.Milligrams, r.Row.Coins, r.Row.CoinsCut,
                })])
            // SQLite: the plain insert rebound per row, no boxed values (a row that exists fails it, as the COPY does).
            : ExecuteRowsAsync(DailyNew, rows, DailyNames, (r, p) => BindDaily(programme, r, p));

    Task IInclusionData.InsertLotsAsync(string programme, IReadOnlyList<(long UserId, CoinLot Lot)> lots) =>
        connection is NpgsqlConnection
            ? InsertRowsAsync("inclusion_coin_lots", ["user_id", "programme", "earned", "available_on", "expires_on", "credited", "remaining"],
                [.. lots.Select(l => new object?[]
                {
                    l.UserId, programme, (long)l.Lot.Earned.DayNumber, (long)l.Lot.AvailableOn.DayNumber,
                    l.Lot.ExpiresOn is { } expires ? (long)expires.DayNumber : null, l.Lot.Credited, l.Lot.Remaining,
                })])
            : ExecuteRowsAsync(LotNew, lots, LotNames, (l, p) => BindLot(programme, l, p));

    Task IInclusionData.InsertWalletsAsync(IReadOnlyList<InclusionWallet> wallets) =>
        connection is NpgsqlConnection
            ? InsertRowsAsync("inclusion_wallets", ["user_id", "programme", "credited", "redeemed", "expired", "reduction_mg", "actions", "donated"],
                [.. wallets.Select(w => new object?[]
                {
                    w.UserId, w.Programme, w.Credited, w.Redeemed, w.Expired, w.Reduction.Milligrams, w.Actions, w.Donated,
                })])
            : ExecuteRowsAsync(WalletNew, wallets, WalletNames, BindWallet);
}
