using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using OpenEts.Application.Auction;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Domain.Exchange.Reconciliation;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;
using OpenEts.Matching;

namespace OpenEts.Application.Exchange;

/// <summary>
/// The exchange operator ends a trading day (日终), in one transaction:
/// <list type="number">
/// <item>every open order expires (day orders never roll over into a new day): each is journalled as
/// <c>exchange.order.expired</c> and its cash or units are released;</item>
/// <item>every one-way auction whose window has ended and that the staff have not closed is closed as their close would
/// (<see cref="CloseOneWayAuction"/>: cleared, settled, journalled as <c>exchange.auction.cleared</c>);</item>
/// <item>each instrument's day is reconciled (<see cref="DayReconciliation"/>): every trade's payment and fees against the
/// cash ledger, its delivery against the registry's delivery event (<see cref="RegistryService.StoredRequestAsync"/>),
/// the clearing account's units against the open sells and the auctions still announced, with zero difference; the day's
/// auctions likewise: each winning bid of a one-way auction cleared that day, and each award of an allowance auction
/// (有偿发放) settled on the exchange that day (read through <see cref="AuctionQueries.SettledAsync"/>, delivered from the
/// registry's issuance account);</item>
/// <item>an instrument that reconciles gets its official close by its rule (<see cref="DailyClose"/>), which becomes the
/// next day's reference price and band; one that does not is halted, keeps its reference, and the report names each
/// difference.</item>
/// </list>
/// The day and its new references are journalled as <c>exchange.day.closed</c>, which replay reads to rebuild the new
/// day's books; the report lists the auctions closed that day (<see cref="ClosedAuction"/>).
/// </summary>
/// <param name="Day">The Beijing trading day to close.</param>
public sealed record EndOfDay(DateOnly Day) : IExchangeCommand
{
    /// <summary>The journal kind of an end of day; its payload's <c>references</c> rebuild the next day's books on replay.</summary>
    public const string Kind = "exchange.day.closed";

    /// <summary>The reason an order expired, as an order shows it.</summary>
    public const string ExpiredReason = "Expired";

    /// <summary>The request as typed: the day as <c>yyyy-MM-dd</c>.</summary>
    public sealed record Form(string? Day);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => ExchangeRoles.Operator;

