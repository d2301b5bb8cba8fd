using OpenEts.Application.Exchange;
using OpenEts.Domain.Exchange;

namespace OpenEts.Application.Storage;

/// <summary>
/// The exchange's tables: listed instruments, trading accounts, orders and trades. Only <see cref="ExchangeService"/>
/// writes them and only <see cref="ExchangeQueries"/> reads them for others. The inputs that rebuild the books are the
/// journal's <c>exchange.*</c> entries.
/// </summary>
public partial interface IExchangeData
{
    Task<IReadOnlyList<ListedInstrument>> InstrumentsAsync();

    Task<ListedInstrument?> FindInstrumentAsync(string code);

    /// <summary>Lists an instrument. A code listed before is a <see cref="StoreConflictException"/>.</summary>
    Task InsertInstrumentAsync(Instrument instrument, DateTimeOffset at);

    Task SetHaltedAsync(string code, bool halted);

    Task<TradingAccount?> FindAccountAsync(long id);

    Task<TradingAccount?> FindAccountOfAsync(long organisationId);

    Task<IReadOnlyList<TradingAccount>> AccountsAsync();

    /// <summary>A member's client accounts (客户账户): those whose acting member is <paramref name="memberAccountId"/>, by number.</summary>
    Task<IReadOnlyList<TradingAccount>> ClientsOfAsync(long memberAccountId);

    /// <summary>Opens a trading account and returns it with its number. A second one for the organisation is a <see cref="StoreConflictException"/>.</summary>
    Task<TradingAccount> InsertAccountAsync(TradingAccount account);

    /// <summary>
    /// Stores a trading account's life (awaiting its client, open, suspended and by whom, closed) and its member link (a client's member, a transfer
    /// offered); the organisation, holding account and opening stay as they were.
    /// </summary>
    Task SaveAccountAsync(TradingAccount account);

    /// <summary>
    /// Deletes a client account still awaiting its client's confirmation (declined by the client or withdrawn by its member),
    /// so that the organisation may trade through another member or on its own account; false when there is no such account.
    /// </summary>
    Task<bool> DeleteAwaitingAccountAsync(long id);

    Task InsertOrderAsync(ExchangeOrder order);

    /// <summary>Stores what happened to an order so far (filled, resting, cancelled, status, reason).</summary>
    Task SaveOrderAsync(ExchangeOrder order);

    /// <summary>
    /// Stores what happened to each of <paramref name="orders"/> (distinct orders) as <see cref="SaveOrderAsync"/> does, in
    /// one statement: the counterparties of a settlement of many trades.
    /// </summary>
    Task SaveOrdersAsync(IReadOnlyList<ExchangeOrder> orders);

    Task<ExchangeOrder?> FindOrderAsync(long id);

    /// <summary>The orders of <paramref name="ids"/> that exist, in no particular order, read together (a settlement's counterparties).</summary>
    Task<IReadOnlyList<ExchangeOrder>> FindOrdersAsync(IReadOnlyCollection<long> ids);

    /// <summary>Stores an amended order's terms: its price, quantity asked and cash reservation.</summary>
    Task SaveOrderTermsAsync(ExchangeOrder order);

    /// <summary>The order a user placed with an idempotency key, or null.</summary>
    Task<ExchangeOrder?> FindOrderAsync(string userName, string key);

    /// <summary>
    /// The orders placed under any of <paramref name="keys"/> (each a user and that user's idempotency key), in no
    /// particular order, read together in one statement whatever the number of users. In a write transaction the keys
    /// found free stay known as free until an order is inserted with one of them: a later
    /// <see cref="FindOrderAsync(string, string)"/> of such a key needs no statement (a group commit looks up all its
    /// orders' keys at once).
    /// </summary>
    Task<IReadOnlyList<ExchangeOrder>> FindOrdersByKeyAsync(IReadOnlyCollection<(string User, string Key)> keys);

    /// <summary>
    /// A trading account's orders, newest first: the newest <paramref name="limit"/>, and every older one still open (the
    /// one a trader has to find to cancel or amend, whatever was filled or cancelled since).
    /// </summary>
    Task<IReadOnlyList<ExchangeOrder>> OrdersAsync(long accountId, int limit);

    /// <summary>A trading account's orders still open, by number.</summary>
    Task<IReadOnlyList<ExchangeOrder>> OpenOrdersOfAsync(long accountId);

    /// <summary>The highest order and trade numbers so far (0 before the first).</summary>
    Task<(long Order, long Trade)> LastNumbersAsync();

    /// <summary>Stores new trades, in their order: one statement prepared once for all of them.</summary>
    Task InsertTradesAsync(IReadOnlyList<ExchangeTrade> trades);

    /// <summary>An instrument's trades with <paramref name="from"/> ≤ at &lt; <paramref name="to"/>, oldest first.</summary>
    Task<IReadOnlyList<ExchangeTrade>> TradesAsync(string instrument, DateTimeOffset from, DateTimeOffset to);

