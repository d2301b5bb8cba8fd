using System.Globalization;
using System.Runtime.InteropServices;
using OpenEts.Application.Cash;
using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;
using OpenEts.Matching;

namespace OpenEts.Application.Exchange;

/// <summary>
/// What an exchange command can reach inside its one write transaction: the session, the actor, the clock's
/// <c>now</c>, the cash ledger, the registry, the books, and the steps every order command shares (submit an input,
/// settle its trades, release what an order no longer needs).
/// </summary>
public sealed partial class ExchangeWork
{
    private readonly ExchangeService _exchange;
    private readonly Func<Func<RegistryLedger, RegistryOutcome>, RegistryOutcome> _registry;
    private readonly ExchangeReads? _reads;

    internal ExchangeWork(
        ExchangeService exchange, IStoreSession session, Actor actor, DateTimeOffset now,
        Func<Func<RegistryLedger, RegistryOutcome>, RegistryOutcome> registry, ExchangeReads? reads = null)
    {
        _exchange = exchange;
        _registry = registry;
        _reads = reads;
        Session = session;
        Actor = actor;
        Now = now;
        Cash = new CashLedger(session, actor.UserName, now, exchange.CashPayload);
    }

    public IStoreSession Session { get; }

    public Actor Actor { get; }

    public DateTimeOffset Now { get; }

    public CashLedger Cash { get; }

    /// <summary>The exchange's set-up.</summary>
    public ExchangeOptions Options => _exchange.Options;

    /// <summary>Runs one registry request in this transaction.</summary>
    public RegistryOutcome Registry(Func<RegistryLedger, RegistryOutcome> request)
    {
        var outcome = _registry(request);
        if (Raised is { } raised && outcome is RegistryOutcome.Completed { Duplicate: false, Event: { Key: { } key } e })
        {
            raised[(e.Actor.Value, key.Value)] = e;
        }
        return outcome;
    }

    /// <summary>
    /// When set (the end of day sets it), the registry events this command raised, by sender and request key: the registry
    /// stores its events when the transaction ends, so a check of deliveries made in the same transaction reads them here.
    /// </summary>
    internal Dictionary<(string Sender, string Key), RegistryEvent>? Raised { get; set; }

    /// <summary>Reads the caught-up registry in this transaction.</summary>
    public T RegistryRead<T>(Func<RegistryLedger, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        T result = default!;
        _registry(l =>
        {
            result = read(l);
            return new RegistryOutcome.Rejected(RegistryRejection.InvalidText, "read", "a read raises no event");
        });
        return result;
    }

    /// <summary>Null when the actor works for the exchange itself (an organisation of kind exchange), else the refusal.</summary>
    public async Task<ExchangeOutcome.Refused?> OperatorRefusalAsync()
    {
        var organisation = Actor.OrganisationId is { } id ? await Session.Organisations.FindByIdAsync(id).ConfigureAwait(false) : null;
        return organisation?.Kind == OrganisationKind.Exchange
            ? null
            : new ExchangeOutcome.Refused(ExchangeRule.NotOperator, "actor", "only the exchange's own staff run the exchange", RefusalKind.Forbidden);
    }

    /// <summary>The exchange rule behind an engine rejection.</summary>
    public static ExchangeOutcome.Refused EngineRefusal(Outcome outcome) => outcome.Reason switch
    {
        Reason.Halted => new(ExchangeRule.InstrumentHalted, "instrument", "the instrument is halted: only cancels are accepted", RefusalKind.Conflict),
        Reason.SelfTrade => new(ExchangeRule.SelfTrade, "price", "the order would trade with your own order", RefusalKind.Conflict),
        Reason.FokNotFillable => new(ExchangeRule.NotFillable, "quantity", "a fill-or-kill order must trade in full at once", RefusalKind.Conflict),
        Reason.OutsideBand => new(ExchangeRule.PriceBand, "price", "the price is outside the band", RefusalKind.Malformed),
        Reason.OffTick => new(ExchangeRule.Tick, "price", "the price is not on the tick", RefusalKind.Malformed),
        Reason.OffLot or Reason.BadQuantity => new(ExchangeRule.Lot, "quantity", "the quantity is not a whole number of lots", RefusalKind.Malformed),
        Reason.TooLarge => new(ExchangeRule.MaxOrderSize, "quantity", "the order is above the maximum size", RefusalKind.Malformed),
        Reason.UnknownOrder or Reason.NotOwner => new(ExchangeRule.UnknownOrder, "order", "no such open order of yours", RefusalKind.Conflict),
        Reason.AlreadyHalted => new(ExchangeRule.AlreadyHalted, "instrument", "the instrument is already halted", RefusalKind.Conflict),
        Reason.NotHalted => new(ExchangeRule.NotHalted, "instrument", "the instrument is not halted", RefusalKind.Conflict),
        _ => new(ExchangeRule.BadPrice, "price", "the matching engine refused the order: " + outcome.Reason, RefusalKind.Malformed),
    };

