using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Exchange;
using OpenEts.Application.Identity;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Exchange;

/// <summary>
/// Block trades (大宗协议): propose one to a counterparty's trading account, accept or decline one proposed to your
/// organisation, withdraw your own, and see them all with their settlement. Parse → call → map.
/// </summary>
[Authorize(Roles = Access.RegistryHolders)]
public sealed class BlocksModel(ExchangeService exchange, ExchangeQueries queries, TimeProvider clock)
    : ExchangeTradingPageModel(exchange, queries, clock)
{
    public IReadOnlyList<BlockTrade> Blocks { get; private set; } = [];

    [BindProperty]
    public long? Counterparty { get; set; }

    protected override string PagePath => "/Exchange/Blocks";

    public Task<IActionResult> OnPostProposeAsync(CancellationToken ct) =>
        SendAsync(ProposeBlockTrade.TryParse(new(Instrument, Side, Counterparty, Price, Quantity, IdempotencyKey), out var command, out var errors),
            command, errors, "proposed", ct);

    public Task<IActionResult> OnPostAcceptAsync([FromForm] long block, CancellationToken ct) => SendAsync(new AcceptBlockTrade(block), "accepted", ct);

    public Task<IActionResult> OnPostCancelAsync([FromForm] long block, CancellationToken ct) => SendAsync(new CancelBlockTrade(block), "ended", ct);

    protected override async Task LoadMoreAsync(Actor actor, CancellationToken ct)
    {
        Blocks = await Queries.MyBlockTradesAsync(actor, ct);
    }
}
