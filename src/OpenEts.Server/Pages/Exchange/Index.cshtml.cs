using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Exchange;
using OpenEts.Domain.Exchange;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Exchange;

/// <summary>
/// Trading (交易): the listed instruments with their depth, order entry for the trader's organisation, its orders (with
/// cancel), its trades with their settlement, and its position and cash. Parse → call → map.
/// </summary>
[Authorize(Roles = Access.RegistryHolders)]
public sealed class IndexModel(ExchangeService exchange, ExchangeQueries queries, TimeProvider clock) : ExchangePageModel
{
    public IReadOnlyList<ListedInstrument> Instruments { get; private set; } = [];

    public Dictionary<string, Depth> Depths { get; } = new(StringComparer.Ordinal);

    public TradingPosition? Position { get; private set; }

    public IReadOnlyList<ExchangeOrder> Orders { get; private set; } = [];

    public IReadOnlyList<ExchangeTrade> Trades { get; private set; } = [];

    public string? Done { get; private set; }

    [BindProperty]
    public string? Instrument { get; set; }

    [BindProperty]
    public string? Side { get; set; }

    [BindProperty]
    public string? Type { get; set; }

    [BindProperty]
    public decimal? Price { get; set; }

    [BindProperty]
    public long? Quantity { get; set; }

    [BindProperty]
    public string? IdempotencyKey { get; set; }

    public async Task OnGetAsync([FromQuery] string? done, CancellationToken ct)
    {
        Done = done;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostPlaceAsync(CancellationToken ct)
    {
        if (!PlaceOrder.TryParse(new(Instrument, Side, Type, Price, Quantity, IdempotencyKey), out var command, out var errors))
        {
            Report(errors);
        }
        else if (Report(await exchange.HandleAsync(User.Actor(), command, clock.GetUtcNow(), ct)))
        {
            return Redirect("/Exchange?done=placed");
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync([FromForm] long? order, CancellationToken ct)
    {
        if (!CancelOrder.TryParse(new(order), out var command, out var errors))
        {
            Report(errors);
        }
        else if (Report(await exchange.HandleAsync(User.Actor(), command, clock.GetUtcNow(), ct)))
        {
            return Redirect("/Exchange?done=cancelled");
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAmendAsync(
        [FromForm] long? order, [FromForm] decimal? amendPrice, [FromForm] long? amendQuantity, CancellationToken ct)
    {
        if (!AmendOrder.TryParse(new(order, amendPrice, amendQuantity), out var command, out var errors))
        {
            Report(errors);
        }
        else if (Report(await exchange.HandleAsync(User.Actor(), command, clock.GetUtcNow(), ct)))
        {
            return Redirect("/Exchange?done=amended");
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = User.Actor();
        Instruments = await queries.InstrumentsAsync(ct);
        foreach (var i in Instruments)
        {
            if (await queries.DepthAsync(i.Instrument.Code, ExchangeQueries.DefaultDepthLevels, ct) is { } depth)
            {
                Depths[i.Instrument.Code] = depth;
            }
        }
        Position = await queries.PositionAsync(actor, ct);
        Orders = await queries.MyOrdersAsync(actor, ct);
        Trades = await queries.MyTradesAsync(actor, ct);
        Instrument ??= Instruments.Count > 0 ? Instruments[0].Instrument.Code : null;
        IdempotencyKey = Guid.NewGuid().ToString("N");
    }
}
