using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Exchange;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Exchange;

/// <summary>
/// Block trades (大宗协议): propose one to a counterparty's trading account, accept or decline one proposed to your
/// organisation, withdraw your own, and see them all with their settlement. Parse → call → map.
/// </summary>
[Authorize(Roles = Access.RegistryHolders)]
public sealed class BlocksModel(ExchangeService exchange, ExchangeQueries queries, TimeProvider clock) : ExchangePageModel
{
    public IReadOnlyList<ListedInstrument> Instruments { get; private set; } = [];

    public TradingAccount? Account { get; private set; }

    public IReadOnlyList<BlockTrade> Blocks { get; private set; } = [];

    public string? Done { get; private set; }

    [BindProperty]
    public string? Instrument { get; set; }

    [BindProperty]
    public string? Side { get; set; }

    [BindProperty]
    public long? Counterparty { get; set; }

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

    public async Task<IActionResult> OnPostProposeAsync(CancellationToken ct)
    {
        if (!ProposeBlockTrade.TryParse(new(Instrument, Side, Counterparty, Price, Quantity, IdempotencyKey), out var command, out var errors))
        {
            Report(errors);
        }
        else if (Report(await exchange.HandleAsync(User.Actor(), command, clock.GetUtcNow(), ct)))
        {
            return Redirect("/Exchange/Blocks?done=proposed");
        }
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync([FromForm] long block, CancellationToken ct) => RunAsync(new AcceptBlockTrade(block), "accepted", ct);

    public Task<IActionResult> OnPostCancelAsync([FromForm] long block, CancellationToken ct) => RunAsync(new CancelBlockTrade(block), "ended", ct);

    private async Task<IActionResult> RunAsync(IExchangeCommand command, string done, CancellationToken ct)
    {
        if (Report(await exchange.HandleAsync(User.Actor(), command, clock.GetUtcNow(), ct)))
        {
            return Redirect("/Exchange/Blocks?done=" + done);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = User.Actor();
        Instruments = await queries.InstrumentsAsync(ct);
        Account = await queries.AccountAsync(actor, ct);
        Blocks = await queries.MyBlockTradesAsync(actor, ct);
        Instrument ??= Instruments.Count > 0 ? Instruments[0].Instrument.Code : null;
        IdempotencyKey = Guid.NewGuid().ToString("N");
    }
}
