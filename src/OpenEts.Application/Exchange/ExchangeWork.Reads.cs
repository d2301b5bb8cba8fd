using OpenEts.Domain.Exchange;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Exchange;

// What the orders, amends and cancels of one group commit read once for the whole transaction: instruments, closed
// days, trading accounts with their organisations, and the last order and trade numbers. Nothing in such a group
// changes the first three (listing, halts, end of day and account changes run in a transaction of their own), and the
// numbers move only through InsertOrderAsync and InsertTradesAsync here. Without a group (every other command) each read
// goes to storage.
public sealed partial class ExchangeWork
{
    /// <summary>A listed instrument, or null.</summary>
    public ValueTask<ListedInstrument?> FindInstrumentAsync(string code) =>
        CachedAsync(_reads?.Instruments, code, static (w, code) => w.Session.Exchange.FindInstrumentAsync(code));

    /// <summary>The last trading day the end of day closed for the instrument, or null.</summary>
    public ValueTask<DateOnly?> LastClosedDayAsync(string code) =>
        CachedAsync(_reads?.ClosedDays, code, static (w, code) => w.Session.Exchange.LastClosedDayAsync(code));

    /// <summary>
    /// <c>DayClosed</c> when the instrument's trading day has had its end of day (nothing more may trade or settle into
    /// it until the next), else null.
    /// </summary>
    public async ValueTask<ExchangeOutcome.Refused?> DayClosedAsync(string code) =>
        PreTradeCheck.DayClosed(code, await LastClosedDayAsync(code).ConfigureAwait(false), Now) is { } closed ? OrderEntry.Refused(closed) : null;

    /// <summary>A trading account and its organisation (both must exist).</summary>
    public ValueTask<(TradingAccount Account, Organisation Organisation)> OrganisationOfAsync(long accountId) =>
        CachedAsync(_reads?.Accounts, accountId, static async (w, accountId) =>
        {
            var account = await w.Session.Exchange.FindAccountAsync(accountId).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"trading account {accountId} is missing");
            var organisation = await w.Session.Organisations.FindByIdAsync(account.OrganisationId).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"organisation {account.OrganisationId} is missing");
            return (account, organisation);
        });

    /// <summary>The last order number and the last trade number stored (0 when none).</summary>
    public async ValueTask<(long Order, long Trade)> LastNumbersAsync()
    {
        if (_reads?.LastNumbers is { } known)
        {
            return known;
        }
        var numbers = await Session.Exchange.LastNumbersAsync().ConfigureAwait(false);
        if (_reads is not null)
        {
            _reads.LastNumbers = numbers;
        }
        return numbers;
    }

    /// <summary>Stores a new order.</summary>
    public async Task InsertOrderAsync(ExchangeOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        await Session.Exchange.InsertOrderAsync(order).ConfigureAwait(false);
        if (_reads?.LastNumbers is { } known)
        {
            _reads.LastNumbers = (Math.Max(known.Order, order.Id), known.Trade);
        }
    }

    private async Task InsertTradesAsync(List<ExchangeTrade> trades)
    {
        await Session.Exchange.InsertTradesAsync(trades).ConfigureAwait(false);
        if (_reads?.LastNumbers is { } known && trades.Count > 0)
        {
            _reads.LastNumbers = (known.Order, Math.Max(known.Trade, trades[^1].Id));
        }
    }

    /// <summary>
    /// What a group's new orders look up before they run, read together: their idempotency keys, every trader's in one
    /// statement rather than one per order. The session keeps the keys found free, so each order's own lookup then needs
    /// no statement. A buy's cash reservation needs no look-up: its key is its new order number's (<see cref="PlaceOrder.CashKey"/>).
    /// </summary>
    internal async Task ReadKeysAheadAsync(IReadOnlyList<ExchangeRequest> group)
    {
        var keys = new List<(string User, string Key)>(group.Count);
        foreach (var request in group)
        {
            if (request.Command is PlaceOrder place)
            {
                keys.Add((request.Actor.UserName, place.Key.Value));
            }
        }
        if (keys.Count >= 2)
        {
            await Session.Exchange.FindOrdersByKeyAsync(keys).ConfigureAwait(false);
        }
    }

    // An organisation's trading account and the organisation, or null when it has none.
    private ValueTask<(TradingAccount Account, Organisation Organisation)?> AccountOfAsync(long organisationId) =>
        CachedAsync(_reads?.AccountsOf, organisationId, static async (w, organisationId) =>
        {
            if (await w.Session.Exchange.FindAccountOfAsync(organisationId).ConfigureAwait(false) is not { } account)
            {
                return ((TradingAccount, Organisation)?)null;
            }
            var organisation = await w.Session.Organisations.FindByIdAsync(organisationId).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"organisation {organisationId} is missing");
            return (account, organisation);
        });

    // A value read before in this group is answered without a task (an order asks for its instrument, its day and its
    // accounts; a settlement for both accounts of every trade); another is read, and kept when the group keeps reads. The
    // readers are static lambdas, so asking allocates nothing.
    private ValueTask<TValue> CachedAsync<TKey, TValue>(Dictionary<TKey, TValue>? cache, TKey key, Func<ExchangeWork, TKey, Task<TValue>> read)
        where TKey : notnull =>
        cache is not null && cache.TryGetValue(key, out var known) ? ValueTask.FromResult(known) : new(ReadAndKeepAsync(cache, key, read));

    private async Task<TValue> ReadAndKeepAsync<TKey, TValue>(Dictionary<TKey, TValue>? cache, TKey key, Func<ExchangeWork, TKey, Task<TValue>> read)
        where TKey : notnull
    {
        var value = await read(this, key).ConfigureAwait(false);
        cache?.Add(key, value);
        return value;
    }
}

/// <summary>The reads one group commit of orders, amends and cancels shares (<see cref="ExchangeWork"/>).</summary>
internal sealed class ExchangeReads
{
    public Dictionary<string, ListedInstrument?> Instruments { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, DateOnly?> ClosedDays { get; } = new(StringComparer.Ordinal);

    public Dictionary<long, (TradingAccount Account, Organisation Organisation)> Accounts { get; } = [];

    public Dictionary<long, (TradingAccount Account, Organisation Organisation)?> AccountsOf { get; } = [];

    public (long Order, long Trade)? LastNumbers { get; set; }
}
