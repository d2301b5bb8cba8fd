using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Exchange;
using OpenEts.Application.Identity;
using OpenEts.Domain.Exchange;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Exchange;

/// <summary>
/// Trading (交易): the listed instruments with their depth, order entry for the trader's organisation, its orders (with
/// cancel), its trades with their settlement, and its position and cash. Parse → call → map.
/// </summary>
[Authorize(Roles = Access.RegistryHolders)]
public sealed class IndexModel(ExchangeService exchange, ExchangeQueries queries, TimeProvider clock)
    : ExchangeTradingPageModel(exchange, queries, clock)
{
    public Dictionary<string, Depth> Depths { get; } = new(StringComparer.Ordinal);

    public TradingPosition? Position { get; private set; }

    public IReadOnlyList<ExchangeOrder> Orders { get; private set; } = [];

    public IReadOnlyList<ExchangeTrade> Trades { get; private set; } = [];

    [BindProperty]
    public string? Type { get; set; }

    protected override string PagePath => "/Exchange";

    public Task<IActionResult> OnPostPlaceAsync(CancellationToken ct) =>
        SendAsync(PlaceOrder.TryParse(new(Instrument, Side, Type, Price, Quantity, IdempotencyKey), out var command, out var errors), command, errors,
            "placed", ct);

    public Task<IActionResult> OnPostCancelAsync([FromForm] long? order, CancellationToken ct) =>
        SendAsync(CancelOrder.TryParse(new(order), out var command, out var errors), command, errors, "cancelled", ct);

    public Task<IActionResult> OnPostAmendAsync(
        [FromForm] long? order, [FromForm] decimal? amendPrice, [FromForm] long? amendQuantity, CancellationToken ct) =>
        SendAsync(AmendOrder.TryParse(new(order, amendPrice, amendQuantity), out var command, out var errors), command, errors, "amended", ct);

    protected override async Task LoadMoreAsync(Actor actor, CancellationToken ct)
    {
        foreach (var i in Instruments)
        {
            if (await Queries.DepthAsync(i.Instrument.Code, ExchangeQueries.DefaultDepthLevels, ct) is { } depth)
            {
                Depths[i.Instrument.Code] = depth;
            }
        }
        Position = await Queries.PositionAsync(actor, ct);
        Orders = await Queries.MyOrdersAsync(actor, ct);
        Trades = await Queries.MyTradesAsync(actor, ct);
    }
}
