using OpenEts.Application.Cash;
using OpenEts.Application.Storage;
using OpenEts.Domain.Cash;

namespace OpenEts.Storage;

internal sealed partial class SqlSession : ICashData
{
    private const string AccountColumns = "id, kind, organisation_id, balance_fen, reserved_fen";
    private const string EntryColumns = "id, at, from_account, to_account, amount_fen, kind, reference, idempotency_key, actor, reservation_id";
    private const string ReservationColumns = "id, account_id, amount_fen, original_fen, reference, is_open";

    // A write transaction's cash rows (CashRows): read once, kept as written, stored when the transaction commits.
    private CashRows? _cash;

    public ICashData Cash => this;

    /// <summary>
    /// Called by the store on a write session: the cash accounts and reservations this transaction reads are read once and
    /// its changes to them are kept until <see cref="FlushAsync"/> (before the commit). Writers are serialised by the
    /// store, so no other transaction changes these rows meanwhile.
    /// </summary>
    internal void KeepCashRows() => _cash = new CashRows();

    // A write session keeps rows to store before the commit (cash rows, journal entries, new orders).
    private bool KeepsWrites => _cash is not null;

    /// <summary>
    /// Stores what the transaction kept unstored (the journal entries appended one by one, each changed cash account and
    /// reservation once, the new exchange orders): before the commit.
    /// </summary>
    internal async Task FlushAsync()
    {
        await FlushJournalAsync().ConfigureAwait(false);
        await FlushCashAsync().ConfigureAwait(false);
        await FlushOrdersAsync().ConfigureAwait(false);
    }

    private async Task FlushCashAsync()
    {
        if (_cash is not { } cash)
        {
            return;
        }
        await FlushNewReservationsAsync().ConfigureAwait(false);
        await FlushEntriesAsync().ConfigureAwait(false);
        foreach (var id in cash.ChangedAccounts)
        {
            await UpdateAccountAsync(cash.Accounts[id]).ConfigureAwait(false);
        }
        cash.ChangedAccounts.Clear();
        foreach (var (id, at) in cash.ChangedReservations)
        {
            await UpdateReservationAsync(cash.Reservations[id], at).ConfigureAwait(false);
        }
        cash.ChangedReservations.Clear();
    }

    private static readonly string[] EntryColumnList = EntryColumns.Split(", ");

    private static readonly string[] NewReservationColumnList =
        ["id", "account_id", "amount_fen", "original_fen", "reference", "is_open", "idempotency_key", "created_at"];

    // The reservations this write transaction made and has not stored yet, stored together (their ids were given as they
    // were made, after the last id stored): before anything that may name them (a cash entry, an order, a bid), before
    // anything lists reservations, and before the commit. Each is stored as it was made; a change made to it since is
    // stored after it, as a change to any reservation is.
    private async Task FlushNewReservationsAsync()
    {
        if (_cash is not { NewReservations.Count: > 0 } cash)
        {
            return;
        }
        if (connection is not Npgsql.NpgsqlConnection)
        {
            // On SQLite through its C calls, with no boxed value a reservation (ExecuteRowsAsync); SQLite's rowid goes on
            // after the largest id stored.
            await ExecuteRowsAsync(NewReservationInsert, cash.NewReservations, NewReservationColumnList, BindNewReservation).ConfigureAwait(false);
            cash.NewReservations.Clear();
            cash.NewReservationKeys.Clear();
            return;
        }
        var rows = new object?[cash.NewReservations.Count][];
        for (var i = 0; i < rows.Length; i++)
        {
            var (r, key, at) = cash.NewReservations[i];
            rows[i] = [r.Id, r.AccountId, r.Amount.Fen, r.Original.Fen, r.Reference, r.Open ? 1 : 0, key, at];
        }
        cash.NewReservations.Clear();
        cash.NewReservationKeys.Clear();
        await InsertNumberedRowsAsync("cash_reservations", NewReservationColumnList, rows).ConfigureAwait(false);
    }

