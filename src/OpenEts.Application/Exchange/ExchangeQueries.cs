using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;
using OpenEts.Matching;

namespace OpenEts.Application.Exchange;

/// <summary>
/// The exchange's reads, for the pages, the API, the CLI and other modules (market data). Holds the one access rule:
/// the market (instruments, trade prints, depth) is public; a trader sees their own organisation's trading account, orders,
/// trades and position, and a member's traders those of its clients (客户) too; the exchange's staff, the regulator and the
/// auditor see every account's.
/// </summary>
public sealed partial class ExchangeQueries(IStore store, ExchangeService exchange, RegistryService registry)
{
    /// <summary>The most orders or trades one list returns.</summary>
    public const int ListLimit = 200;

    /// <summary>
    /// Whether a list of <paramref name="listed"/> rows read with <see cref="ListLimit"/> may have left older rows out (it
    /// holds its limit), so that a page says so and points to where every row of a day is.
    /// </summary>
    public static bool MayLeaveOut(int listed) => listed >= ListLimit;

    /// <summary>Depth levels shown by default: the top 5 (the issue's market data).</summary>
    public const int DefaultDepthLevels = 5;

    /// <summary>Every listed instrument, public.</summary>
    public Task<IReadOnlyList<ListedInstrument>> InstrumentsAsync(CancellationToken ct) =>
        store.ReadAsync(s => s.Exchange.InstrumentsAsync(), ct);

    /// <summary>
    /// The instrument an order form starts on: the first allowance (the market's main instrument, GDEA-2017 on the demo),
    /// else the first listed; null when none is listed.
    /// </summary>
    public static string? DefaultInstrument(IReadOnlyList<ListedInstrument> instruments) =>
        instruments.OrderBy(i => i.Instrument.Class.Type == Domain.Registry.UnitType.Allowance ? 0 : 1).FirstOrDefault()?.Instrument.Code;

    /// <summary>One listed instrument, or null; public.</summary>
    public Task<ListedInstrument?> InstrumentAsync(string code, CancellationToken ct) =>
        store.ReadAsync(s => s.Exchange.FindInstrumentAsync(code), ct);

