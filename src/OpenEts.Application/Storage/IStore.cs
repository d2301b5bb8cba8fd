namespace OpenEts.Application.Storage;

/// <summary>
/// The platform's database. Every use case runs in one transaction: a write either commits whole, journal entry
/// included, or leaves nothing. Writers are serialised so the journal's hash chain stays gapless.
/// </summary>
public interface IStore
{
    /// <summary>Which database this is, for messages: <c>SQLite</c> or <c>PostgreSQL</c>.</summary>
    string Dialect { get; }

    /// <summary>
    /// A counter this store moves after every committed write that changed a user or an API token (a token's last use
    /// aside), before the write returns: what a cache of users or tokens compares to know it is still current. It counts
    /// the writes of this process only.
    /// </summary>
    long UsersVersion { get; }

    /// <summary>Runs <paramref name="work"/> in a serialised write transaction; commits when it returns.</summary>
    /// <remarks>An exception rolls everything back. A use case that returns a rejection must not have written.</remarks>
    Task<T> WriteAsync<T>(Func<IStoreSession, Task<T>> work, CancellationToken ct);

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction of its own that need not wait for the serialised writers
    /// (PostgreSQL: no writers' lock; SQLite, which has one writer, and a store that cannot: as
    /// <see cref="WriteAsync{T}"/>). Only for rows nothing else orders by, such as the inclusion queue: the work may not
    /// append to the journal (that throws).
    /// </summary>
    Task<T> WriteBesideAsync<T>(Func<IStoreSession, Task<T>> work, CancellationToken ct) => WriteAsync(work, ct);

    /// <summary>Runs <paramref name="work"/> in a read-only transaction (a consistent snapshot).</summary>
    Task<T> ReadAsync<T>(Func<IStoreSession, Task<T>> work, CancellationToken ct);
}

/// <summary>What a use case can reach inside its transaction.</summary>
public interface IStoreSession
{
    IOrganisationData Organisations { get; }

    IUserData Users { get; }

    IJournalData Journal { get; }

    /// <summary>The registry's snapshots and indexes; see <see cref="IRegistryData"/>.</summary>
    IRegistryData Registry { get; }

    /// <summary>Emission reports, monitoring plans and deadlines; see <see cref="IMrvData"/>.</summary>
    IMrvData Mrv { get; }

    /// <summary>Offset projects, their history, documents and monitoring reports; see <see cref="IOffsetsData"/>.</summary>
    IOffsetsData Offsets { get; }

    /// <summary>Allocation plans and the allocations run; see <see cref="IAllocationData"/>.</summary>
    IAllocationData Allocation { get; }

    /// <summary>The web server's sign-in cookie keys; see <see cref="IDataProtectionKeyData"/>.</summary>
    IDataProtectionKeyData DataProtectionKeys { get; }

    /// <summary>Members' cash accounts, entries and reservations; see <see cref="ICashData"/>.</summary>
    ICashData Cash { get; }

    /// <summary>Allowance auctions and their bids; see <see cref="IAuctionData"/>.</summary>
    IAuctionData Auctions { get; }

    /// <summary>Carbon inclusion's events, daily rollups, coin lots, redemptions and aggregations; see <see cref="IInclusionData"/>.</summary>
    IInclusionData Inclusion { get; }

    /// <summary>Published market statistics; see <see cref="IMarketStatisticsData"/>.</summary>
    IMarketStatisticsData MarketStatistics { get; }
    /// <summary>The exchange's instruments, trading accounts, orders and trades; see <see cref="IExchangeData"/>.</summary>
    IExchangeData Exchange { get; }

    /// <summary>Polluter cards: violations, cards and quarterly lists; see <see cref="IEnergyCardData"/>.</summary>
    IEnergyCardData EnergyCards { get; }

    /// <summary>Energy dual control's plans, statistics, key users, annual reports and assessments; see <see cref="IEnergyTargetsData"/>.</summary>
    IEnergyTargetsData EnergyTargets { get; }

    /// <summary>Online energy monitoring: units, meter points, readings and their rollups, faults, calibrations; see <see cref="IEnergyMonitoringData"/>.</summary>
    IEnergyMonitoringData EnergyMonitoring { get; }

    /// <summary>Counters the database moves when the rows they watch change; see <see cref="IDataVersionData"/>.</summary>
    IDataVersionData DataVersions { get; }

    CancellationToken CancellationToken { get; }
}