    public static bool TryParse(Form form, [NotNullWhen(true)] out EndOfDay? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        if (DayError(form.Day, out var day) is { } error)
        {
            read.Fail(error.Field, error.Rule, error.Message);
        }
        command = read.IsValid ? new EndOfDay(day) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <summary>
    /// Reads a trading day typed as <c>yyyy-MM-dd</c> into <paramref name="day"/>; null, or the broken rule on
    /// <paramref name="field"/>: <c>Date</c> (not a date as yyyy-MM-dd) or <c>DateRange</c> (outside
    /// <see cref="BeijingTime.FirstDay"/>–<see cref="BeijingTime.LastDay"/>).
    /// </summary>
    public static FieldError? DayError(string? text, out DateOnly day, string field = "day")
    {
        if (!DateOnly.TryParseExact(FieldReader.Text(text), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return new FieldError(field, "Date", field + ": a trading day as yyyy-MM-dd");
        }
        return BeijingTime.IsInRange(day) ? null : new FieldError(field, "DateRange", PlatformDays.RangeText(field));
    }

    /// <summary>The journal subject of a day: <c>exchange/day/2026-11-30</c>.</summary>
    public static string Subject(DateOnly day) => "exchange/day/" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public async Task<ExchangeOutcome> RunAsync(ExchangeWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (await work.OperatorRefusalAsync().ConfigureAwait(false) is { } notOperator)
        {
            return notOperator;
        }
        if (Day > BeijingTime.TradingDay(work.Now))
        {
            return new ExchangeOutcome.Refused(ExchangeRule.DayNotOver, "day",
                $"{Day:yyyy-MM-dd} has not begun yet (Beijing time)", RefusalKind.Conflict);
        }
        var s = work.Session.Exchange;
        var listedNow = await s.InstrumentsAsync().ConfigureAwait(false);
        if (listedNow.Count == 0)
        {
            return new ExchangeOutcome.Refused(ExchangeRule.UnknownInstrument, "day", "no instrument is listed: there is no day to close",
                RefusalKind.Conflict);
        }
        var open = new List<ListedInstrument>();
        foreach (var listed in listedNow)
        {
            if (await s.LastClosedDayAsync(listed.Instrument.Code).ConfigureAwait(false) is not { } last || last < Day)
            {
                open.Add(listed);
            }
        }
        if (open.Count == 0)
        {
            return new ExchangeOutcome.Refused(ExchangeRule.DayClosed, "day",
                $"{Day:yyyy-MM-dd} (or a later day) is already closed for every instrument", RefusalKind.Conflict);
        }
        var expired = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var listed in open)
        {
            expired[listed.Instrument.Code] = await ExpireAsync(work, listed).ConfigureAwait(false);
            // Block trade proposals lapse with their day too (nothing was held for them).
            await s.ExpireBlockTradesAsync(listed.Instrument.Code, BeijingTime.StartOf(Day.AddDays(1)), work.Now).ConfigureAwait(false);
            // So do listings: what they froze goes back.
            foreach (var listing in await s.OpenListingsAsync(listed.Instrument.Code).ConfigureAwait(false))
            {
                await WithdrawListing.EndAsync(work, listed, listing, ListingStatus.Expired).ConfigureAwait(false);
            }
        }
        // Deliveries this run makes (closing ended auctions) are stored with the transaction: the reconciliation reads them here.
        work.Raised = [];
        var (auctions, closedNow) = await CloseEndedAuctionsAsync(work, open).ConfigureAwait(false);
        var openSells = (await s.OpenOrdersAsync().ConfigureAwait(false)).Where(o => o.Side == Side.Sell)
            .Select(o => (o.Instrument, Tonnes: o.Resting))
            .Concat((await s.OpenListingsAsync(null).ConfigureAwait(false)).Where(l => l.Side == Side.Sell).Select(l => (l.Instrument, Tonnes: l.Left)))
            .Concat(auctions.Select(a => (a.Instrument, Tonnes: a.Terms.Quantity)))
            .ToList();
        var (from, to) = (BeijingTime.StartOf(Day), BeijingTime.StartOf(Day.AddDays(1)));
        // The day's auctions: one-way auctions cleared (by the staff that day, or by this run), allowance auctions settled on
        // the exchange (read through the allocation's query); each winning bid is reconciled with its instrument's trades.
        var oneWay = new List<(OneWayAuction Auction, IReadOnlyList<OneWayBid> Won)>();
        foreach (var auction in (await s.ClearedAuctionsAsync(from, to).ConfigureAwait(false)).Concat(closedNow).DistinctBy(a => a.Id).OrderBy(a => a.Id))
        {
            oneWay.Add((auction, [.. (await s.AuctionBidsAsync(auction.Id).ConfigureAwait(false)).Where(b => b.Won > 0)]));
        }
        var allowance = await AuctionQueries.SettledAsync(work.Session, from, to).ConfigureAwait(false);
        var closes = new List<InstrumentClose>();
        var mismatches = new List<ReconciliationMismatch>();
        foreach (var listed in open)
        {
            var instrument = listed.Instrument;
            var trades = await s.TradesAsync(instrument.Code, BeijingTime.StartOf(Day), BeijingTime.StartOf(Day.AddDays(1))).ConfigureAwait(false);
            var blocks = await s.SettledBlockTradesAsync(instrument.Code, BeijingTime.StartOf(Day), BeijingTime.StartOf(Day.AddDays(1))).ConfigureAwait(false);
            var picks = await s.ListingTradesAsync(instrument.Code, BeijingTime.StartOf(Day), BeijingTime.StartOf(Day.AddDays(1))).ConfigureAwait(false);
            var bids = oneWay.Where(a => a.Auction.Instrument == instrument.Code).SelectMany(a => a.Won.Select(Check));
            // An allowance auction's awards are reconciled with the first open instrument of its class.
            var awards = allowance.Where(a => ReferenceEquals(open.FirstOrDefault(i => i.Instrument.Class == a.Class), listed)).SelectMany(a => a.Awards.Select(w => Check(a, w)));
            var found = DayReconciliation.Check(instrument.Code,
                await SettlementsAsync(work, listed,
                    [.. await TradesToCheckAsync(work, trades).ConfigureAwait(false), .. blocks.Select(Check), .. picks.Select(Check), .. bids, .. awards])
                    .ConfigureAwait(false),
                work.RegistryRead(l => l.QuantityHeld(work.Options.ClearingAccount, instrument.Class).Value),
                // The clearing account holds the class's units for every instrument of it, closed for the day already or not.
                openSells.Where(o => listedNow.Any(i => i.Instrument.Code == o.Instrument && i.Instrument.Class == instrument.Class)).Sum(o => o.Tonnes));
            if (found.Count > 0)
            {
                mismatches.AddRange(found);
                await HaltAsync(work, instrument.Code).ConfigureAwait(false);
                continue;
            }
            var close = DailyClose.Compute(instrument.ClosingRule, Day, instrument.ReferencePriceFen, ClosingPrints(instrument.ClosingRule, trades, picks));
            closes.Add(new InstrumentClose(instrument.Code, close, expired[instrument.Code], work.Now));
        }
        List<ClosedAuction> closedAuctions =
        [
            .. oneWay.Select(a => new ClosedAuction(ClosedAuction.OneWay, a.Auction.Id, a.Auction.Instrument, a.Auction.Sold, a.Auction.ClearingPriceFen,
                a.Won.Select(b => b.AccountId).Distinct().Count(), a.Won.Sum(b => checked(b.Won * (b.PaidPriceFen ?? 0))))),
            .. allowance.Select(a => new ClosedAuction(ClosedAuction.Allowance, a.Id, a.Class.ToString(), a.SoldTonnes, a.ClearingPriceFen, a.Winners,
                a.ProceedsFen)),
        ];
        var sequence = await work.JournalEntryAsync(Kind, Subject(Day), new
        {
            day = Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            references = closes.Select(c => new Reference(c.Instrument, c.Close.CloseFen)).ToList(),
            closes = closes.Select(c => new
            {
                instrument = c.Instrument, rule = c.Close.Rule.ToString(), previous = c.Close.PreviousCloseFen, open = c.Close.OpenFen,
                close = c.Close.CloseFen, volume = c.Close.Volume, turnover = c.Close.TurnoverFen, referenceKept = c.Close.ReferenceKept,
                expiredOrders = c.ExpiredOrders,
            }).ToList(),
            expiredOrders = expired.Values.Sum(),
            mismatches = mismatches.Select(m => m.ToString()).ToList(),
            auctions = closedAuctions,
        }).ConfigureAwait(false);
        foreach (var c in closes)
        {
            await s.InsertCloseAsync(c).ConfigureAwait(false);
            await s.SetReferenceAsync(c.Instrument, c.Close.CloseFen).ConfigureAwait(false);
            work.NextDayBook(c.Instrument, c.Close.CloseFen, sequence);
        }
        return new ExchangeOutcome.Completed(Kind, Subject(Day), false, null, [], new EndOfDayReport(Day, closes, mismatches, closedAuctions));
    }

    /// <summary>The new reference prices an end of day's payload holds, by instrument.</summary>
    public static IReadOnlyList<(string Instrument, long ReferenceFen)> ReferencesFromJson(string json)
    {
        var payload = JsonSerializer.Deserialize<Payload>(json, Json.Options) ?? throw new JsonException("no end of day");
        return [.. payload.References.Select(r => (r.Instrument, r.Fen))];
    }

    // An auction of a day being closed whose window has ended and that the staff have not closed is closed now, as their
    // close would (cleared, settled, journalled); returned: the auctions still announced after it (their units stay in
    // clearing), and those it closed.
    private static async Task<(IReadOnlyList<OneWayAuction> Waiting, IReadOnlyList<OneWayAuction> Closed)> CloseEndedAuctionsAsync(
        ExchangeWork work, IReadOnlyList<ListedInstrument> open)
    {
        var waiting = new List<OneWayAuction>();
        var closed = new List<OneWayAuction>();
        foreach (var auction in await work.Session.Exchange.AnnouncedAuctionsAsync().ConfigureAwait(false))
        {
            // A halted instrument's auction waits for its resumption, as its picks, block trades and bids do.
            if (auction.Terms.Closes <= work.Now && open.Any(i => i.Instrument.Code == auction.Instrument) && work.Book(auction.Instrument) is not { IsHalted: true })
            {
                closed.Add((await CloseOneWayAuction.ClearAsync(work, auction).ConfigureAwait(false)).Auction!);
            }
            else
            {
                waiting.Add(auction);
            }
        }
        return (waiting, closed);
    }

    // Every open order of the instrument expires: journalled (a cancel to the engine), released, stored as cancelled.
    private static async Task<int> ExpireAsync(ExchangeWork work, ListedInstrument listed)
    {
        var count = 0;
        foreach (var order in (await work.Session.Exchange.OpenOrdersAsync().ConfigureAwait(false)).Where(o => o.Instrument == listed.Instrument.Code))
        {
            var input = new ExchangeInput(order.Instrument, order.Id, order.AccountId, null, null, null, 0, work.Actor.UserName, null, null);
            var (outcome, _) = await work.SubmitAsync(ExchangeInput.Expired, PlaceOrder.Subject(order.Id), input).ConfigureAwait(false);
            if (!outcome.IsAccepted)
            {
                throw new InvalidOperationException($"open order {order.Id} is not on its book: {outcome.Reason}");
            }
            await work.FinishAsync(listed, order with
            {
                Resting = 0, Cancelled = order.Cancelled + outcome.Cancelled, Status = OrderStatus.Cancelled, Reason = ExpiredReason,
                UpdatedAt = work.Now,
            }, outcome.Cancelled).ConfigureAwait(false);
            count++;
        }
        return count;
    }

    // What the reconciliation checks of one settlement of any kind: its reference in both ledgers (exchange/trade/{id},
    // exchange/block/{id}, exchange/listing-trade/{id}, exchange/auction-bid/{id}, auction/{a}/bid/{id}), its figures, and
    // the user whose request delivered the units. An allowance auction's award (Issued) names its holding account and was
    // delivered from the issuance account under the reference itself; every other settlement from clearing under …/deliver.
    private sealed record ToCheck(long Trade, string Reference, long ValueFen, long BuyerFeeFen, long SellerFeeFen, long Quantity, string BuyUser,
        long BuyAccount, bool Block = false, bool Listing = false, string? Label = null, AccountNumber? Holding = null)
    {
        public bool Issued => Holding is not null;

        public IdempotencyKey DeliveryKey => Issued ? IdempotencyKey.From(Reference) : ExchangeWork.Key($"{Reference}/deliver");
    }

    // A book trade's buyer is its buy order's user (each order read once).
    private static async Task<List<ToCheck>> TradesToCheckAsync(ExchangeWork work, IReadOnlyList<ExchangeTrade> trades)
    {
        var users = new Dictionary<long, string>();
        var checks = new List<ToCheck>(trades.Count);
        foreach (var t in trades)
        {
            if (!users.TryGetValue(t.BuyOrder, out var user))
            {
                user = (await work.Session.Exchange.FindOrderAsync(t.BuyOrder).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"trade {t.Id}'s buy order {t.BuyOrder} is not stored")).UserName;
                users[t.BuyOrder] = user;
            }
            checks.Add(new ToCheck(t.Id, $"exchange/trade/{t.Id}", t.ValueFen, t.BuyerFeeFen, t.SellerFeeFen, t.Quantity, user, t.BuyAccount));
        }
        return checks;
    }

