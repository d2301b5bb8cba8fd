using Npgsql;
using OpenEts.Application.Cash;
using OpenEts.Application.Storage;
using OpenEts.Domain.Cash;

namespace OpenEts.Storage;

internal sealed partial class SqlSession : ICashData
{
    private const string AccountColumns = "id, kind, organisation_id, balance_fen, reserved_fen";
    private const string EntryColumns = "id, at, from_account, to_account, amount_fen, kind, reference, idempotency_key, actor, reservation_id";
    private const string ReservationColumns = "id, account_id, amount_fen, original_fen, reference, is_open";

    public ICashData Cash => this;

    async Task<CashAccount?> ICashData.FindAccountAsync(long id) =>
        (await QuerySingleOrDefaultAsync<CashAccountRow>($"SELECT {AccountColumns} FROM cash_accounts WHERE id = @id", new { id })
            .ConfigureAwait(false))?.ToAccount();

    async Task<CashAccount?> ICashData.FindMemberAccountAsync(long organisationId) =>
        (await QuerySingleOrDefaultAsync<CashAccountRow>(
            $"SELECT {AccountColumns} FROM cash_accounts WHERE organisation_id = @organisationId", new { organisationId })
            .ConfigureAwait(false))?.ToAccount();

    async Task<CashAccount> ICashData.SystemAccountAsync(CashAccountKind kind) =>
        (await QuerySingleOrDefaultAsync<CashAccountRow>(
            $"SELECT {AccountColumns} FROM cash_accounts WHERE organisation_id IS NULL AND kind = @kind", new { kind = kind.ToString() })
            .ConfigureAwait(false))?.ToAccount()
        ?? throw new InvalidOperationException($"the {kind} cash account is missing (migration 0009 creates it)");

    async Task<CashAccount> ICashData.OpenMemberAccountAsync(long organisationId, DateTimeOffset at)
    {
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO cash_accounts (kind, organisation_id, balance_fen, reserved_fen, opened_at)
            VALUES ('Member', @organisationId, 0, 0, @at) RETURNING id
            """, new { organisationId, at = Ms(at) }).ConfigureAwait(false);
        return new CashAccount(id, CashAccountKind.Member, organisationId, 0m, 0m);
    }

    async Task<IReadOnlyList<CashAccount>> ICashData.AccountsAsync() =>
        [.. (await QueryAsync<CashAccountRow>(
            $"SELECT {AccountColumns} FROM cash_accounts ORDER BY CASE WHEN organisation_id IS NULL THEN 0 ELSE 1 END, id")
            .ConfigureAwait(false)).Select(r => r.ToAccount())];

    async Task ICashData.SaveAccountAsync(CashAccount account)
    {
        var changed = await ExecuteAsync(
            "UPDATE cash_accounts SET balance_fen = @balance, reserved_fen = @reserved WHERE id = @id",
            new { id = account.Id, balance = ToFen(account.Balance), reserved = ToFen(account.Reserved) }).ConfigureAwait(false);
        if (changed != 1)
        {
            throw new InvalidOperationException($"cash account {account.Id} does not exist");
        }
    }

    async Task<CashEntry?> ICashData.FindEntryAsync(string key) =>
        (await QuerySingleOrDefaultAsync<CashEntryRow>($"SELECT {EntryColumns} FROM cash_entries WHERE idempotency_key = @key", new { key })
            .ConfigureAwait(false))?.ToEntry();

    async Task<IReadOnlyList<CashEntry>> ICashData.FindEntriesAsync(IReadOnlyCollection<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new List<CashEntry>(keys.Count);
        // As the registry's FindKeysAsync: PostgreSQL takes each batch as one array, SQLite one parameter per key.
        var match = connection is NpgsqlConnection ? "idempotency_key = ANY(@batch)" : "idempotency_key IN @batch";
        foreach (var batch in keys.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            found.AddRange((await QueryAsync<CashEntryRow>($"SELECT {EntryColumns} FROM cash_entries WHERE {match}", new { batch })
                .ConfigureAwait(false)).Select(r => r.ToEntry()));
        }
        return found;
    }

    async Task<CashEntry> ICashData.InsertEntryAsync(CashEntry entry)
    {
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO cash_entries (at, from_account, to_account, amount_fen, kind, reference, idempotency_key, actor, reservation_id)
            VALUES (@at, @from, @to, @amount, @kind, @reference, @key, @actor, @reservation) RETURNING id
            """, new
        {
            at = Ms(entry.At), from = entry.From, to = entry.To, amount = entry.Amount.Fen, kind = entry.Kind.ToString(),
            reference = entry.Reference, key = entry.Key, actor = entry.Actor, reservation = entry.ReservationId,
        }).ConfigureAwait(false);
        return entry with { Id = id };
    }

    async Task<IReadOnlyList<CashEntry>> ICashData.EntriesAsync(long accountId, int offset, int limit) =>
        [.. (await QueryAsync<CashEntryRow>($"""
            SELECT {EntryColumns} FROM cash_entries WHERE from_account = @accountId OR to_account = @accountId
            ORDER BY id DESC LIMIT @limit OFFSET @offset
            """, new { accountId, offset, limit }).ConfigureAwait(false)).Select(r => r.ToEntry())];

    async Task<CashReservation?> ICashData.FindReservationAsync(long id) =>
        (await QuerySingleOrDefaultAsync<CashReservationRow>($"SELECT {ReservationColumns} FROM cash_reservations WHERE id = @id", new { id })
            .ConfigureAwait(false))?.ToReservation();

    async Task<CashReservation?> ICashData.FindReservationAsync(string key) =>
        (await QuerySingleOrDefaultAsync<CashReservationRow>(
            $"SELECT {ReservationColumns} FROM cash_reservations WHERE idempotency_key = @key", new { key })
            .ConfigureAwait(false))?.ToReservation();

    async Task<CashReservation> ICashData.InsertReservationAsync(CashReservation reservation, string key, DateTimeOffset at)
    {
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO cash_reservations (account_id, amount_fen, original_fen, reference, is_open, idempotency_key, created_at)
            VALUES (@account, @amount, @original, @reference, @open, @key, @at) RETURNING id
            """, new
        {
            account = reservation.AccountId, amount = reservation.Amount.Fen, original = reservation.Original.Fen,
            reference = reservation.Reference, open = reservation.Open ? 1 : 0, key, at = Ms(at),
        }).ConfigureAwait(false);
        return reservation with { Id = id };
    }

    async Task ICashData.SaveReservationAsync(CashReservation reservation, DateTimeOffset at)
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

    async Task<IReadOnlyList<CashReservation>> ICashData.ReservationsAsync(long accountId, bool openOnly) =>
        [.. (await QueryAsync<CashReservationRow>($"""
            SELECT {ReservationColumns} FROM cash_reservations WHERE account_id = @accountId AND (@openOnly = 0 OR is_open = 1)
            ORDER BY id DESC
            """, new { accountId, openOnly = openOnly ? 1 : 0 }).ConfigureAwait(false)).Select(r => r.ToReservation())];

    private static long ToFen(decimal yuan) => checked((long)(yuan * 100m));

    private static decimal FromFen(long fen) => fen / 100m;

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

        public CashReservation ToReservation() =>
            new(Id, Account_Id, Yuan.FromFen(Amount_Fen), Yuan.FromFen(Original_Fen), Reference, Is_Open != 0);
    }
}