    /// <summary>
    /// An instrument's trades — on the book and picks of its listings — with <paramref name="from"/> ≤ at &lt;
    /// <paramref name="to"/>, oldest first, each numbered in the instrument's one series of prints; public.
    /// </summary>
    public Task<IReadOnlyList<TradePrint>> TradePrintsAsync(string instrument, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        store.ReadAsync(s => s.Exchange.TradePrintsAsync(instrument, from, to), ct);

    /// <summary>How far back an instrument's trade prints go when no start is asked for: the last day before the end.</summary>
    public static readonly TimeSpan DefaultPrintWindow = TimeSpan.FromDays(1);

    /// <summary>
    /// An instrument's trades from <paramref name="from"/> (default: <see cref="DefaultPrintWindow"/> before the end) to
    /// <paramref name="to"/> (default: just after <paramref name="now"/>), oldest first; null when the instrument is not
    /// listed; public.
    /// </summary>
    public async Task<IReadOnlyList<TradePrint>?> TradePrintsAsync(
        string instrument, DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset now, CancellationToken ct)
    {
        if (await InstrumentAsync(instrument, ct).ConfigureAwait(false) is null)
        {
            return null;
        }
        var end = to ?? now.AddSeconds(1);
        return await TradePrintsAsync(instrument, from ?? end - DefaultPrintWindow, end, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The first bound of a trade-print window that falls outside the platform's days (<see cref="BeijingTime.IsInRange(DateTimeOffset)"/>):
    /// <c>DateRange</c> on <c>from</c> or <c>to</c>; null when both are absent or inside.
    /// </summary>
    public static FieldError? PrintWindowError(DateTimeOffset? from, DateTimeOffset? to) =>
        from is { } f && !BeijingTime.IsInRange(f) ? new FieldError("from", "DateRange", PlatformDays.RangeText("from") + " (Beijing time)")
        : to is { } t && !BeijingTime.IsInRange(t) ? new FieldError("to", "DateRange", PlatformDays.RangeText("to") + " (Beijing time)")
        : null;

    /// <summary>The most depth levels a side shows.</summary>
    public const int MaxDepthLevels = 20;

    /// <summary>
    /// <c>Range</c> on <c>levels</c> when <paramref name="levels"/> is outside 1–<see cref="MaxDepthLevels"/> (it was cut to
    /// the range unsaid: ?levels=500 showed 20 and ?levels=0 one); null when absent or inside.
    /// </summary>
    public static FieldError? DepthLevelsError(int? levels) =>
        levels is < 1 or > MaxDepthLevels
            ? FieldError.Of("levels", "Range", $"{"levels"} is from {1} to {MaxDepthLevels}, not {levels.Value}")
            : null;

    /// <summary>The book's best <paramref name="levels"/> levels per side (1–20, default 5), or null when not listed; public.</summary>
    public Task<Depth?> DepthAsync(string instrument, int levels = DefaultDepthLevels, CancellationToken ct = default)
    {
        var take = Math.Clamp(levels, 1, MaxDepthLevels);
        return exchange.ReadBooksAsync(books =>
        {
            if (!books.TryGetValue(instrument, out var book))
            {
                return null;
            }
            return new Depth(instrument, Levels(book, Side.Buy, take), Levels(book, Side.Sell, take), book.IsHalted);
        }, ct);
    }

    /// <summary>The trading account of the actor's organisation, or null.</summary>
    public Task<TradingAccount?> AccountAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.OrganisationId is { } id ? store.ReadAsync(s => s.Exchange.FindAccountOfAsync(id), ct) : Task.FromResult<TradingAccount?>(null);
    }

    /// <summary>Every trading account: the exchange's staff, the regulator and the auditor; else empty.</summary>
    public Task<IReadOnlyList<TradingAccount>> AccountsAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return AccountsOverseenAsync(actor, ct);
    }

    private async Task<IReadOnlyList<TradingAccount>> AccountsOverseenAsync(Actor actor, CancellationToken ct) =>
        await OverseesAsync(actor, ct).ConfigureAwait(false) ? await store.ReadAsync(s => s.Exchange.AccountsAsync(), ct).ConfigureAwait(false) : [];

    /// <summary>
    /// Whether the actor sees every trading account: the regulator, the auditor and the exchange's own staff (an exchange
    /// member of the organisation of kind exchange). A member firm's traders share the exchange-member role and see only
    /// their own account and their clients'.
    /// </summary>
    public async Task<bool> OverseesAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role is Role.Regulator or Role.Auditor)
        {
            return true;
        }
        if (actor.Role != Role.ExchangeMember || actor.OrganisationId is not { } id)
        {
            return false;
        }
        var organisation = await store.ReadAsync(s => s.Organisations.FindByIdAsync(id), ct).ConfigureAwait(false);
        return organisation?.Kind == OrganisationKind.Exchange;
    }

    // What the store holds for the trading account the actor may read (ReadableAccountAsync), or empty when it may not.
    private async Task<IReadOnlyList<T>> OfReadableAsync<T>(Actor actor, long? account, Func<IStoreSession, long, Task<IReadOnlyList<T>>> read,
        CancellationToken ct) =>
        await ReadableAccountAsync(actor, account, ct).ConfigureAwait(false) is { } readable
            ? await store.ReadAsync(s => read(s, readable.Id), ct).ConfigureAwait(false)
            : [];

    /// <summary>The actor's organisation's orders, newest first (empty without a trading account).</summary>
    public Task<IReadOnlyList<ExchangeOrder>> MyOrdersAsync(Actor actor, CancellationToken ct) => MyOrdersAsync(actor, null, ct);

    /// <summary>
    /// The orders of <paramref name="account"/> (null: the actor's organisation's own), newest first: the newest
    /// <see cref="ListLimit"/> and every older one still open; empty when the actor may not read it
    /// (<see cref="ReadableAccountAsync"/>).
    /// </summary>
    public Task<IReadOnlyList<ExchangeOrder>> MyOrdersAsync(Actor actor, long? account, CancellationToken ct) =>
        OfReadableAsync(actor, account, (s, id) => s.Exchange.OrdersAsync(id, ListLimit), ct);

    /// <summary>The actor's organisation's trades, newest first, each settled (empty without a trading account).</summary>
    public Task<IReadOnlyList<ExchangeTrade>> MyTradesAsync(Actor actor, CancellationToken ct) => MyTradesAsync(actor, null, ct);

    /// <summary>The trades of <paramref name="account"/> (null: the actor's organisation's own), newest first; empty when the actor may not read it.</summary>
    public Task<IReadOnlyList<ExchangeTrade>> MyTradesAsync(Actor actor, long? account, CancellationToken ct) =>
        OfReadableAsync(actor, account, (s, id) => s.Exchange.TradesOfAsync(id, ListLimit), ct);

    /// <summary>The actor's organisation's block trades, proposed by it or to it, newest first (empty without a trading account).</summary>
    public Task<IReadOnlyList<BlockTrade>> MyBlockTradesAsync(Actor actor, CancellationToken ct) => MyBlockTradesAsync(actor, null, ct);

    /// <summary>
    /// The block trades of <paramref name="account"/> (null: the actor's organisation's own), proposed by it or to it,
    /// newest first; empty when the actor may not read it (<see cref="ReadableAccountAsync"/>).
    /// </summary>
    public Task<IReadOnlyList<BlockTrade>> MyBlockTradesAsync(Actor actor, long? account, CancellationToken ct) =>
        OfReadableAsync(actor, account, (s, id) => s.Exchange.BlockTradesOfAsync(id, ListLimit), ct);

    /// <summary>
    /// Every open listing (挂牌点选) of every instrument, by number, for the members who pick them: what is offered, without
    /// whose it is (empty for an actor without a trading account).
    /// </summary>
    public async Task<IReadOnlyList<ExchangeListing>> OpenListingsAsync(Actor actor, CancellationToken ct) =>
        await AccountAsync(actor, ct).ConfigureAwait(false) is not null
            ? await store.ReadAsync(s => s.Exchange.OpenListingsAsync(null), ct).ConfigureAwait(false)
            : [];

    /// <summary>The actor's organisation's listings, newest first (empty without a trading account).</summary>
    public Task<IReadOnlyList<ExchangeListing>> MyListingsAsync(Actor actor, CancellationToken ct) => MyListingsAsync(actor, null, ct);

    /// <summary>
    /// The listings of <paramref name="account"/> (null: the actor's organisation's own), newest first; empty when the actor
    /// may not read it (<see cref="ReadableAccountAsync"/>).
    /// </summary>
    public Task<IReadOnlyList<ExchangeListing>> MyListingsAsync(Actor actor, long? account, CancellationToken ct) =>
        OfReadableAsync(actor, account, (s, id) => s.Exchange.ListingsOfAsync(id, ListLimit), ct);

    /// <summary>The actor's organisation's listing trades (as lister or picker), newest first, each settled.</summary>
    public Task<IReadOnlyList<ListingTrade>> MyListingTradesAsync(Actor actor, CancellationToken ct) => MyListingTradesAsync(actor, null, ct);

    /// <summary>
    /// The listing trades of <paramref name="account"/> (null: the actor's organisation's own; as lister or picker), newest
    /// first, each settled; empty when the actor may not read it.
    /// </summary>
    public Task<IReadOnlyList<ListingTrade>> MyListingTradesAsync(Actor actor, long? account, CancellationToken ct) =>
        OfReadableAsync(actor, account, (s, id) => s.Exchange.ListingTradesOfAsync(id, ListLimit), ct);

    /// <summary>
    /// An instrument's settled block trades with <paramref name="from"/> ≤ settled at &lt; <paramref name="to"/>, oldest first, as
    /// prints for the day's block volume; public (like every trade print, without the accounts).
    /// </summary>
    public async Task<IReadOnlyList<TradePrint>> BlockPrintsAsync(string instrument, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        [.. (await store.ReadAsync(s => s.Exchange.SettledBlockTradesAsync(instrument, from, to), ct).ConfigureAwait(false)).Select(b => b.Print())];

    /// <summary>The ends of day of one trading day (or the latest, newest first, when <paramref name="day"/> is null); public.</summary>
    public Task<IReadOnlyList<InstrumentClose>> ClosesAsync(DateOnly? day, CancellationToken ct) =>
        store.ReadAsync(s => s.Exchange.ClosesAsync(day, ListLimit), ct);

    /// <summary>
    /// Every trade settled on one Beijing trading day, of every kind (book, block, listing, one-way auction), with both
    /// accounts and fees, oldest first: the exchange's staff, the regulator and the auditor; null for anyone else.
    /// </summary>
    public async Task<IReadOnlyList<DayTrade>?> DayTradesAsync(Actor actor, DateOnly day, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!await OverseesAsync(actor, ct).ConfigureAwait(false))
        {
            return null;
        }
        return await store.ReadAsync(s => SettledOnAsync(s, day, null), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// A member's daily report for <paramref name="day"/>: the actor's own organisation's (<paramref name="account"/>
    /// null or its own number), one of its member's clients', or any trading account's for the exchange's staff, the
    /// regulator and the auditor (<see cref="ReadableAccountAsync"/>). A member's own report lists each of its clients'
    /// reports beside it (<see cref="MemberDayReport.Clients"/>). Null when the account does not exist or the actor may not read it.
    /// </summary>
    public async Task<MemberDayReport?> MemberReportAsync(Actor actor, DateOnly day, long? account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await ReadableAccountAsync(actor, account, ct).ConfigureAwait(false) is not { } target)
        {
            return null;
        }
        // The day's trades and the organisations read once for the account and all its clients (not once each), then
        // each one's picked out.
        var (clients, trades, organisations) = await store.ReadAsync(async s =>
        {
            // A client that has not confirmed the member's mandate is not reported to the member: its holdings and cash are its own.
            IReadOnlyList<TradingAccount> of = target.IsClient ? []
                : [.. (await s.Exchange.ClientsOfAsync(target.Id).ConfigureAwait(false)).Where(c => !c.AwaitingClient)];
            var accounts = of.Select(c => c.Id).Append(target.Id).ToHashSet();
            return (of, await SettledOnAsync(s, day, accounts).ConfigureAwait(false),
                await OrganisationsOfAsync(s, of.Append(target).Select(a => a.OrganisationId)).ConfigureAwait(false));
        }, ct).ConfigureAwait(false);
        // Each account's trades, oldest first as read; a trade between two of them is in both.
        var byAccount = trades.SelectMany(t => new[] { t.BuyAccount, t.SellAccount }.Distinct(), (trade, account) => (Account: account, Trade: trade))
            .ToLookup(p => p.Account, p => p.Trade);
        var reports = new List<MemberDayReport>(clients.Count);
        foreach (var client in clients)
        {
            reports.Add(await DayReportOfAsync(client, organisations, day, [.. byAccount[client.Id]], [], ct).ConfigureAwait(false));
        }
        return await DayReportOfAsync(target, organisations, day, [.. byAccount[target.Id]], reports, ct).ConfigureAwait(false);
    }

    // One account's report from its trades of the day.
    private async Task<MemberDayReport> DayReportOfAsync(TradingAccount target, Dictionary<long, Organisation> organisations, DateOnly day,
        IReadOnlyList<DayTrade> trades, IReadOnlyList<MemberDayReport> clients, CancellationToken ct)
    {
        var position = await PositionOfAsync(target, ct).ConfigureAwait(false);
        return new MemberDayReport(target, organisations.GetValueOrDefault(target.OrganisationId)?.Name ?? "", day,
            [.. trades.Select(t => MemberTrade.Of(t, target.Id))], position.Lines,
            position.CashBalance, position.CashReserved, clients);
    }

    /// <summary>
    /// The actor's organisation's position: per listed instrument, the units free in its holding account and those
    /// waiting in the clearing account for its open sell orders; and its cash balance, reserved and available. Null
    /// without a trading account.
    /// </summary>
    public Task<TradingPosition?> PositionAsync(Actor actor, CancellationToken ct) => PositionAsync(actor, null, ct);

    /// <summary>The position of <paramref name="account"/> (null: the actor's organisation's own); null when the actor may not read it.</summary>
    public async Task<TradingPosition?> PositionAsync(Actor actor, long? account, CancellationToken ct) =>
        await ReadableAccountAsync(actor, account, ct).ConfigureAwait(false) is { } readable ? await PositionOfAsync(readable, ct).ConfigureAwait(false) : null;

    private async Task<TradingPosition> PositionOfAsync(TradingAccount account, CancellationToken ct)
    {
        var (instruments, orders, listings, auctions, cash) = await store.ReadAsync(async s => (
            await s.Exchange.InstrumentsAsync().ConfigureAwait(false),
            await s.Exchange.OpenOrdersOfAsync(account.Id).ConfigureAwait(false),
            await s.Exchange.OpenListingsAsync(null).ConfigureAwait(false),
            await s.Exchange.AnnouncedAuctionsAsync().ConfigureAwait(false),
            await s.Cash.FindMemberAccountAsync(account.OrganisationId).ConfigureAwait(false)), ct).ConfigureAwait(false);
        var held = await registry.QueryAsync((l, _) => instruments.ToDictionary(
            i => i.Instrument.Code, i => l.QuantityHeld(account.HoldingAccount, i.Instrument.Class).Value), ct).ConfigureAwait(false);
        // Units the account's sells hold in the clearing account: resting sell orders, open sell listings, announced auctions.
        var lines = instruments.Select(i => new PositionLine(i.Instrument.Code, held[i.Instrument.Code],
            orders.Where(o => o.Instrument == i.Instrument.Code && o.Side == Side.Sell).Sum(o => o.Resting),
            listings.Where(l => l.Instrument == i.Instrument.Code && l.AccountId == account.Id && l.Side == Side.Sell).Sum(l => l.Left),
            auctions.Where(a => a.Instrument == i.Instrument.Code && a.AccountId == account.Id).Sum(a => a.Terms.Quantity))).ToList();
        return new TradingPosition(account, lines, cash?.Balance ?? 0m, cash?.Reserved ?? 0m);
    }

    // The best levels of a side, read from the book's levels (no copy of its orders).
    private static DepthLevel[] Levels(OrderBook book, Side side, int take)
    {
        Span<PriceLevel> levels = stackalloc PriceLevel[take];
        var written = book.Depth(side, levels);
        var result = new DepthLevel[written];
        for (var i = 0; i < written; i++)
        {
            result[i] = new DepthLevel(levels[i].PriceFen, levels[i].Quantity, levels[i].Orders);
        }
        return result;
    }
}

/// <summary>
/// One instrument of a position: units free in the holding account, and units in the clearing account for the account's
/// open sell orders, open sell listings (挂牌点选) and announced one-way auctions (单向竞价).
/// </summary>
public sealed record PositionLine(string Instrument, long Free, long InOpenSells, long InListings = 0, long InAuctions = 0)
{
    /// <summary>Every tonne the account owns of the instrument: free, and held for its sells (orders, listings, auctions).</summary>
    public long Owned => checked(Free + InOpenSells + InListings + InAuctions);
}

/// <summary>A trading account's position: its lines and its cash (yuan).</summary>
public sealed record TradingPosition(TradingAccount Account, IReadOnlyList<PositionLine> Lines, decimal CashBalance, decimal CashReserved)
{
    /// <summary>Cash free to reserve.</summary>
    public decimal CashAvailable => CashBalance - CashReserved;
}
