using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Exchange;
using OpenEts.Application.Identity;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Exchange;

/// <summary>
/// A member's clients (客户): its client accounts, each linked to the client's own registry holding account and cash,
/// and the form that opens one (客户开户). Parse → call → map.
/// </summary>
[Authorize(Roles = Access.RegistryHolders)]
public sealed class ClientsModel(ExchangeService exchange, ExchangeQueries queries, TimeProvider clock)
    : ExchangeTradingPageModel(exchange, queries, clock)
{
    public IReadOnlyList<TradingClient> Clients { get; private set; } = [];

    [BindProperty]
    public string? ClientCode { get; set; }

    [BindProperty]
    public string? HoldingAccount { get; set; }

    protected override string PagePath => "/Exchange/Clients";

    public Task<IActionResult> OnPostOpenAsync(CancellationToken ct) =>
        SendAsync(OpenClientAccount.TryParse(new(ClientCode, HoldingAccount), out var command, out var errors), command, errors, "clientopened", ct);

    protected override async Task LoadMoreAsync(Actor actor, CancellationToken ct)
    {
        Clients = await Queries.ClientsAsync(actor, ct);
    }
}