    private static ToCheck Check(BlockTrade b) => new(b.Id, BlockTrade.Subject(b.Id), b.ValueFen, b.BuyerFeeFen, b.SellerFeeFen, b.Quantity,
        b.ProposerSide == Side.Buy ? b.ProposerUser : b.AcceptedBy ?? throw new InvalidOperationException($"block trade {b.Id} has no acceptor"),
        b.BuyAccount, Block: true);

    private static ToCheck Check(ListingTrade p) =>
        new(p.Id, ListingTrade.Subject(p.Id), p.ValueFen, p.BuyerFeeFen, p.SellerFeeFen, p.Quantity, p.BuyUser, p.BuyAccount, Listing: true);

    private static ToCheck Check(OneWayBid b) => new(b.Id, OneWayBid.Subject(b.Id), checked(b.Won * (b.PaidPriceFen ?? 0)), b.BuyerFeeFen, b.SellerFeeFen,
        b.Won, b.UserName, b.AccountId, Label: string.Create(CultureInfo.InvariantCulture, $"auction bid {b.Id}"));

    private static ToCheck Check(SettledAuction a, SettledAward w) => new(w.Bid, w.Reference, w.ValueFen, 0, 0, w.Tonnes, a.SettledBy, 0,
        Label: string.Create(CultureInfo.InvariantCulture, $"allowance auction {a.Id} bid {w.Bid}"), Holding: w.Holding);

