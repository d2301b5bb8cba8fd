using OpenEts.Application.Inclusion;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Storage;

// Batched ingestion (RecordActions): every read of a batch is one query per table whatever the number of citizens, and
// every write is one bulk statement (binary COPY or array upsert on PostgreSQL, one prepared statement rebound per row on
// SQLite, in process). Rows the batch creates are written apart from rows it changes: a plain insert (COPY) costs
// PostgreSQL about half an upsert's speculative insertion per new row. The caller runs them inside one write transaction, so what they read stays true until it commits.
public partial interface IInclusionData
{
    /// <summary>Which of these (source, event id) keys are already recorded.</summary>
    Task<IReadOnlySet<(string Source, string EventId)>> RecordedEventsAsync(IReadOnlyCollection<(string Source, string EventId)> keys);

    /// <summary>
    /// Each user's counted trips (metro, bus and bike events not refused, in every programme) that began within their
    /// span (from and to inclusive): what a batch's trips must not overlap. At most one span per user.
    /// </summary>
    Task<IReadOnlyList<(long UserId, Trip Trip)>> TripsAsync(IReadOnlyList<(long UserId, DateTimeOffset From, DateTimeOffset To)> spans);

    /// <summary>
    /// What each user's counted actions of <paramref name="behaviours"/> in a programme measured (steps, kWh), summed by
    /// day and behaviour over their sources, within their window (days from and to inclusive): a day's steps so far, a
    /// household's earlier readings. At most one window per user.
    /// </summary>
    Task<IReadOnlyList<(long UserId, DateOnly Day, Behaviour Behaviour, decimal Quantity)>> MeasuredAsync(
        IReadOnlyList<(long UserId, DateOnly From, DateOnly To)> windows, string programme, IReadOnlyCollection<Behaviour> behaviours);

    /// <summary>Records new events: none of them may be recorded already (checked in the same transaction), else this throws.</summary>
    Task InsertEventsAsync(IReadOnlyList<InclusionEvent> events);

    /// <summary>The profiles of those of these users who have one (see <see cref="CitizenAsync"/>).</summary>
    Task<IReadOnlyList<CitizenProfile>> CitizensAsync(IReadOnlyCollection<long> userIds);

    /// <summary>
    /// Each user's daily rollups in a programme within their window (days from and to inclusive): a batch reads each
    /// citizen's own days, not the span of the whole batch. At most one window per user.
    /// </summary>
    Task<IReadOnlyList<(long UserId, DailyRollup Rollup)>> DailyAsync(IReadOnlyList<(long UserId, DateOnly From, DateOnly To)> windows, string programme);

    /// <summary>Adds to daily rollup rows (creating those that are new); at most one row per user and rollup key.</summary>
    Task AddDailyAsync(string programme, IReadOnlyList<(long UserId, DailyRollup Add)> rows);

    /// <summary>
    /// Creates daily rollup rows that do not exist yet (the caller read them absent in the same transaction): a row that
    /// exists fails the write. Cheaper than <see cref="AddDailyAsync(string, IReadOnlyList{ValueTuple{long, DailyRollup}})"/>
    /// for new rows (a plain insert, a binary COPY on PostgreSQL, with no conflict check per row).
    /// </summary>
    Task InsertDailyAsync(string programme, IReadOnlyList<(long UserId, DailyRollup Row)> rows);

    /// <summary>
    /// Each user's coin lots in a programme earned on or after their day, and their older ones that still hold coins
    /// that can lapse (an expiry date and coins remaining): the only older lots a batch can change. A lot without an
    /// expiry never lapses, so a batch neither reads nor rewrites it. At most one entry per user.
    /// </summary>
    Task<IReadOnlyList<(long UserId, CoinLot Lot)>> LotsAsync(IReadOnlyList<(long UserId, DateOnly Since)> users, string programme);

    /// <summary>Writes lots (insert or replace by user and day earned); at most one per user and day.</summary>
    Task SaveLotsAsync(string programme, IReadOnlyList<(long UserId, CoinLot Lot)> lots);

    /// <summary>Creates lots that do not exist yet (read absent in the same transaction): a lot that exists fails the write.</summary>
    Task InsertLotsAsync(string programme, IReadOnlyList<(long UserId, CoinLot Lot)> lots);

    /// <summary>These users' totals in a programme (none for a user before their first counted action).</summary>
    Task<IReadOnlyList<InclusionWallet>> WalletsAsync(IReadOnlyCollection<long> userIds, string programme);

    /// <summary>Writes wallets (insert or replace); at most one per user and programme.</summary>
    Task SaveWalletsAsync(IReadOnlyList<InclusionWallet> wallets);

    /// <summary>Creates wallets that do not exist yet (read absent in the same transaction): a wallet that exists fails the write.</summary>
    Task InsertWalletsAsync(IReadOnlyList<InclusionWallet> wallets);
}