    private static readonly string NewReservationInsert =
        $"INSERT INTO cash_reservations ({string.Join(", ", NewReservationColumnList)}) VALUES ({string.Join(", ", NewReservationColumnList.Select(c => "@" + c))})";

    // A new reservation's values in the order of NewReservationColumnList.
    private static void BindNewReservation((CashReservation Reservation, string Key, long At) n, Sqlite.SqliteRowStatement p)
    {
        var r = n.Reservation;
        p.Set(0, r.Id);
        p.Set(1, r.AccountId);
        p.Set(2, r.Amount.Fen);
        p.Set(3, r.Original.Fen);
        p.Set(4, r.Reference);
        p.Set(5, r.Open ? 1 : 0);
        p.Set(6, n.Key);
        p.Set(7, n.At);
    }

    // Inserts rows whose ids (the first value of each, ascending) this transaction gave after the last id stored. On
    // PostgreSQL ids given do not move the identity's sequence, so it is set to the last of them: an insert that takes the
    // column's default goes on after them.
    private async Task InsertNumberedRowsAsync(string table, string[] columns, object?[][] rows)
    {
        await InsertRowsAsync(table, columns, rows).ConfigureAwait(false);
        if (connection is Npgsql.NpgsqlConnection)
        {
            await ExecuteAsync($"SELECT setval(pg_get_serial_sequence('{table}', 'id'), @last)", new { last = (long)rows[^1][0]! })
                .ConfigureAwait(false);
        }
    }

    // The entries this write transaction appended and has not stored yet, stored together (their ids were given as they
    // were appended, after the last id stored): before the commit and before anything lists entries.
    private async Task FlushEntriesAsync()
    {
        if (_cash is not { PendingEntries.Count: > 0 } cash)
        {
            return;
        }
        // An entry may name a reservation made in this transaction.
        await FlushNewReservationsAsync().ConfigureAwait(false);
        var rows = new object?[cash.PendingEntries.Count][];
        for (var i = 0; i < rows.Length; i++)
        {
            var e = cash.PendingEntries[i];
            rows[i] = [e.Id, Ms(e.At), e.From, e.To, e.Amount.Fen, e.Kind.ToString(), e.Reference, e.Key, e.Actor, e.ReservationId];
        }
        cash.PendingEntries.Clear();
        await InsertNumberedRowsAsync("cash_entries", EntryColumnList, rows).ConfigureAwait(false);
    }

    async Task<CashAccount?> ICashData.FindAccountAsync(long id)
    {
        if (_cash is { } cash && cash.Accounts.TryGetValue(id, out var kept))
        {
            return kept;
        }
        return Keep((await QuerySingleOrDefaultAsync<CashAccountRow>($"SELECT {AccountColumns} FROM cash_accounts WHERE id = @id", new { id })
            .ConfigureAwait(false))?.ToAccount());
    }

    async Task<CashAccount?> ICashData.FindMemberAccountAsync(long organisationId)
    {
        if (_cash is { } cash && cash.MemberAccounts.TryGetValue(organisationId, out var id))
        {
            return id is { } known ? cash.Accounts[known] : null;
        }
        var found = Keep((await QuerySingleOrDefaultAsync<CashAccountRow>(
            $"SELECT {AccountColumns} FROM cash_accounts WHERE organisation_id = @organisationId", new { organisationId })
            .ConfigureAwait(false))?.ToAccount());
        _cash?.MemberAccounts.Add(organisationId, found?.Id);
        return found;
    }

    async Task<IReadOnlyList<CashAccount>> ICashData.FindMemberAccountsAsync(IReadOnlyCollection<long> organisationIds)
    {
        if (organisationIds.Count == 0)
        {
            return [];
        }
        await FlushCashAsync().ConfigureAwait(false);
        return [.. (await QueryAmongAsync<CashAccountRow, long>($"SELECT {AccountColumns} FROM cash_accounts WHERE", "organisation_id",
            organisationIds.Distinct()).ConfigureAwait(false)).Select(r => r.ToAccount())];
    }

