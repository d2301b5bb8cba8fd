using OpenEts.Application.Cash;
using OpenEts.Domain.Cash;

namespace OpenEts.Application.Storage;

/// <summary>
/// The cash ledger's tables: accounts (balances and reserved money as integer fen), entries (one row per double-entry
/// movement) and reservations. Only <see cref="CashLedger"/> writes them and only <see cref="CashQueries"/> reads them
/// for others.
/// </summary>
public interface ICashData
{
    Task<CashAccount?> FindAccountAsync(long id);

    /// <summary>The member account of an organisation, or null when it has none yet.</summary>
    Task<CashAccount?> FindMemberAccountAsync(long organisationId);

    /// <summary>The member accounts of these organisations, in one read; an organisation without one is left out.</summary>
    Task<IReadOnlyList<CashAccount>> FindMemberAccountsAsync(IReadOnlyCollection<long> organisationIds);

    /// <summary>The platform's one account of a system kind (the external bank, the auction proceeds).</summary>
    Task<CashAccount> SystemAccountAsync(CashAccountKind kind);

    /// <summary>Opens an organisation's member account with nothing on it. A second one is a <see cref="StoreConflictException"/>.</summary>
    Task<CashAccount> OpenMemberAccountAsync(long organisationId, DateTimeOffset at);

    /// <summary>Every account, system accounts first, then by id.</summary>
    Task<IReadOnlyList<CashAccount>> AccountsAsync();

    /// <summary>Stores an account's balance and reserved money.</summary>
    Task SaveAccountAsync(CashAccount account);

    /// <summary>The entry made with an idempotency key, or null.</summary>
    Task<CashEntry?> FindEntryAsync(string key);

    /// <summary>
    /// The first deposit into or withdrawal from (<paramref name="kind"/>) the account <paramref name="accountId"/> booked
    /// with the bank's reference <paramref name="reference"/>, or null: a bank slip is booked once.
    /// </summary>
    Task<CashEntry?> FindBankEntryAsync(long accountId, CashEntryKind kind, string reference);

    /// <summary>
    /// The entries made with any of <paramref name="keys"/> (in no particular order; a key with no entry is simply absent),
    /// read in batches by the unique key: what a reconciliation of many trades reads at once. In a write transaction the
    /// answer is kept: a later <see cref="FindEntryAsync"/> of one of these keys needs no statement (a settlement of many
    /// trades looks up all their keys at once).
    /// </summary>
    Task<IReadOnlyList<CashEntry>> FindEntriesAsync(IReadOnlyCollection<string> keys);

    /// <summary>
    /// The entries whose key is <c>{prefix}{n}{suffix}</c> for a number <c>n</c> from <paramref name="first"/> to
    /// <paramref name="last"/> (invariant digits, no leading zero) and one of <paramref name="suffixes"/>, in one statement
    /// that makes the keys itself (a settlement of many trades: <c>exchange/trade/{n}/pay</c> …, all new numbers). In a
    /// write transaction the answer is kept as <see cref="FindEntriesAsync"/> keeps it: a later
    /// <see cref="FindEntryAsync"/> of a key of that form needs no statement.
    /// </summary>
    Task<IReadOnlyList<CashEntry>> FindNumberedEntriesAsync(string prefix, long first, long last, IReadOnlyList<string> suffixes);

    /// <summary>
    /// Appends an entry and returns it with its id. A reused key is a <see cref="StoreConflictException"/>: at once for a key
    /// this transaction used or looked up, else when the entry is stored (a write transaction stores its entries together,
    /// before the commit or before anything lists entries).
    /// </summary>
    Task<CashEntry> InsertEntryAsync(CashEntry entry);

    /// <summary>The entries touching an account, newest first.</summary>
    Task<IReadOnlyList<CashEntry>> EntriesAsync(long accountId, int offset, int limit);

    /// <summary>
    /// What the account's newest <paramref name="count"/> entries added to its balance, in fen: their credits less their
    /// debits (the balance before them is today's less this), so that a statement's later page can show the balance after
    /// each of its entries without reading the pages before it.
    /// </summary>
    Task<long> NetFenOfNewestAsync(long accountId, int count);

    /// <summary>How many entries touch the account (its statement's length).</summary>
    Task<long> CountEntriesAsync(long accountId);

    Task<CashReservation?> FindReservationAsync(long id);

    /// <summary>The reservation made with an idempotency key, or null.</summary>
    Task<CashReservation?> FindReservationAsync(string key);

    /// <summary>Stores a new open reservation and returns it with its id.</summary>
    Task<CashReservation> InsertReservationAsync(CashReservation reservation, string key, DateTimeOffset at);

    /// <summary>Stores what a reservation holds now and whether it is open.</summary>
    Task SaveReservationAsync(CashReservation reservation, DateTimeOffset at);

    /// <summary>An account's reservations, newest first; only the open ones when <paramref name="openOnly"/>.</summary>
    Task<IReadOnlyList<CashReservation>> ReservationsAsync(long accountId, bool openOnly);
}
