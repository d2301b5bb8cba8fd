using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Exchange;
using OpenEts.Application.Identity;
using OpenEts.Domain.Exchange;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Exchange;

/// <summary>
/// Trading (交易): the listed instruments with their depth, order entry for the trader's organisation, its orders (with
/// cancel), its trades with their settlement, and its position and cash. A member's trader picks its own account or one of
/// its clients' (客户) for an order and views a client's (<c>?client=</c>); a client's own users see their account read only,
/// a member's mandate waiting for them with confirm and decline, and a move to another member (转托管) its member offered with
/// confirm and refuse. Parse → call → map.
/// </summary>
[Authorize(Roles = Access.RegistryHolders)]
public sealed class IndexModel(ExchangeService exchange, ExchangeQueries queries, TimeProvider clock)
    : ExchangeTradingPageModel(exchange, queries, clock)
{
    public Dictionary<string, Depth> Depths { get; } = new(StringComparer.Ordinal);

    public TradingPosition? Position { get; private set; }

    public IReadOnlyList<ExchangeOrder> Orders { get; private set; } = [];

    public IReadOnlyList<ExchangeTrade> Trades { get; private set; } = [];

    /// <summary>The member's client accounts (empty for anyone else).</summary>
    public IReadOnlyList<TradingClient> Clients { get; private set; } = [];

    /// <summary>A member's mandate waiting for the user's organisation as a client (null for none).</summary>
    public ClientMandate? Mandate { get; private set; }

    /// <summary>A move of the user's organisation's client account to another member, offered by its member (null for none).</summary>
    public ClientMove? ClientMove { get; private set; }

    /// <summary>The trading account an order is for: empty for the organisation's own, or a client's.</summary>
    [BindProperty]
    public long? OrderAccount { get; set; }

    [BindProperty]
    public string? Type { get; set; }

    /// <summary>True when the signed-in user's organisation is a member's client: it reads its account and enters nothing.</summary>
    public bool ReadOnly => Account?.IsClient == true;

    protected override string PagePath => "/Exchange";

    // After an order for a client, or a change to one of its orders, the page shows that client's account.
    protected override string DoneUrl(string done) =>
        (Client ?? OrderAccount) is { } client
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{PagePath}?client={client}&done={done}")
            : base.DoneUrl(done);

    /// <summary>True when the done message says the order placed or amended was cancelled at once (and why).</summary>
    public bool DoneWithCancel => Done?.StartsWith("placed.", StringComparison.Ordinal) == true || Done?.StartsWith("amended.", StringComparison.Ordinal) == true;

    // An order accepted but cancelled at once (self-trade prevention, an IOC or market remainder, beyond the best levels)
    // says so instead of a plain 委托已提交.
    protected override string DoneOf(ExchangeOutcome.Completed completed, string done) =>
        completed is { Order: { Status: OrderStatus.Cancelled, Reason: { } reason } } && done is "placed" or "amended"
        && Localization.Text.Has($"exchange.done.{done}.{reason.ToLowerInvariant()}")
            ? $"{done}.{reason.ToLowerInvariant()}"
            : done;

    public Task<IActionResult> OnPostPlaceAsync(CancellationToken ct) =>
        SendAsync(PlaceOrder.TryParse(new(Instrument, Side, Type, Price, Quantity, IdempotencyKey, OrderAccount), out var command, out var errors), command,
            errors, "placed", ct);

    public Task<IActionResult> OnPostCancelAsync([FromForm] long? order, CancellationToken ct) =>
        SendAsync(CancelOrder.TryParse(new(order), out var command, out var errors), command, errors, "cancelled", ct);

    public Task<IActionResult> OnPostConfirmMandateAsync([FromForm] long? account, CancellationToken ct) => AnswerMandateAsync(account, true, ct);

    public Task<IActionResult> OnPostDeclineMandateAsync([FromForm] long? account, CancellationToken ct) => AnswerMandateAsync(account, false, ct);

    private Task<IActionResult> AnswerMandateAsync(long? account, bool confirm, CancellationToken ct) =>
        SendAsync(AnswerClientMandate.TryParse(new(account, confirm), out var command, out var errors), command, errors,
            confirm ? "mandateconfirmed" : "mandatedeclined", ct);

    public Task<IActionResult> OnPostConfirmMoveAsync([FromForm] long? account, CancellationToken ct) => AnswerMoveAsync(account, true, ct);

    public Task<IActionResult> OnPostRefuseMoveAsync([FromForm] long? account, CancellationToken ct) => AnswerMoveAsync(account, false, ct);

    private Task<IActionResult> AnswerMoveAsync(long? account, bool confirm, CancellationToken ct) =>
        SendAsync(AnswerClientMove.TryParse(new(account, confirm), out var command, out var errors), command, errors,
            confirm ? "moveconfirmed" : "moverefused", ct);

    /// <summary>The order whose amend was refused, shown again with what was typed and the errors beside it; null otherwise.</summary>
    public long? AmendedOrder { get; private set; }

    /// <summary>The amend's price and quantity as typed (shown again after a refusal).</summary>
    public (string? Price, string? Quantity) AmendTyped { get; private set; }

    public Task<IActionResult> OnPostAmendAsync(
        [FromForm] long? order, [FromForm] decimal? amendPrice, [FromForm] long? amendQuantity, CancellationToken ct)
    {
        AmendedOrder = order;
        AmendTyped = (Request.Form["amendPrice"].ToString(), Request.Form["amendQuantity"].ToString());
        return SendAsync(AmendOrder.TryParse(new(order, amendPrice, amendQuantity), out var command, out var errors), command, errors, "amended", ct);
    }

    // The amend row's inputs are the amend's price and quantity.
    protected override string CommandField(string input) => input switch
    {
        "amendPrice" => "price",
        "amendQuantity" => "quantity",
        _ => input,
    };

    protected override async Task LoadMoreAsync(Actor actor, CancellationToken ct)
    {
        foreach (var i in Instruments)
        {
            if (await Queries.DepthAsync(i.Instrument.Code, ExchangeQueries.DefaultDepthLevels, ct) is { } depth)
            {
                Depths[i.Instrument.Code] = depth;
            }
        }
        Clients = await Queries.ConfirmedClientsAsync(actor, ct);
        Mandate = await Queries.MandateAsync(actor, ct);
        ClientMove = await Queries.ClientMoveAsync(actor, ct);
        Position = await Queries.PositionAsync(actor, Client, ct);
        Orders = await Queries.MyOrdersAsync(actor, Client, ct);
        Trades = await Queries.MyTradesAsync(actor, Client, ct);
        OrderAccount ??= Client;
    }
}