    // Each trade beside the cash ledger's entries for it and the registry's delivery event, read for the whole day at once:
    // the entries by their keys ({reference}/pay, …/buyer-fee, …/seller-fee), the events by the buyers' request keys
    // ({reference}/deliver), each in batches.
    private static async Task<List<TradeSettlement>> SettlementsAsync(ExchangeWork work, ListedInstrument listed, IReadOnlyList<ToCheck> checks)
    {
        var deliveries = await RegistryService.StoredRequestsAsync(work.Session,
            [.. checks.Select(c => (RegistryService.UserOf(c.BuyUser), c.DeliveryKey))]).ConfigureAwait(false);
        var issuance = work.RegistryRead(l => l.IssuanceAccount);
        var paid = (await work.Session.Cash.FindEntriesAsync(
                [.. checks.SelectMany(c => new[] { $"{c.Reference}/pay", $"{c.Reference}/buyer-fee", $"{c.Reference}/seller-fee" })])
            .ConfigureAwait(false)).ToDictionary(e => e.Key, e => e.Amount.Fen, StringComparer.Ordinal);
        var holdings = new Dictionary<long, AccountNumber>();
        var settlements = new List<TradeSettlement>(checks.Count);
        foreach (var c in checks)
        {
            if (c.Holding is not { } holding && !holdings.TryGetValue(c.BuyAccount, out holding))
            {
                holding = (await work.OrganisationOfAsync(c.BuyAccount).ConfigureAwait(false)).Account.HoldingAccount;
                holdings[c.BuyAccount] = holding;
            }
            var request = (RegistryService.UserOf(c.BuyUser).Value, c.DeliveryKey.Value);
            var delivered = (deliveries.GetValueOrDefault(request) ?? work.Raised?.GetValueOrDefault(request)) switch
            {
                null => (long?)null,
                UnitsCleared u when !c.Issued && u.From == work.Options.ClearingAccount && u.To == holding && u.Class == listed.Instrument.Class
                    && u.Reference == c.Reference => u.Blocks.Sum(b => b.Count),
                UnitsAllocated u when c.Issued && u.From == issuance && u.To == holding && u.Class == listed.Instrument.Class => u.Blocks.Sum(b => b.Count),
                _ => 0,
            };
            settlements.Add(new TradeSettlement(c.Trade, c.ValueFen, c.BuyerFeeFen, c.SellerFeeFen,
                Paid($"{c.Reference}/pay"), Paid($"{c.Reference}/buyer-fee"), Paid($"{c.Reference}/seller-fee"),
                c.Quantity, delivered, c.Block, c.Listing, c.Label));
        }
        return settlements;

        long? Paid(string key) => paid.TryGetValue(key, out var fen) ? fen : null;
    }