    /// <summary>
    /// An instrument's public trade prints with <paramref name="from"/> ≤ at &lt; <paramref name="to"/>: its book trades
    /// and listing picks in one series (each print's sequence unique and increasing per instrument), in that order.
    /// </summary>
    Task<IReadOnlyList<TradePrint>> TradePrintsAsync(string instrument, DateTimeOffset from, DateTimeOffset to);

    /// <summary>A trading account's trades (either side), newest first.</summary>
    Task<IReadOnlyList<ExchangeTrade>> TradesOfAsync(long accountId, int limit);

    /// <summary>Every trade, oldest first (for verification).</summary>
    Task<IReadOnlyList<ExchangeTrade>> AllTradesAsync();

    /// <summary>Every order still open, by number.</summary>
    Task<IReadOnlyList<ExchangeOrder>> OpenOrdersAsync();

    /// <summary>A trading account's trades (either side) with <paramref name="from"/> ≤ at &lt; <paramref name="to"/>, oldest first.</summary>
    Task<IReadOnlyList<ExchangeTrade>> TradesOfAsync(long accountId, DateTimeOffset from, DateTimeOffset to);

    /// <summary>Sets an instrument's reference price (the next day's, after an end of day).</summary>
    Task SetReferenceAsync(string code, long referenceFen);

    /// <summary>Stores an instrument's end of day. A second one for the instrument and day is a <see cref="StoreConflictException"/>.</summary>
    Task InsertCloseAsync(InstrumentClose close);

    /// <summary>The ends of day of one trading day, by instrument; or of every day, newest first, when <paramref name="day"/> is null.</summary>
    Task<IReadOnlyList<InstrumentClose>> ClosesAsync(DateOnly? day, int limit);

    /// <summary>The latest trading day closed for an instrument, or null.</summary>
    Task<DateOnly?> LastClosedDayAsync(string code);

    /// <summary>Stores a block trade proposal and returns it with its number.</summary>
    Task<BlockTrade> InsertBlockTradeAsync(BlockTrade block);

    Task<BlockTrade?> FindBlockTradeAsync(long id);

    /// <summary>The block trade a user proposed with an idempotency key, or null.</summary>
    Task<BlockTrade?> FindBlockTradeAsync(string userName, string key);

    /// <summary>Stores where a block trade stands: status, when, who accepted it and the fees.</summary>
    Task SaveBlockTradeAsync(BlockTrade block);

    /// <summary>
    /// A trading account's block trades (proposed by it or to it), newest first: the newest <paramref name="limit"/>, and
    /// every older one still proposed (the one its proposer may withdraw and its counterparty accept or decline).
    /// </summary>
    Task<IReadOnlyList<BlockTrade>> BlockTradesOfAsync(long accountId, int limit);

    /// <summary>An instrument's settled block trades with <paramref name="from"/> ≤ settled at &lt; <paramref name="to"/>, oldest first.</summary>
    Task<IReadOnlyList<BlockTrade>> SettledBlockTradesAsync(string instrument, DateTimeOffset from, DateTimeOffset to);

    /// <summary>Marks every proposal made before <paramref name="before"/> that is still waiting as expired; returns how many.</summary>
    Task<int> ExpireBlockTradesAsync(string instrument, DateTimeOffset before, DateTimeOffset at);

    /// <summary>Stores a new listing (挂牌点选) and returns it with its number.</summary>
    Task<ExchangeListing> InsertListingAsync(ExchangeListing listing);

    Task<ExchangeListing?> FindListingAsync(long id);

    /// <summary>The listing a user posted with an idempotency key, or null.</summary>
    Task<ExchangeListing?> FindListingAsync(string userName, string key);

    /// <summary>Stores where a listing stands: taken, status, when.</summary>
    Task SaveListingAsync(ExchangeListing listing);

    /// <summary>Every open listing (of one instrument, or of all when <paramref name="instrument"/> is null), by number.</summary>
    Task<IReadOnlyList<ExchangeListing>> OpenListingsAsync(string? instrument);

    /// <summary>
    /// A trading account's listings, newest first: the newest <paramref name="limit"/>, and every older one still open (the
    /// one its lister may still withdraw).
    /// </summary>
    Task<IReadOnlyList<ExchangeListing>> ListingsOfAsync(long accountId, int limit);

    /// <summary>Stores a listing trade and returns it with its number.</summary>
    Task<ListingTrade> InsertListingTradeAsync(ListingTrade trade);

    /// <summary>The pick a user made with an idempotency key, or null.</summary>
    Task<ListingTrade?> FindListingTradeAsync(string takerUser, string key);

    /// <summary>An instrument's listing trades with <paramref name="from"/> ≤ at &lt; <paramref name="to"/>, oldest first.</summary>
    Task<IReadOnlyList<ListingTrade>> ListingTradesAsync(string instrument, DateTimeOffset from, DateTimeOffset to);

    /// <summary>A trading account's listing trades (either side), newest first.</summary>
    Task<IReadOnlyList<ListingTrade>> ListingTradesOfAsync(long accountId, int limit);
}
