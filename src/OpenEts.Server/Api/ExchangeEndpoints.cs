// Every exchange endpoint file answers a command with the same result type.
global using ExchangeCommandResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<OpenEts.Server.Api.ExchangeEndpoints.ExchangeOutcomeView>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenEts.Application.Exchange;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Matching;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Api;

/// <summary>
/// The exchange: <c>/api/v1/exchange</c>. The market (instruments, trades, depth) is public; traders place and cancel
/// orders for their organisation's trading account and read their orders, trades and position; the exchange's staff
/// list instruments, open trading accounts, halt and resume; members propose and accept block trades. Parse → call → map.
/// </summary>
internal static partial class ExchangeEndpoints
{
    // Who may call what, once for every exchange endpoint file (the lists live in Application: ExchangeRoles, Access).
    private static readonly AuthorizeAttribute Traders = new() { Roles = Access.RegistryHolders };
    private static readonly AuthorizeAttribute Operators = new() { Roles = nameof(Role.ExchangeMember) };
    private static readonly AuthorizeAttribute Supervisors = new() { Roles = string.Join(',', ExchangeRoles.Supervisors) };
    private static readonly AuthorizeAttribute Readers =
        new() { Roles = string.Join(',', ExchangeRoles.Traders.Concat(ExchangeRoles.Supervisors).Distinct()) };