    /// <summary>
    /// The trades an instrument's close counts: the national rule the 挂牌协议 (continuous) trades; Guangzhou's rule its
    /// 挂牌点选 (listing) trades, with the continuous trades standing in beside them where the instrument also trades on the
    /// book ([UNCONFIRMED] as a reading), in time order. Block trades never count.
    /// </summary>
    public static IReadOnlyList<TradePrint> ClosingPrints(ClosingRule rule, IReadOnlyList<ExchangeTrade> trades, IReadOnlyList<ListingTrade> picks)
    {
        ArgumentNullException.ThrowIfNull(trades);
        ArgumentNullException.ThrowIfNull(picks);
        var prints = trades.Select(t => t.Print());
        return rule == ClosingRule.GuangzhouClickListing
            ? [.. prints.Concat(picks.Select(p => p.Print())).OrderBy(p => p.At)]
            : [.. prints];
    }

    /// <summary>The reason journalled with the halt of an instrument that does not reconcile (<see cref="InstrumentHalt.ByReconciliation"/>).</summary>
    public const string ReconciliationHaltReason = "end of day: the reconciliation found a difference";

    private static async Task HaltAsync(ExchangeWork work, string instrument)
    {
        if (work.Book(instrument) is { IsHalted: true })
        {
            return;
        }
        var (outcome, _) = await work.SubmitAsync(ExchangeInput.Halted, instrument,
            new ExchangeInput(instrument, 0, 0, null, null, null, 0, work.Actor.UserName, null, ReconciliationHaltReason))
            .ConfigureAwait(false);
        if (!outcome.IsAccepted)
        {
            throw new InvalidOperationException($"{instrument} could not be halted: {outcome.Reason}");
        }
        await work.Session.Exchange.SetHaltedAsync(instrument, true).ConfigureAwait(false);
    }

    private sealed record Reference(string Instrument, long Fen);

    private sealed record Payload(IReadOnlyList<Reference> References);
}