    /// <summary>The book of a listed instrument, or null.</summary>
    public OrderBook? Book(string instrument) => _exchange.Book(instrument);

    /// <summary>Journals an input and runs it through its book.</summary>
    public ValueTask<(Outcome Outcome, Trade[] Trades)> SubmitAsync(string kind, string subject, ExchangeInput input) =>
        _exchange.SubmitAsync(Session, Actor, Now, kind, subject, input);

    internal void AddBook(Instrument instrument, long sequence) => _exchange.AddBook(instrument, sequence);

    internal void Applied(long sequence) => _exchange.Applied(sequence);

    internal void NextDayBook(string instrument, long referenceFen, long sequence) => _exchange.NextDayBook(instrument, referenceFen, sequence);

    internal void SetMatchLevels(string instrument, int levels, long sequence) => _exchange.SetMatchLevels(instrument, levels, sequence);

    /// <summary>Journals an exchange entry that is not an input to a book, and returns its sequence.</summary>
    public async Task<long> JournalEntryAsync(string kind, string subject, object payload)
    {
        var entry = await Session.Journal.AppendAsync(Now, Actor.UserName, kind, subject, Json.Serialize(payload)).ConfigureAwait(false);
        _exchange.Applied(entry.Sequence);
        return entry.Sequence;
    }

    /// <summary>Journals an exchange entry that is not an input to a book.</summary>
    public async Task JournalAsync(string kind, string subject, object payload)
    {
        var entry = await Session.Journal.AppendAsync(Now, Actor.UserName, kind, subject, Json.Serialize(payload)).ConfigureAwait(false);
        _exchange.Applied(entry.Sequence);
    }

    /// <summary>
    /// The actor's organisation's own trading account, or why not: none (<c>NotAccountHolder</c>), or a client account
    /// (<c>ClientAccount</c>: a member's traders act for a client; the client's own users only read).
    /// </summary>
    public async ValueTask<(TradingAccount? Account, Organisation? Organisation, ExchangeOutcome.Refused? Refused)> ActorAccountAsync()
    {
        if (Actor.OrganisationId is not { } organisationId
            || await AccountOfAsync(organisationId).ConfigureAwait(false) is not { } found)
        {
            return (null, null, new ExchangeOutcome.Refused(ExchangeRule.NotAccountHolder, "actor",
                "your organisation has no trading account on the exchange", RefusalKind.Forbidden));
        }
        if (found.Account.Member is { } member)
        {
            return (null, null, new ExchangeOutcome.Refused(ExchangeRule.ClientAccount, "actor",
                $"trading account {found.Account.Id} is a client account of the member with trading account {member}: the member's traders enter "
                + "its orders; you can read its orders, trades, position and cash", RefusalKind.Forbidden));
        }
        return (found.Account, found.Organisation, null);
    }

    /// <summary>
    /// The trading account an order command acts on, with its organisation: the actor's own (<paramref name="account"/>
    /// null or its number) or one of the actor's member's client accounts (客户), or why not — <c>NotYourClient</c> for any
    /// other account, <c>AccountSuspended</c> or <c>AccountClosed</c> when the member's own account is not open.
    /// </summary>
    public async ValueTask<(TradingAccount? Account, Organisation? Organisation, ExchangeOutcome.Refused? Refused)> ActingAccountAsync(long? account)
    {
        var (actor, organisation, notHolder) = await ActorAccountAsync().ConfigureAwait(false);
        if (notHolder is not null || actor is not { } own || account is not { } id || id == own.Id)
        {
            return (actor, organisation, notHolder);
        }
        if (await Session.Exchange.FindAccountAsync(id).ConfigureAwait(false) is not { } client || client.Member != own.Id)
        {
            return (null, null, new ExchangeOutcome.Refused(ExchangeRule.NotYourClient, "account",
                $"trading account {id} is not a client of {organisation?.Name}: a member acts only for its own clients", RefusalKind.Forbidden));
        }
        if (NotOpen(own, "actor") is { } ownNotOpen)
        {
            return (null, null, ownNotOpen);
        }
        var (_, clientOrganisation) = await OrganisationOfAsync(id).ConfigureAwait(false);
        return (client, clientOrganisation, null);
    }