    async Task<CashAccount> ICashData.SystemAccountAsync(CashAccountKind kind)
    {
        if (_cash is { } cash && cash.SystemAccounts.TryGetValue(kind, out var id))
        {
            return cash.Accounts[id];
        }
        var found = Keep((await QuerySingleOrDefaultAsync<CashAccountRow>(
                $"SELECT {AccountColumns} FROM cash_accounts WHERE organisation_id IS NULL AND kind = @kind", new { kind = kind.ToString() })
                .ConfigureAwait(false))?.ToAccount())
            ?? throw new InvalidOperationException($"the {kind} cash account is missing (migration 0009 creates it)");
        _cash?.SystemAccounts.Add(kind, found.Id);
        return found;
    }

    async Task<CashAccount> ICashData.OpenMemberAccountAsync(long organisationId, DateTimeOffset at)
    {
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO cash_accounts (kind, organisation_id, balance_fen, reserved_fen, opened_at)
            VALUES ('Member', @organisationId, 0, 0, @at) RETURNING id
            """, new { organisationId, at = Ms(at) }).ConfigureAwait(false);
        var opened = Keep(new CashAccount(id, CashAccountKind.Member, organisationId, 0m, 0m))!;
        if (_cash is { } cash)
        {
            cash.MemberAccounts[organisationId] = id;
        }
        return opened;
    }

    async Task<IReadOnlyList<CashAccount>> ICashData.AccountsAsync()
    {
        await FlushCashAsync().ConfigureAwait(false);
        return [.. (await QueryAsync<CashAccountRow>(
            $"SELECT {AccountColumns} FROM cash_accounts ORDER BY CASE WHEN organisation_id IS NULL THEN 0 ELSE 1 END, id")
            .ConfigureAwait(false)).Select(r => r.ToAccount())];
    }

    async Task ICashData.SaveAccountAsync(CashAccount account)
    {
        if (_cash is { } cash && cash.Accounts.ContainsKey(account.Id))
        {
            // As read back: whole fen.
            cash.Accounts[account.Id] = account with { Balance = FromFen(ToFen(account.Balance)), Reserved = FromFen(ToFen(account.Reserved)) };
            cash.ChangedAccounts.Add(account.Id);
            return;
        }
        await UpdateAccountAsync(account).ConfigureAwait(false);
    }

    private async Task UpdateAccountAsync(CashAccount account)
    {
        var changed = await ExecuteAsync(
            "UPDATE cash_accounts SET balance_fen = @balance, reserved_fen = @reserved WHERE id = @id",
            new { id = account.Id, balance = ToFen(account.Balance), reserved = ToFen(account.Reserved) }).ConfigureAwait(false);
        if (changed != 1)
        {
            throw new InvalidOperationException($"cash account {account.Id} does not exist");
        }
    }

    // Keeps a cash account as read in a write session (the first read wins: later reads come from the kept row).
    private CashAccount? Keep(CashAccount? account)
    {
        if (account is null || _cash is not { } cash)
        {
            return account;
        }
        return cash.Accounts.TryAdd(account.Id, account) ? account : cash.Accounts[account.Id];
    }

    private CashReservation? Keep(CashReservation? reservation)
    {
        if (reservation is null || _cash is not { } cash)
        {
            return reservation;
        }
        return cash.Reservations.TryAdd(reservation.Id, reservation) ? reservation : cash.Reservations[reservation.Id];
    }

    async Task<CashEntry?> ICashData.FindEntryAsync(string key)
    {
        if (_cash is { } cash)
        {
            if (cash.EntryKeys.TryGetValue(key, out var known))
            {
                return known;
            }
            if (cash.LookedUp(key))
            {
                return null;
            }
        }
        return (await QuerySingleOrDefaultAsync<CashEntryRow>($"SELECT {EntryColumns} FROM cash_entries WHERE idempotency_key = @key", new { key })
            .ConfigureAwait(false))?.ToEntry();
    }

    async Task<IReadOnlyList<CashEntry>> ICashData.FindEntriesAsync(IReadOnlyCollection<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await FlushEntriesAsync().ConfigureAwait(false);
        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
        var found = (await QueryAmongAsync<CashEntryRow, string>($"SELECT {EntryColumns} FROM cash_entries WHERE", "idempotency_key", distinct)
            .ConfigureAwait(false)).ConvertAll(r => r.ToEntry());
        if (_cash is { } cash)
        {
            // A write transaction keeps the answer, found or not, until it inserts an entry with one of these keys.
            foreach (var key in distinct)
            {
                cash.EntryKeys[key] = null;
            }
            foreach (var entry in found)
            {
                cash.EntryKeys[entry.Key] = entry;
            }
        }
        return found;
    }

    async Task<IReadOnlyList<CashEntry>> ICashData.FindNumberedEntriesAsync(string prefix, long first, long last, IReadOnlyList<string> suffixes)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(suffixes);
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        if (last < first || suffixes.Count == 0)
        {
            return [];
        }
        await FlushEntriesAsync().ConfigureAwait(false);
        // The keys are made by the database from the range (an array built once on PostgreSQL), each probed through the
        // unique index, rather than made here and sent one by one.
        var sql = connection is Npgsql.NpgsqlConnection
            ? $"SELECT {EntryColumns} FROM cash_entries WHERE idempotency_key = ANY(ARRAY("
                + "SELECT @prefix || n::text || s FROM generate_series(@first::bigint, @last::bigint) AS n, unnest(@suffixes) AS s))"
            : "WITH RECURSIVE n(v) AS (SELECT @first UNION ALL SELECT v + 1 FROM n WHERE v < @last) "
                + $"SELECT {EntryColumns} FROM cash_entries WHERE idempotency_key IN (SELECT @prefix || n.v || s.value FROM n, json_each(@suffixes) AS s)";
        var found = (await QueryAsync<CashEntryRow>(sql, new { prefix, first, last, suffixes = ListValue(suffixes) }).ConfigureAwait(false))
            .Select(r => r.ToEntry()).ToList();
        if (_cash is { } cash)
        {
            cash.Numbered.Add(new NumberedKeys(prefix, first, last, [.. suffixes]));
            foreach (var entry in found)
            {
                cash.EntryKeys[entry.Key] = entry;
            }
        }
        return found;
    }

    async Task<CashEntry> ICashData.InsertEntryAsync(CashEntry entry)
    {
        if (_cash is { } cash)
        {
            // Writers are serialised by the store: the last id stored, read once, stays the last for the transaction.
            var id = cash.LastEntryId ??= await ExecuteScalarAsync<long>("SELECT COALESCE(MAX(id), 0) FROM cash_entries").ConfigureAwait(false);
            cash.LastEntryId = ++id;
            // As read back: whole milliseconds and fen.
            var kept = entry with { Id = id, At = At(Ms(entry.At)), Amount = Yuan.FromFen(entry.Amount.Fen) };
            if (!cash.EntryKeys.TryAdd(entry.Key, kept) && cash.EntryKeys[entry.Key] is not null)
            {
                throw new StoreConflictException($"the idempotency key '{entry.Key}' was used for another cash entry");
            }
            cash.EntryKeys[entry.Key] = kept;
            cash.PendingEntries.Add(kept);
            return entry with { Id = id };
        }
        var stored = await ExecuteScalarAsync<long>("""
            INSERT INTO cash_entries (at, from_account, to_account, amount_fen, kind, reference, idempotency_key, actor, reservation_id)
            VALUES (@at, @from, @to, @amount, @kind, @reference, @key, @actor, @reservation) RETURNING id
            """, new
        {
            at = Ms(entry.At), from = entry.From, to = entry.To, amount = entry.Amount.Fen, kind = entry.Kind.ToString(),
            reference = entry.Reference, key = entry.Key, actor = entry.Actor, reservation = entry.ReservationId,
        }).ConfigureAwait(false);
        return entry with { Id = stored };
    }

    async Task<CashEntry?> ICashData.FindBankEntryAsync(long accountId, CashEntryKind kind, string reference)
    {
        await FlushEntriesAsync().ConfigureAwait(false);
        // The partial index of migration 0065 holds deposits' and withdrawals' references: its condition is repeated so
        // that both databases use it.
        return (await QuerySingleOrDefaultAsync<CashEntryRow>($"""
            SELECT {EntryColumns} FROM cash_entries
            WHERE reference = @reference AND kind IN ('Deposit', 'Withdrawal') AND kind = @kind
              AND (to_account = @accountId OR from_account = @accountId)
            ORDER BY id LIMIT 1
            """, new { reference, kind = kind.ToString(), accountId }).ConfigureAwait(false))?.ToEntry();
    }

    async Task<IReadOnlyList<CashEntry>> ICashData.EntriesAsync(long accountId, int offset, int limit)
    {
        await FlushEntriesAsync().ConfigureAwait(false);
        return [.. (await QueryAsync<CashEntryRow>($"""
            SELECT {EntryColumns} FROM cash_entries WHERE from_account = @accountId OR to_account = @accountId
            ORDER BY id DESC LIMIT @limit OFFSET @offset
            """, new { accountId, offset, limit }).ConfigureAwait(false)).Select(r => r.ToEntry())];
    }

    async Task<long> ICashData.NetFenOfNewestAsync(long accountId, int count)
    {
        await FlushEntriesAsync().ConfigureAwait(false);
        return count <= 0 ? 0 : await ExecuteScalarAsync<long>("""
            SELECT COALESCE(SUM(CASE WHEN to_account = @accountId THEN amount_fen ELSE -amount_fen END), 0) FROM (
                SELECT to_account, amount_fen FROM cash_entries WHERE from_account = @accountId OR to_account = @accountId
                ORDER BY id DESC LIMIT @count) newest
            """, new { accountId, count }).ConfigureAwait(false);
    }

    async Task<long> ICashData.CountEntriesAsync(long accountId)
    {
        await FlushEntriesAsync().ConfigureAwait(false);
        return await ExecuteScalarAsync<long>("SELECT COUNT(*) FROM cash_entries WHERE from_account = @accountId OR to_account = @accountId",
            new { accountId }).ConfigureAwait(false);
    }

    async Task<CashReservation?> ICashData.FindReservationAsync(long id)
    {
        if (_cash is { } cash && cash.Reservations.TryGetValue(id, out var kept))
        {
            return kept;
        }
        return Keep((await QuerySingleOrDefaultAsync<CashReservationRow>($"SELECT {ReservationColumns} FROM cash_reservations WHERE id = @id", new { id })
            .ConfigureAwait(false))?.ToReservation());
    }

    // The row's stored columns but its kept state: a reservation this transaction changed is as it left it.
    async Task<CashReservation?> ICashData.FindReservationAsync(string key)
    {
        if (_cash is { } cash)
        {
            if (cash.NewReservationKeys.TryGetValue(key, out var made))
            {
                return cash.Reservations[made];
            }
        }
        return Keep((await QuerySingleOrDefaultAsync<CashReservationRow>(
            $"SELECT {ReservationColumns} FROM cash_reservations WHERE idempotency_key = @key", new { key })
            .ConfigureAwait(false))?.ToReservation());
    }

    async Task<CashReservation> ICashData.InsertReservationAsync(CashReservation reservation, string key, DateTimeOffset at)
    {
        if (_cash is { } cash)
        {
            // Kept until FlushNewReservationsAsync, as the entries are: writers are serialised by the store, so the last
            // id stored, read once, stays the last for the transaction.
            if (cash.NewReservationKeys.ContainsKey(key))
            {
                throw new StoreConflictException($"the idempotency key '{key}' was used for another cash reservation");
            }
            var next = (cash.LastReservationId ??= await ExecuteScalarAsync<long>("SELECT COALESCE(MAX(id), 0) FROM cash_reservations")
                .ConfigureAwait(false)) + 1;
            cash.LastReservationId = next;
            // As read back: whole fen.
            var made = reservation with { Id = next, Amount = Yuan.FromFen(reservation.Amount.Fen), Original = Yuan.FromFen(reservation.Original.Fen) };
            cash.NewReservationKeys[key] = next;
            cash.NewReservations.Add((made, key, Ms(at)));
            cash.Reservations[next] = made;
            return made;
        }
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO cash_reservations (account_id, amount_fen, original_fen, reference, is_open, idempotency_key, created_at)
            VALUES (@account, @amount, @original, @reference, @open, @key, @at) RETURNING id
            """, new
        {
            account = reservation.AccountId, amount = reservation.Amount.Fen, original = reservation.Original.Fen,
            reference = reservation.Reference, open = reservation.Open ? 1 : 0, key, at = Ms(at),
        }).ConfigureAwait(false);
        return Keep(reservation with { Id = id, Amount = Yuan.FromFen(reservation.Amount.Fen), Original = Yuan.FromFen(reservation.Original.Fen) })!;
    }

    async Task ICashData.SaveReservationAsync(CashReservation reservation, DateTimeOffset at)
    {
        if (_cash is { } cash && cash.Reservations.ContainsKey(reservation.Id))
        {
            cash.Reservations[reservation.Id] = reservation with
            {
                Amount = Yuan.FromFen(reservation.Amount.Fen), Original = Yuan.FromFen(reservation.Original.Fen),
            };
            cash.ChangedReservations[reservation.Id] = at;
            return;
        }
        await UpdateReservationAsync(reservation, at).ConfigureAwait(false);
    }

    private async Task UpdateReservationAsync(CashReservation reservation, DateTimeOffset at)
    {
        var changed = await ExecuteAsync("""
            UPDATE cash_reservations SET amount_fen = @amount, is_open = @open, closed_at = @closedAt WHERE id = @id
            """, new
        {
            id = reservation.Id, amount = reservation.Amount.Fen, open = reservation.Open ? 1 : 0,
            closedAt = reservation.Open ? (long?)null : Ms(at),
        }).ConfigureAwait(false);
        if (changed != 1)
        {
            throw new InvalidOperationException($"reservation {reservation.Id} does not exist");
        }
    }

    async Task<IReadOnlyList<CashReservation>> ICashData.ReservationsAsync(long accountId, bool openOnly)
    {
        await FlushCashAsync().ConfigureAwait(false);
        return [.. (await QueryAsync<CashReservationRow>($"""
            SELECT {ReservationColumns} FROM cash_reservations WHERE account_id = @accountId AND (@openOnly = 0 OR is_open = 1)
            ORDER BY id DESC
            """, new { accountId, openOnly = openOnly ? 1 : 0 }).ConfigureAwait(false)).Select(r => Keep(r.ToReservation())!)];
    }

    private static long ToFen(decimal yuan) => checked((long)(yuan * 100m));

    private static decimal FromFen(long fen) => fen / 100m;

    // A write transaction's cash accounts and reservations as it read or left them, and which of them it changed.
    private sealed class CashRows
    {
        public Dictionary<long, CashAccount> Accounts { get; } = [];

        public Dictionary<long, long?> MemberAccounts { get; } = [];

        public Dictionary<CashAccountKind, long> SystemAccounts { get; } = [];

        public Dictionary<long, CashReservation> Reservations { get; } = [];


        // Idempotency keys of entries that FindEntriesAsync looked up or this transaction appended: the entry, or null for a
        // key with none.
        public Dictionary<string, CashEntry?> EntryKeys { get; } = new(StringComparer.Ordinal);

        // Ranges of keys FindNumberedEntriesAsync looked up: a key in one of them and not in EntryKeys has no entry.
        public List<NumberedKeys> Numbered { get; } = [];

        public bool LookedUp(string key)
        {
            foreach (var range in Numbered)
            {
                if (range.Holds(key))
                {
                    return true;
                }
            }
            return false;
        }

        // Entries appended and not stored yet, in id order, and the last id given (null until the first append reads it).
        public List<CashEntry> PendingEntries { get; } = [];

        public long? LastEntryId { get; set; }

        // Reservations made and not stored yet, in id order (as made, with their key and time), their keys, and the last
        // id given (null until the first is made).
        public List<(CashReservation Reservation, string Key, long At)> NewReservations { get; } = [];

        public Dictionary<string, long> NewReservationKeys { get; } = new(StringComparer.Ordinal);

        public long? LastReservationId { get; set; }

        // By id, so that the order of the updates does not depend on hashing.
        public SortedSet<long> ChangedAccounts { get; } = [];

        public SortedDictionary<long, DateTimeOffset> ChangedReservations { get; } = [];
    }

    // The keys {Prefix}{n}{suffix} for First <= n <= Last, n in invariant digits without a leading zero.
    private sealed record NumberedKeys(string Prefix, long First, long Last, string[] Suffixes)
    {
        public bool Holds(string key)
        {
            if (!key.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return false;
            }
            var rest = key.AsSpan(Prefix.Length);
            var digits = 0;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
            {
                digits++;
            }
            if (digits is 0 or > 18 || (digits > 1 && rest[0] == '0'))
            {
                return false;
            }
            var n = long.Parse(rest[..digits], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
            if (n < First || n > Last)
            {
                return false;
            }
            var suffix = rest[digits..];
            foreach (var s in Suffixes)
            {
                if (suffix.SequenceEqual(s))
                {
                    return true;
                }
            }
            return false;
        }
    }

    private sealed class CashAccountRow
    {
        public long Id { get; init; }

        public string Kind { get; init; } = "";

        public long? Organisation_Id { get; init; }

        public long Balance_Fen { get; init; }

        public long Reserved_Fen { get; init; }

        public CashAccount ToAccount() =>
            new(Id, Enum.Parse<CashAccountKind>(Kind), Organisation_Id, FromFen(Balance_Fen), FromFen(Reserved_Fen));
    }

    private sealed class CashEntryRow
    {
        public long Id { get; init; }

        public long At { get; init; }

        public long From_Account { get; init; }

        public long To_Account { get; init; }

        public long Amount_Fen { get; init; }

        public string Kind { get; init; } = "";

        public string Reference { get; init; } = "";

        public string Idempotency_Key { get; init; } = "";

        public string Actor { get; init; } = "";

        public long? Reservation_Id { get; init; }

        public CashEntry ToEntry() => new(Id, SqlSession.At(At), From_Account, To_Account, Yuan.FromFen(Amount_Fen),
            Enum.Parse<CashEntryKind>(Kind), Reference, Idempotency_Key, Actor, Reservation_Id);
    }

    private sealed class CashReservationRow
    {
        public long Id { get; init; }

        public long Account_Id { get; init; }

        public long Amount_Fen { get; init; }

        public long Original_Fen { get; init; }

        public string Reference { get; init; } = "";

        public long Is_Open { get; init; }

        public string? Idempotency_Key { get; init; }

        public CashReservation ToReservation() =>
            new(Id, Account_Id, Yuan.FromFen(Amount_Fen), Yuan.FromFen(Original_Fen), Reference, Is_Open != 0);
    }
}
