using Npgsql;
using NpgsqlTypes;
using OpenEts.Application.Inclusion;
using OpenEts.Application.Storage;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Storage;

// Batched ingestion for RecordActions: each read is one query per thousand keys; each write is one binary COPY or array
// upsert on PostgreSQL (one round trip whatever the batch size), and on SQLite one statement rebound per row (Dapper runs
// a list of parameter objects on one command, prepared once; in process, a row costs no round trip).
internal sealed partial class SqlSession
{
    async Task<IReadOnlySet<(string Source, string EventId)>> IInclusionData.RecordedEventsAsync(
        IReadOnlyCollection<(string Source, string EventId)> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var wanted = keys.ToHashSet();
        var found = new HashSet<(string Source, string EventId)>();
        // Sources and event ids as two lists the primary key (source, event_id) serves; pairs not asked for are dropped below.
        foreach (var chunk in wanted.Chunk(AmongChunk))
        {
            var sources = chunk.Select(k => k.Source).Distinct(StringComparer.Ordinal).ToArray();
            var ids = chunk.Select(k => k.EventId).ToArray();
            foreach (var row in await QueryAsync<EventKeyRow>($"""
                SELECT source AS Source, event_id AS EventId FROM inclusion_events WHERE {Among("source", "sources")} AND {Among("event_id", "ids")}
                """, new { sources, ids }).ConfigureAwait(false))
            {
                if (wanted.Contains((row.Source, row.EventId)))
                {
                    found.Add((row.Source, row.EventId));
                }
            }
        }
        return found;
    }

    async Task IInclusionData.InsertEventsAsync(IReadOnlyList<InclusionEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (connection is NpgsqlConnection pg)
        {
            // A key recorded already fails the COPY (unique violation), and with it the transaction.
            await CopyEventsAsync(pg, events).ConfigureAwait(false);
            return;
        }
        var inserted = await ExecuteAsync(EventInsert, events.Select(EventParameters)).ConfigureAwait(false);
        if (inserted != events.Count)
        {
            throw new InvalidOperationException($"{events.Count - inserted} of {events.Count} events were recorded already");
        }
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
            await import.WriteAsync(e.Behaviour.ToString(), NpgsqlDbType.Text, ct).ConfigureAwait(false);
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
        [.. (await QueryAmongAsync<CitizenRow>(userIds, """
            SELECT user_id AS UserId, nickname AS Nickname, contact AS Contact, signed_up_at AS SignedUpAt, consent_version AS ConsentVersion,
                consent_at AS ConsentAt, erased_at AS ErasedAt
            FROM inclusion_citizens WHERE {0}
            """, null).ConfigureAwait(false)).Select(r => r.ToProfile())];

    async Task<IReadOnlyList<(long UserId, DailyRollup Rollup)>> IInclusionData.DailyAsync(IReadOnlyCollection<long> userIds, string programme,
        DateOnly from, DateOnly to) =>
        [.. (await QueryAmongAsync<DailyRow>(userIds, """
            SELECT user_id AS UserId, day AS Day, behaviour AS Behaviour, source AS Source, actions AS Actions, reduction_mg AS ReductionMg, coins AS Coins
            FROM inclusion_daily WHERE {0} AND programme = @programme AND day BETWEEN @from AND @to
            """, new { programme, from = (long)from.DayNumber, to = (long)to.DayNumber }).ConfigureAwait(false)).Select(r => (r.UserId, r.ToRollup()))];

    async Task<IReadOnlyList<(long UserId, CoinLot Lot)>> IInclusionData.LotsAsync(IReadOnlyCollection<long> userIds, string programme, DateOnly since) =>
        [.. (await QueryAmongAsync<LotRow>(userIds, """
            SELECT user_id AS UserId, earned AS Earned, available_on AS AvailableOn, expires_on AS ExpiresOn, credited AS Credited, remaining AS Remaining
            FROM inclusion_coin_lots WHERE {0} AND programme = @programme AND (remaining > 0 OR earned >= @since)
            """, new { programme, since = (long)since.DayNumber }).ConfigureAwait(false)).Select(r => (r.UserId, r.ToLot()))];

    async Task<IReadOnlyList<InclusionWallet>> IInclusionData.WalletsAsync(IReadOnlyCollection<long> userIds, string programme) =>
        [.. (await QueryAmongAsync<WalletRow>(userIds, $"{WalletSelect} WHERE {{0}} AND programme = @programme", new { programme })
            .ConfigureAwait(false)).Select(r => r.ToWallet())];

    /// <summary>Runs <paramref name="sql"/> (its <c>{0}</c> the user filter) for every thousand users.</summary>
    private async Task<List<TRow>> QueryAmongAsync<TRow>(IReadOnlyCollection<long> userIds, string sql, object? parameters)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var rows = new List<TRow>();
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, Among("user_id", "users"));
        foreach (var users in userIds.Chunk(AmongChunk))
        {
            var all = new Dapper.DynamicParameters(parameters);
            all.Add("users", users);
            rows.AddRange(await QueryAsync<TRow>(text, all).ConfigureAwait(false));
        }
        return rows;
    }

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
                behaviours = rows.Select(r => r.Add.Behaviour.ToString()).ToArray(),
                sources = rows.Select(r => r.Add.Source).ToArray(),
                actions = rows.Select(r => r.Add.Actions).ToArray(),
                reductions = rows.Select(r => r.Add.Reduction.Milligrams).ToArray(),
                coins = rows.Select(r => r.Add.Coins).ToArray(),
            })
            : ExecuteAsync(DailyInsert, rows.Select(r => DailyParameters(r.UserId, programme, r.Add)));

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
            : ExecuteAsync(LotInsert, lots.Select(l => LotParameters(l.UserId, programme, l.Lot)));

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
            : ExecuteAsync(WalletInsert, wallets.Select(WalletParameters));

    private sealed class EventKeyRow
    {
        public string Source { get; set; } = "";
        public string EventId { get; set; } = "";
    }
}