    public static void MapExchangeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/exchange").WithTags("Exchange");
        group.MapGet("/instruments", InstrumentsAsync).AllowAnonymous()
            .WithSummary("Every listed instrument: lot, tick, band, maximum order, calendar, halted; public");
        group.MapGet("/instruments/{code}/trades", TradesAsync).AllowAnonymous()
            .WithSummary("An instrument's trade prints from ?from= to ?to= (ISO 8601; default the last 24 hours); public");
        group.MapGet("/instruments/{code}/depth", DepthAsync).AllowAnonymous()
            .WithSummary("An instrument's best price levels per side (?levels=, default 5); public");
        group.MapPost("/instruments", ListAsync).RequireAuthorization(Operators)
            .WithSummary("List an instrument (the exchange's staff): code, unit class, reference price, tick, lot, maximum order, band %, calendar");
        group.MapPost("/instruments/{code}/halt", HaltAsync).RequireAuthorization(Operators)
            .WithSummary("Halt an instrument (the exchange's staff) with a reason (required; shown with who halted and when): the book keeps its orders and accepts cancels only");
        group.MapPost("/instruments/{code}/resume", ResumeAsync).RequireAuthorization(Operators)
            .WithSummary("Resume a halted instrument (the exchange's staff)");
        group.MapPost("/instruments/{code}/rules", RulesAsync).RequireAuthorization(Operators)
            .WithSummary("Switch an instrument's trading rules (the exchange's staff): resaleNextDay, the T+1 resale restriction "
                + "(units bought on a Beijing trading day cannot be sold that day; [UNCONFIRMED], off by default), and bestFiveLevels, the national "
                + "rule that an order trades at the counterparty's price within the best 5 levels (off by default); a rule left out keeps its setting");
        group.MapPost("/accounts", OpenAccountAsync).RequireAuthorization(Operators)
            .WithSummary("Open a trading account (the exchange's staff): an organisation's credit code and its registry holding account");
        group.MapPost("/orders", PlaceAsync).RequireAuthorization(Traders)
            .WithSummary("Place an order for your organisation's trading account, or with account for one of your clients' (a member's 客户); a buy "
                + "reserves cash, a sell moves units to the clearing account, both of the account's organisation; trades settle at once");
        group.MapPost("/orders/{id}/cancel", CancelAsync).RequireAuthorization(Traders)
            .WithSummary("Cancel the open remainder of one of your organisation's or your clients' orders (also while halted); releases its cash or units");
        group.MapPost("/orders/{id}/amend", AmendAsync).RequireAuthorization(Traders)
            .WithSummary("Amend one of your organisation's or your clients' resting limit orders: a new price (optional) and the new open quantity; the same price "
                + "and a lower quantity keeps time priority, otherwise it re-enters and may trade at once; cancelled grows by the reduction");
        group.MapGet("/orders", OrdersAsync).RequireAuthorization(Traders)
            .WithSummary("Your organisation's orders, newest first (?account= one of your clients')");
        group.MapGet("/trades", MyTradesAsync).RequireAuthorization(Traders)
            .WithSummary("Your organisation's trades, newest first, each settled (units and cash) (?account= one of your clients')");
        group.MapGet("/position", PositionAsync).RequireAuthorization(Traders)
            .WithSummary("Your organisation's trading account, units free and in open sells, and cash (?account= one of your clients')");
        MapOrderBatch(group);
        MapEndOfDay(group);
        MapBlockTrades(group);
        MapListings(group);
        MapAuctions(group);
        MapClients(group);
    }

    /// <summary>
    /// An order; <c>type</c> may be left out (limit) and <c>price</c> for a market order; <c>account</c> is empty for your
    /// organisation's own trading account, or one of your clients' (客户) numbers. A member left out that the order needs is
    /// named by the use case (<c>Required</c>, <c>Quantity</c>, <c>IdempotencyKey</c>), not by the JSON reader.
    /// </summary>
    public sealed record OrderInput(
        string? Instrument, [property: ApiEnum(typeof(Side))] string? Side, [property: ApiEnum(typeof(OrderType))] string? Type = null,
        decimal? Price = null, long? Quantity = null, string? IdempotencyKey = null, long? Account = null);

    /// <summary>An instrument to list: tick, lot, maximum order, band and calendar may be left out (the national figures).</summary>
    public sealed record InstrumentInput(
        string? Code, string? Class, decimal? ReferencePrice, decimal? Tick = null, long? Lot = null, long? MaxOrder = null, decimal? BandPercent = null,
        string? Calendar = null);

    /// <summary>A halt's reason (required for a halt, named by the use case); a resume needs none.</summary>
    public sealed record HaltInput(string? Reason = null);

    /// <summary>An instrument's switchable rules; null keeps a rule as it is.</summary>
    public sealed record RulesInput(bool? ResaleNextDay = null, bool? BestFiveLevels = null);

    /// <summary>
    /// An amend: the new price (yuan/t; left out or null keeps it) and the new open quantity (t; left out is named
    /// <c>Quantity</c> by the use case).
    /// </summary>
    public sealed record AmendInput(decimal? Price = null, long? Quantity = null);

    public sealed record AccountInput(string? Organisation, string? HoldingAccount);

    public sealed record InstrumentView(
        string Code, string UnitClass, decimal ReferencePrice, decimal Tick, long Lot, long MaxOrder, decimal BandPercent, decimal LowerBand,
        decimal UpperBand, string Calendar, string Hours, bool Halted, bool Unconfirmed, bool ResaleNextDay, bool BestFiveLevels);

    /// <summary>An order: <c>reason</c> (camelCase) says why a remainder was cancelled, e.g. <c>unfilledRemainderCancelled</c>, <c>selfTradePrevented</c>, <c>cancelled</c>.</summary>
    public sealed record OrderView(
        long Id, string Instrument, [property: ApiEnum(typeof(Side))] string Side, [property: ApiEnum(typeof(OrderType))] string Type, decimal? Price,
        long Quantity, long Filled, long Resting, long Cancelled, [property: ApiEnum(typeof(OrderStatus))] string Status, string? Reason,
        DateTimeOffset PlacedAt, DateTimeOffset UpdatedAt, long Account);

    public sealed record TradeView(
        long Id, string Instrument, DateTimeOffset At, decimal Price, long Quantity, [property: ApiEnum(typeof(Side))] string Side, decimal Value, decimal Fee, string Settlement);

    public sealed record PrintView(long Sequence, string Instrument, DateTimeOffset At, decimal Price, long Quantity);

    public sealed record LevelView(decimal Price, long Quantity, int Orders);

    public sealed record DepthView(string Instrument, bool Halted, IReadOnlyList<LevelView> Bids, IReadOnlyList<LevelView> Asks);

    /// <summary>A position line: free tonnes, those held for sells on the book, in listings and in one-way auctions, and all it owns.</summary>
    public sealed record PositionLineView(string Instrument, long Free, long InOpenSells, long InListings, long InAuctions, long Owned)
    {
        internal static PositionLineView Of(PositionLine l) => new(l.Instrument, l.Free, l.InOpenSells, l.InListings, l.InAuctions, l.Owned);
    }

    public sealed record PositionView(
        long Account, string HoldingAccount, IReadOnlyList<PositionLineView> Lines, decimal CashBalance, decimal CashReserved, decimal CashAvailable);

    /// <summary>What a completed exchange command did: its journal event, subject, the order as it stands and the trades it made.</summary>
    public sealed record ExchangeOutcomeView(
        string Event, string Subject, bool Duplicate, OrderView? Order, IReadOnlyList<TradeView> Trades, EndOfDayView? EndOfDay,
        BlockTradeView? Block = null, ListingView? Listing = null, ListingTradeView? ListingTrade = null, AuctionView? Auction = null,
        IReadOnlyList<AuctionBidView>? AuctionBids = null, AccountView? Account = null);

    public static InstrumentView View(ListedInstrument l)
    {
        ArgumentNullException.ThrowIfNull(l);
        var i = l.Instrument;
        var settings = i.Settings();
        return new InstrumentView(i.Code, i.Class.ToString(), Yuan(i.ReferencePriceFen), Yuan(i.TickFen), i.LotTonnes, i.MaxOrderTonnes,
            i.BandBasisPoints / 100m, Yuan(settings.LowerBandFen), Yuan(settings.UpperBandFen), i.Calendar, i.TradingCalendar.SessionsText,
            l.Halted, i.IsUnconfirmed, i.ResaleNextDay, i.BestFiveLevels);
    }

    public static OrderView View(ExchangeOrder o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new(o.Id, o.Instrument, ApiDocument.EnumName(o.Side), ApiDocument.EnumName(o.Type), o.PriceFen is { } p ? Yuan(p) : null, o.Quantity,
            o.Filled, o.Resting, o.Cancelled, ApiDocument.EnumName(o.Status), o.Reason is { } r ? JsonNamingPolicy.CamelCase.ConvertName(r) : null,
            o.PlacedAt, o.UpdatedAt, o.AccountId);
    }

    /// <summary>A trade from one trading account's side (buy or sell), with that side's fee. Every stored trade is settled.</summary>
    public static TradeView View(ExchangeTrade t, long account)
    {
        ArgumentNullException.ThrowIfNull(t);
        var buyer = t.BuyAccount == account;
        return new(t.Id, t.Instrument, t.At, Yuan(t.PriceFen), t.Quantity, ApiDocument.EnumName(buyer ? Side.Buy : Side.Sell), Yuan(t.ValueFen),
            Yuan(buyer ? t.BuyerFeeFen : t.SellerFeeFen), "settled");
    }

    private static decimal Yuan(long fen) => Domain.Cash.Yuan.FromFen(fen).Value;

    private static async Task<Ok<List<InstrumentView>>> InstrumentsAsync(ExchangeQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.InstrumentsAsync(ct).ConfigureAwait(false)).Select(View).ToList());

    private static async Task<Results<Ok<List<PrintView>>, NotFound, ValidationProblem>> TradesAsync(
        string code, ExchangeQueries queries, TimeProvider clock, CancellationToken ct, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        if (ExchangeQueries.PrintWindowError(from, to) is { } error)
        {
            return Problems.Fields([error]);
        }
        return await queries.TradePrintsAsync(code, from, to, clock.GetUtcNow(), ct).ConfigureAwait(false) is { } prints
            ? TypedResults.Ok(prints.Select(p => new PrintView(p.Sequence, p.Instrument, p.At, Yuan(p.PriceFen), p.Quantity)).ToList())
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<DepthView>, ValidationProblem, NotFound>> DepthAsync(string code, ExchangeQueries queries, CancellationToken ct,
        int? levels = null) =>
        ExchangeQueries.DepthLevelsError(levels) is { } error ? Problems.Fields([error])
        : await queries.DepthAsync(code, levels ?? ExchangeQueries.DefaultDepthLevels, ct).ConfigureAwait(false) is { } d
            ? TypedResults.Ok(new DepthView(d.Instrument, d.Halted, [.. d.Bids.Select(Level)], [.. d.Asks.Select(Level)]))
            : TypedResults.NotFound();

    private static LevelView Level(DepthLevel l) => new(Yuan(l.PriceFen), l.Quantity, l.Orders);

    private static async Task<ExchangeCommandResult> ListAsync(
        InstrumentInput input, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        ListInstrument.TryParse(new(input.Code, input.Class, input.ReferencePrice, input.Tick, input.Lot, input.MaxOrder, input.BandPercent,
            input.Calendar), out var command, out var errors)
            ? await SendAsync(command, http, exchange, clock, ct).ConfigureAwait(false)
            : Problems.Fields(errors);

    private static Task<ExchangeCommandResult> HaltAsync(
        string code, HaltInput? input, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        HaltOrResumeAsync(code, input, halt: true, http, exchange, clock, ct);

    private static Task<ExchangeCommandResult> ResumeAsync(
        string code, HaltInput? input, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        HaltOrResumeAsync(code, input, halt: false, http, exchange, clock, ct);

    private static async Task<ExchangeCommandResult> HaltOrResumeAsync(
        string code, HaltInput? input, bool halt, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        HaltInstrument.TryParse(new(code, input?.Reason), halt, out var command, out var errors)
            ? await SendAsync(command, http, exchange, clock, ct).ConfigureAwait(false)
            : Problems.Fields(errors);

    private static async Task<ExchangeCommandResult> RulesAsync(
        string code, RulesInput input, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        SetTradingRules.TryParse(new(code, input.ResaleNextDay, input.BestFiveLevels), out var command, out var errors)
            ? await SendAsync(command, http, exchange, clock, ct).ConfigureAwait(false)
            : Problems.Fields(errors);

    private static async Task<ExchangeCommandResult> OpenAccountAsync(
        AccountInput input, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        OpenTradingAccount.TryParse(new(input.Organisation, input.HoldingAccount), out var command, out var errors)
            ? await SendAsync(command, http, exchange, clock, ct).ConfigureAwait(false)
            : Problems.Fields(errors);

    private static async Task<ExchangeCommandResult> PlaceAsync(
        OrderInput input, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        PlaceOrder.TryParse(new(input.Instrument, input.Side, input.Type, input.Price, input.Quantity, input.IdempotencyKey, input.Account),
            out var command, out var errors)
            ? await SendAsync(command, http, exchange, clock, ct).ConfigureAwait(false)
            : Problems.Fields(errors);

    private static async Task<ExchangeCommandResult> CancelAsync(
        long id, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        CancelOrder.TryParse(new(id), out var command, out var errors)
            ? await SendAsync(command, http, exchange, clock, ct).ConfigureAwait(false)
            : Problems.Fields(errors);

    private static async Task<ExchangeCommandResult> AmendAsync(
        long id, AmendInput input, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        AmendOrder.TryParse(new(id, input.Price, input.Quantity), out var command, out var errors)
            ? await SendAsync(command, http, exchange, clock, ct).ConfigureAwait(false)
            : Problems.Fields(errors);

    private static async Task<Ok<List<OrderView>>> OrdersAsync(HttpContext http, ExchangeQueries queries, CancellationToken ct, long? account = null) =>
        TypedResults.Ok((await queries.MyOrdersAsync(http.User.Actor(), account, ct).ConfigureAwait(false)).Select(View).ToList());

    private static async Task<Ok<List<TradeView>>> MyTradesAsync(HttpContext http, ExchangeQueries queries, CancellationToken ct, long? account = null)
    {
        var actor = http.User.Actor();
        var readable = await queries.ReadableAccountAsync(actor, account, ct).ConfigureAwait(false);
        return TypedResults.Ok((await queries.MyTradesAsync(actor, account, ct).ConfigureAwait(false)).Select(t => View(t, readable!.Id)).ToList());
    }

    private static async Task<Results<Ok<PositionView>, NotFound>> PositionAsync(
        HttpContext http, ExchangeQueries queries, CancellationToken ct, long? account = null) =>
        await queries.PositionAsync(http.User.Actor(), account, ct).ConfigureAwait(false) is { } p
            ? TypedResults.Ok(new PositionView(p.Account.Id, p.Account.HoldingAccount.Value,
                [.. p.Lines.Select(PositionLineView.Of)], p.CashBalance, p.CashReserved, p.CashAvailable))
            : TypedResults.NotFound();

    /// <summary>Runs one exchange command for the caller, now, and answers it.</summary>
    private static async Task<ExchangeCommandResult> SendAsync(
        IExchangeCommand command, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        ToHttp(await exchange.HandleAsync(http.User.Actor(), command, clock.GetUtcNow(), ct).ConfigureAwait(false));

    /// <summary>The HTTP answer to every exchange command: 200 with what was done, or problem+json naming the field and rule.</summary>
    public static ExchangeCommandResult ToHttp(ExchangeOutcome outcome) => outcome switch
    {
        ExchangeOutcome.Completed c => TypedResults.Ok(View(c)),
        ExchangeOutcome.Invalid i => Problems.Fields(i.Errors),
        ExchangeOutcome.Refused { Kind: RefusalKind.Malformed } r => Problems.Fields([new FieldError(r.Field, r.Rule.ToString(), r.Message) { Figures = r.Figures }]),
        ExchangeOutcome.Refused r => Refusal(r.Kind == RefusalKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict,
            r.Field, r.Rule.ToString(), r.Message, r.Figures),
        ExchangeOutcome.Forbidden f => Refusal(StatusCodes.Status403Forbidden, "actor", "Role", $"only {string.Join(", ", f.Allowed)} may do this"),
        _ => throw new UnreachableException(),
    };

    /// <summary>What a completed exchange command did, as the API shows it.</summary>
    public static ExchangeOutcomeView View(ExchangeOutcome.Completed c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new ExchangeOutcomeView(c.Event, c.Subject, c.Duplicate,
            c.Order is { } o ? View(o) : null, TradeViews(c.Trades, c.Order?.AccountId),
            c.EndOfDay is { } d ? View(d) : null, c.Block is { } b ? View(b) : null, c.Listing is { } l ? View(l, c.ListingTrade?.TakerAccount ?? l.AccountId) : null,
            c.ListingTrade is { } p ? View(p, p.TakerAccount) : null, c.Auction is { } a ? View(a) : null, c.AuctionBids?.Select(View).ToList(),
            c.Account is { } account ? View(account) : null);
    }

    // Each trade from the order's account's side (the buyer's when there is no order); most orders answer with none.
    private static TradeView[] TradeViews(IReadOnlyList<ExchangeTrade> trades, long? account)
    {
        if (trades.Count == 0)
        {
            return [];
        }
        var views = new TradeView[trades.Count];
        for (var i = 0; i < views.Length; i++)
        {
            views[i] = View(trades[i], account ?? trades[i].BuyAccount);
        }
        return views;
    }

    private static ProblemHttpResult Refusal(int status, string field, string rule, string message, IReadOnlyList<string>? figures = null) =>
        TypedResults.Problem(RuleText.Message(field, rule, message, figures), statusCode: status, title: Text.T("problem.exchangerefused"),
            extensions: new Dictionary<string, object?> { ["field"] = field, ["rule"] = rule });
}