    /// <summary>True when the actor's member account <paramref name="own"/> acts for <paramref name="account"/>: its own, or one of its clients'.</summary>
    public async Task<bool> ActsForAsync(TradingAccount own, long account)
    {
        ArgumentNullException.ThrowIfNull(own);
        return account == own.Id || (await OrganisationOfAsync(account).ConfigureAwait(false)).Account.Member == own.Id;
    }

    /// <summary>
    /// The idempotent repeat every keyed command starts with: when the actor already used <paramref name="key"/> for an
    /// item (<paramref name="find"/> by user name and key), the first outcome again (<paramref name="first"/>, a duplicate)
    /// if the request is the same (<paramref name="same"/>), or <c>KeyReused</c> naming <paramref name="what"/> if not;
    /// null for a key not used yet. It comes before the item's own checks: a listing the first pick filled is no longer
    /// open, yet the repeat must still answer with that pick.
    /// </summary>
    public async Task<ExchangeOutcome?> RepeatAsync<T>(Func<string, string, Task<T?>> find, IdempotencyKey key, string what, Func<T, bool> same,
        Func<T, Task<ExchangeOutcome.Completed>> first)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(find);
        ArgumentNullException.ThrowIfNull(same);
        ArgumentNullException.ThrowIfNull(first);
        if (await find(Actor.UserName, key.Value).ConfigureAwait(false) is not { } earlier)
        {
            return null;
        }
        return same(earlier)
            ? await first(earlier).ConfigureAwait(false)
            : new ExchangeOutcome.Refused(ExchangeRule.KeyReused, "idempotencyKey", $"the idempotency key '{key.Value}' was used for a different {what}",
                RefusalKind.Conflict);
    }

    /// <summary>The idempotent repeat, for a first outcome that needs nothing more read.</summary>
    public Task<ExchangeOutcome?> RepeatAsync<T>(Func<string, string, Task<T?>> find, IdempotencyKey key, string what, Func<T, bool> same,
        Func<T, ExchangeOutcome.Completed> first)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(first);
        return RepeatAsync(find, key, what, same, e => Task.FromResult(first(e)));
    }

    /// <summary>
    /// What a command that puts new terms to an instrument needs first: the listed instrument and its book
    /// (<c>UnknownInstrument</c>), and the open trading account it acts on — the actor's organisation's, or for
    /// <paramref name="account"/> one of its member's clients (<c>NotAccountHolder</c>, <c>ClientAccount</c>,
    /// <c>NotYourClient</c>, <c>AccountSuspended</c>, <c>AccountClosed</c>). Null entry when refused.
    /// </summary>
    public async ValueTask<(TermsEntry? Entry, ExchangeOutcome.Refused? Refused)> EnterAsync(string instrument, long? account = null)
    {
        if (await FindInstrumentAsync(instrument).ConfigureAwait(false) is not { } listed || Book(instrument) is not { } book)
        {
            return (null, new ExchangeOutcome.Refused(ExchangeRule.UnknownInstrument, "instrument", $"{instrument} is not listed", RefusalKind.Malformed));
        }
        var (acting, organisation, refused) = await OpenAccountAsync(account).ConfigureAwait(false);
        return refused is null ? (new TermsEntry(listed, book, acting!, organisation!), null) : (null, refused);
    }

    /// <summary>
    /// The open trading account a command acts on (the actor's organisation's, or for <paramref name="account"/> one of its
    /// member's clients), or why not (<c>NotAccountHolder</c>, <c>ClientAccount</c>, <c>NotYourClient</c>, <c>AccountSuspended</c>, <c>AccountClosed</c>).
    /// </summary>
    public async ValueTask<(TradingAccount? Account, Organisation? Organisation, ExchangeOutcome.Refused? Refused)> OpenAccountAsync(long? account = null)
    {
        var (acting, organisation, notHolder) = await ActingAccountAsync(account).ConfigureAwait(false);
        if (notHolder is not null)
        {
            return (null, null, notHolder);
        }
        return NotOpen(acting!, account is null ? "actor" : "account") is { } refused ? (null, null, refused) : (acting, organisation, null);
    }

    /// <summary>
    /// Null for an open trading account; else the refusal that names its state on <paramref name="field"/>:
    /// <c>AwaitingClient</c> (a client account its client has not confirmed), <c>AccountSuspended</c> (by its member or the
    /// exchange) or <c>AccountClosed</c>.
    /// </summary>
    public static ExchangeOutcome.Refused? NotOpen(TradingAccount account, string field)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.State switch
        {
            TradingAccountState.Open => null,
            TradingAccountState.Closed => new(ExchangeRule.AccountClosed, field, $"trading account {account.Id} is closed", RefusalKind.Conflict),
            TradingAccountState.AwaitingClient => new(ExchangeRule.AwaitingClient, field,
                $"trading account {account.Id} awaits its client's confirmation: the client has not confirmed the member's mandate, so nothing is "
                + "entered for it", RefusalKind.Conflict),
            _ => new(ExchangeRule.AccountSuspended, field,
                $"trading account {account.Id} is suspended{(account.SuspendedByExchange ? " by the exchange" : " by its member")}: new orders are refused, "
                + "cancels are accepted", RefusalKind.Conflict),
        };
    }

    /// <summary>
    /// Settles each trade delivery versus payment, in this transaction: the buyer's reservation pays the value to the
    /// seller's cash account and the buyer's fee to the exchange's fee account, the seller pays its fee, the registry moves
    /// the units from the clearing account to the buyer's holding account; the trade is stored and journalled. Then every
    /// order involved is brought up to date, and what a finished order no longer needs is released.
    /// </summary>
    /// <remarks>The incoming order (<paramref name="incoming"/>) is left to its command, which knows its outcome.</remarks>
    public async Task<IReadOnlyList<ExchangeTrade>> SettleAsync(ListedInstrument listed, IReadOnlyList<Trade> trades, long incoming)
    {
        ArgumentNullException.ThrowIfNull(listed);
        ArgumentNullException.ThrowIfNull(trades);
        var settled = new List<ExchangeTrade>(trades.Count);
        if (trades.Count == 0)
        {
            return settled;
        }
        var (_, lastTrade) = await LastNumbersAsync().ConfigureAwait(false);
        var fees = new (long Buyer, long Seller)[trades.Count];
        for (var i = 0; i < fees.Length; i++)
        {
            var value = checked(trades[i].PriceFen * trades[i].Quantity);
            fees[i] = (Options.Fees.FeeFen(value, buyer: true), Options.Fees.FeeFen(value, buyer: false));
        }
        var orders = new Dictionary<long, ExchangeOrder>();
        // What each order filled here, in the order it first traded: its stored row is brought up to date once, at the end.
        var filled = new Dictionary<long, long>();
        if (trades.Count > 1)
        {
            // One trade reads its two orders and probes its keys as it goes: two statements of lists would cost it more.
            await ReadAheadAsync(trades, fees, lastTrade, orders).ConfigureAwait(false);
        }
        for (var i = 0; i < trades.Count; i++)
        {
            var t = trades[i];
            var buy = await CachedAsync(orders, t.BuyOrderId, TradedOrderAsync).ConfigureAwait(false);
            var sell = await CachedAsync(orders, t.SellOrderId, TradedOrderAsync).ConfigureAwait(false);
            var id = ++lastTrade;
            var trade = new ExchangeTrade(id, listed.Instrument.Code, Now, t.PriceFen, t.Quantity, buy.Id, sell.Id, buy.AccountId, sell.AccountId,
                t.Aggressor.ToString().ToLowerInvariant(), fees[i].Buyer, fees[i].Seller);
            await DeliverAsync(listed, trade, buy, sell).ConfigureAwait(false);
            var entry = await Session.Journal.AppendUtf8Async(Now, Actor.UserName, "exchange.trade.settled", listed.Instrument.Code,
                TradePayloads.Settled(_exchange.TradePayload, trade, t.Sequence)).ConfigureAwait(false);
            _exchange.Applied(entry);
            CollectionsMarshal.GetValueRefOrAddDefault(filled, buy.Id, out _) += t.Quantity;
            CollectionsMarshal.GetValueRefOrAddDefault(filled, sell.Id, out _) += t.Quantity;
            settled.Add(trade);
        }
        // The trades stored together, in the same transaction as their settlement.
        await InsertTradesAsync(settled).ConfigureAwait(false);
        // The counterparties stored in one statement, then what the filled ones no longer need released, in their order.
        var counterparties = new List<ExchangeOrder>(filled.Count);
        var finished = new List<ExchangeOrder>();
        foreach (var (id, quantity) in filled)
        {
            if (id == incoming)
            {
                continue;
            }
            var order = orders[id];
            // A resting counterparty: what rests now is what the book says.
            if (_exchange.Book(order.Instrument) is { } book && book.TryGetOrder(order.Id, out var resting))
            {
                counterparties.Add(order with { Filled = order.Filled + quantity, Resting = resting.Quantity, UpdatedAt = Now });
            }
            else
            {
                var done = order with { Filled = order.Filled + quantity, Resting = 0, Status = OrderStatus.Filled, UpdatedAt = Now };
                counterparties.Add(done);
                finished.Add(done);
            }
        }
        await Session.Exchange.SaveOrdersAsync(counterparties).ConfigureAwait(false);
        foreach (var done in finished)
        {
            // Filled: nothing of it is left to send back (an amend's reduction went back when it was made).
            await ReleaseAsync(listed, done, unitsBack: 0).ConfigureAwait(false);
        }
        return settled;
    }

    /// <summary>
    /// Stores an order that is off the book and releases what it no longer needs: a buy's reservation (price
    /// improvement, unused fee, a cancelled remainder), a sell's <paramref name="unitsBack"/> cancelled units (default: all
    /// it cancelled) back from the clearing account.
    /// </summary>
    public async Task FinishAsync(ListedInstrument listed, ExchangeOrder order, long? unitsBack = null)
    {
        ArgumentNullException.ThrowIfNull(listed);
        ArgumentNullException.ThrowIfNull(order);
        await Session.Exchange.SaveOrderAsync(order).ConfigureAwait(false);
        await ReleaseAsync(listed, order, unitsBack).ConfigureAwait(false);
    }

    // What a finished order (stored) no longer needs, released: see FinishAsync.
    private async Task ReleaseAsync(ListedInstrument listed, ExchangeOrder order, long? unitsBack)
    {
        var back = unitsBack ?? order.Cancelled;
        if (order.Side == Side.Buy && order.ReservationId is { } reservation)
        {
            var organisation = await OrganisationOfAsync(order.AccountId).ConfigureAwait(false);
            if (await Cash.ReleaseAsync(organisation.Organisation, reservation).ConfigureAwait(false) is CashResult.Refused refused)
            {
                throw new InvalidOperationException($"order {order.Id}'s reservation could not be released: {refused.Message}");
            }
        }
        else if (order.Side == Side.Sell && back > 0)
        {
            await ReturnUnitsAsync(listed, order, back, null).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends <paramref name="quantity"/> of a sell order's units back from the clearing account to its holding account;
    /// <paramref name="part"/> names a partial return (an amend's reduction), null the final one.
    /// </summary>
    public async Task ReturnUnitsAsync(ListedInstrument listed, ExchangeOrder order, long quantity, string? part)
    {
        ArgumentNullException.ThrowIfNull(listed);
        ArgumentNullException.ThrowIfNull(order);
        var (account, _) = await OrganisationOfAsync(order.AccountId).ConfigureAwait(false);
        var reference = part is null ? $"exchange/order/{order.Id}/release" : $"exchange/order/{order.Id}/release/{part}";
        var back = Registry(l => l.Clear(RegistryService.UserOf(order.UserName), Now, IdempotencyKey.From(reference),
            Options.ClearingAccount, account.HoldingAccount, listed.Instrument.Class, quantity, reference, Mandate(account)));
        if (back is RegistryOutcome.Rejected r)
        {
            throw new InvalidOperationException($"order {order.Id}'s units could not go back: {r.Reason}: {r.Message}");
        }
    }

    /// <summary>
    /// The mandate the registry records when the exchange moves a client account's units (<c>exchange/client/7</c>): the
    /// member's trader acts for the client, not as its representative; null for an organisation's own account, and for a
    /// client account whose client has not confirmed the mandate yet (the registry then refuses the move).
    /// </summary>
    public static string? Mandate(TradingAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account is { IsClient: true, AwaitingClient: false } ? string.Create(CultureInfo.InvariantCulture, $"exchange/client/{account.Id}") : null;
    }

    /// <summary>An idempotency key for the cash ledger or the registry.</summary>
    public static IdempotencyKey Key(FormattableString text) => IdempotencyKey.From(text.ToString(CultureInfo.InvariantCulture));

    private Task DeliverAsync(ListedInstrument listed, ExchangeTrade trade, ExchangeOrder buy, ExchangeOrder sell) =>
        DeliverAsync(listed, new Delivery(TradeReference(trade.Id), buy.AccountId, buy.UserName,
            buy.ReservationId ?? throw new InvalidOperationException($"buy order {buy.Id} holds no cash"), sell.AccountId, trade.Quantity,
            trade.ValueFen, trade.BuyerFeeFen, trade.SellerFeeFen));

    /// <summary>
    /// Delivery versus payment of one trade, continuous or not, in this transaction: the buyer's reservation pays the value
    /// to the seller's cash account (<c>{reference}/pay</c>) and the buyer's fee (<c>…/buyer-fee</c>), the seller pays its
    /// fee from what it received (<c>…/seller-fee</c>), and the registry moves the units from the clearing account to the
    /// buyer's holding account (<c>…/deliver</c>). Anything refused here is a bug (the cash and units were held), so it throws.
    /// </summary>
    public async Task DeliverAsync(ListedInstrument listed, Delivery delivery)
    {
        ArgumentNullException.ThrowIfNull(listed);
        ArgumentNullException.ThrowIfNull(delivery);
        var d = delivery;
        var buyer = await OrganisationOfAsync(d.BuyAccount).ConfigureAwait(false);
        var seller = await OrganisationOfAsync(d.SellAccount).ConfigureAwait(false);
        var sellerCash = await Session.Cash.FindMemberAccountAsync(seller.Organisation.Id).ConfigureAwait(false)
            ?? await Session.Cash.OpenMemberAccountAsync(seller.Organisation.Id, Now).ConfigureAwait(false);
        await PayAsync(d.Reference, buyer.Organisation, d.Reservation, sellerCash, d.ValueFen, d.BuyerFeeFen, seller.Organisation, d.SellerFeeFen)
            .ConfigureAwait(false);
        var delivered = Registry(l => l.Clear(RegistryService.UserOf(d.BuyUser), Now, IdempotencyKey.From(d.Reference + "/deliver"),
            Options.ClearingAccount, buyer.Account.HoldingAccount, listed.Instrument.Class, d.Quantity, d.Reference, Mandate(buyer.Account)));
        if (delivered is RegistryOutcome.Rejected r)
        {
            throw new InvalidOperationException($"{d.Reference} could not be delivered: {r.Reason}: {r.Message}");
        }
    }

    /// <summary>
    /// Delivery versus payment of primary issuance (有偿发放: an allowance auction's award), in this transaction, by the
    /// same payment step as every trade: the buyer's reservation pays the value to the system account
    /// <see cref="IssuanceDelivery.Payee"/> (<c>{reference}/pay</c>; no exchange fee), and the registry allocates the units
    /// from its issuance account to the buyer's holding account, requested by the actor (a regulator) with the key
    /// <c>{reference}</c>. The registry may refuse (the issuance account holds too few units, the holding account is closed):
    /// the refusal comes back, and the caller must roll the whole transaction back (the payment was made).
    /// </summary>
    public async Task<RegistryOutcome.Rejected?> DeliverIssuanceAsync(IssuanceDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var d = delivery;
        var payee = await Session.Cash.SystemAccountAsync(d.Payee).ConfigureAwait(false);
        await PayAsync(d.Reference, d.Buyer, d.Reservation, payee, d.ValueFen, 0, null, 0).ConfigureAwait(false);
        return DeliverFromIssuance(d.Reference, d.Holding, d.Class, d.Quantity);
    }

    /// <summary>
    /// The registry's half of <see cref="DeliverIssuanceAsync"/> alone, for an award paid before (an allowance auction
    /// cleared by the earlier two-step close): the same key, so an award already delivered is not delivered twice.
    /// </summary>
    public RegistryOutcome.Rejected? DeliverFromIssuance(string reference, AccountNumber holding, UnitClass unitClass, long quantity) =>
        Registry(l => l.Allocate(RegistryService.UserOf(Actor.UserName), Now, IdempotencyKey.From(reference), holding, unitClass, quantity))
            as RegistryOutcome.Rejected;

    // The payment leg every settlement shares: the value from the buyer's reservation to the payee, the buyer's fee from the
    // same reservation and the seller's from its available money to the exchange's fee account (none for a fee of 0).
    private async Task PayAsync(string reference, Organisation buyer, long reservation, CashAccount payee, long valueFen, long buyerFeeFen,
        Organisation? seller, long sellerFeeFen)
    {
        Require(await Cash.PayAsync(buyer, reservation, payee, Yuan.FromFen(valueFen), IdempotencyKey.From(reference + PayKeySuffix))
            .ConfigureAwait(false), reference);
        if (buyerFeeFen > 0)
        {
            var fees = await Session.Cash.SystemAccountAsync(CashAccountKind.ExchangeFees).ConfigureAwait(false);
            Require(await Cash.PayAsync(buyer, reservation, fees, Yuan.FromFen(buyerFeeFen), IdempotencyKey.From(reference + BuyerFeeKeySuffix))
                .ConfigureAwait(false), reference);
        }
        if (sellerFeeFen > 0 && seller is not null)
        {
            Require(await Cash.PayFeeAsync(seller, CashAccountKind.ExchangeFees, Yuan.FromFen(sellerFeeFen), reference, IdempotencyKey.From(reference + SellerFeeKeySuffix))
                .ConfigureAwait(false), reference);
        }
    }

    private static void Require(CashResult result, string reference)
    {
        if (result is CashResult.Refused refused)
        {
            throw new InvalidOperationException($"{reference} could not be paid: {refused.Reason}: {refused.Message}");
        }
    }

    // What settling these trades reads, read together rather than per trade: the orders on both sides, and the cash
    // ledger's idempotency keys the trades will pay with (new trade numbers, so normally none is there: each payment's
    // probe is then answered without a statement).
    private async Task ReadAheadAsync(IReadOnlyList<Trade> trades, (long Buyer, long Seller)[] fees, long lastTrade, Dictionary<long, ExchangeOrder> orders)
    {
        var ids = new HashSet<long>();
        foreach (var t in trades)
        {
            ids.Add(t.BuyOrderId);
            ids.Add(t.SellOrderId);
        }
        foreach (var order in await Session.Exchange.FindOrdersAsync(ids).ConfigureAwait(false))
        {
            orders[order.Id] = order;
        }
        // A fee of 0 fen is not paid (PayAsync), so its key is looked up only when some trade here pays that fee.
        List<string> suffixes = [PayKeySuffix];
        if (fees.Any(f => f.Buyer > 0))
        {
            suffixes.Add(BuyerFeeKeySuffix);
        }
        if (fees.Any(f => f.Seller > 0))
        {
            suffixes.Add(SellerFeeKeySuffix);
        }
        await Session.Cash.FindNumberedEntriesAsync(TradeReferencePrefix, lastTrade + 1, lastTrade + trades.Count, suffixes).ConfigureAwait(false);
    }

    private const string TradeReferencePrefix = "exchange/trade/";

    // The suffixes of the cash keys a trade pays with (PayAsync), after its reference.
    private const string PayKeySuffix = "/pay";
    private const string BuyerFeeKeySuffix = "/buyer-fee";
    private const string SellerFeeKeySuffix = "/seller-fee";

    private static string TradeReference(long id) => string.Create(CultureInfo.InvariantCulture, $"{TradeReferencePrefix}{id}");

    // An order a trade names and the reads ahead did not hold (CachedAsync keeps it).
    private static async Task<ExchangeOrder> TradedOrderAsync(ExchangeWork work, long id) =>
        await work.Session.Exchange.FindOrderAsync(id).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"order {id} traded but is not stored");

}
