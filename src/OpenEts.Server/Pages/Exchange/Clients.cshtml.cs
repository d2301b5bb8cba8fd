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

    /// <summary>Client accounts another member offered to move to this member, waiting for its acceptance.</summary>
    public IReadOnlyList<TradingClient> Offered { get; private set; } = [];

    /// <summary>This member's clients whose move the offered member declined (with its reason), by client account.</summary>
    public IReadOnlyDictionary<long, ClientMoveDeclined> Declined { get; private set; } = new Dictionary<long, ClientMoveDeclined>();

    public Task<IActionResult> OnPostOpenAsync(CancellationToken ct) =>
        SendAsync(OpenClientAccount.TryParse(new(ClientCode, HoldingAccount), out var command, out var errors), command, errors, "clientopened", ct);

    public Task<IActionResult> OnPostSuspendAsync([FromForm] long? account, [FromForm] string? reason, CancellationToken ct)
    {
        PostedForm = $"suspend:{account}";
        return SendAsync(SuspendTradingAccount.TryParse(new(account, reason), out var command, out var errors), command, errors, "accountsuspended", ct);
    }

    public Task<IActionResult> OnPostReinstateAsync([FromForm] long? account, CancellationToken ct) =>
        SendAsync(ReinstateTradingAccount.TryParse(new(account, null), out var command, out var errors), command, errors, "accountreinstated", ct);

    public Task<IActionResult> OnPostCloseAsync([FromForm] long? account, CancellationToken ct) =>
        SendAsync(CloseTradingAccount.TryParse(new(account), out var command, out var errors), command, errors, "accountclosed", ct);

    // Withdrawing a mandate the client has not yet confirmed: never a close of an account the client confirmed meanwhile.
    public Task<IActionResult> OnPostWithdrawMandateAsync([FromForm] long? account, CancellationToken ct) =>
        SendAsync(CloseTradingAccount.TryParse(new(account, WithdrawOnly: true), out var command, out var errors), command, errors, "clientwithdrawn", ct);

    public Task<IActionResult> OnPostTransferAsync([FromForm] long? account, [FromForm] long? toMember, CancellationToken ct)
    {
        PostedForm = $"transfer:{account}";
        return SendAsync(TransferClientAccount.TryParse(new(account, toMember), out var command, out var errors), command, errors, "transferoffered", ct);
    }

    public Task<IActionResult> OnPostAcceptAsync([FromForm] long? account, CancellationToken ct) =>
        SendAsync(AcceptClientTransfer.TryParse(new(account), out var command, out var errors), command, errors, "clienttransferred", ct);

    public Task<IActionResult> OnPostDeclineAsync([FromForm] long? account, [FromForm] string? reason, CancellationToken ct)
    {
        PostedForm = $"decline:{account}";
        return SendAsync(DeclineClientTransfer.TryParse(new(account, reason), out var command, out var errors), command, errors, "transferdeclined", ct);
    }

    public Task<IActionResult> OnPostWithdrawAsync([FromForm] long? account, CancellationToken ct) =>
        SendAsync(WithdrawClientTransfer.TryParse(new(account, null), out var command, out var errors), command, errors, "transferwithdrawn", ct);

    // A client account withdrawn before its client confirmed it is gone, not closed: the message says so.
    protected override string DoneOf(ExchangeOutcome.Completed completed, string done) =>
        completed.Event == CloseTradingAccount.WithdrawnKind ? "clientwithdrawn" : done;

    protected override async Task LoadMoreAsync(Actor actor, CancellationToken ct)
    {
        Clients = await Queries.ClientsAsync(actor, ct);
        Offered = await Queries.TransfersOfferedAsync(actor, ct);
        Declined = await Queries.DeclinedMovesAsync(actor, ct);
    }
}
