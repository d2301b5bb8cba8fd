using Microsoft.AspNetCore.Http.HttpResults;
using OpenEts.Application.Exchange;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Api;

// A member's clients (客户): the member opens client accounts and lists them; its traders place orders for a client with
// the order's account, and read a client's orders, trades and position with ?account=. A trading account's life: the
// member suspends, reinstates, closes and moves its clients' accounts to another member, the exchange's staff any account; the
// client confirms or refuses a move, then the member it is offered to accepts or declines it; the offering member may withdraw it
// first. The client confirms or declines the mandate of a member that opened a client account for it.
internal static partial class ExchangeEndpoints
{
    private static void MapClients(RouteGroupBuilder group)
    {
        group.MapPost("/clients", OpenClientAsync).RequireAuthorization(Traders)
            .WithSummary("Open a client account (客户开户) for your organisation as a member: the client's credit code (a covered company or an "
                + "investor without a trading account) and its own registry holding account; the client's cash account is the client's. The account "
                + "awaits the client's confirmation of your mandate: nothing is entered for it until then (rule AwaitingClient)");
        group.MapGet("/clients/mandate", MandateAsync).RequireAuthorization(Traders)
            .WithSummary("The mandate waiting for your organisation as a client: the client account a member opened for it, the member, the "
                + "holding account and when, and whether you may answer it (a representative of that holding account); 404 when none waits");
        group.MapPost("/accounts/{id}/confirm", ConfirmMandateAsync).RequireAuthorization(Traders)
            .WithSummary("Confirm, as the client, the mandate of the member that opened this client account for your organisation: the account "
                + "opens and the member's traders enter its orders (rules NotTheClient: only a representative of its holding account; AccountState)");
        group.MapPost("/accounts/{id}/decline", DeclineMandateAsync).RequireAuthorization(Traders)
            .WithSummary("Decline, as the client, the mandate of the member that opened this client account for your organisation: the account is "
                + "deleted, so your organisation may accept another member or have its own trading account (rules NotTheClient, AccountState)");
        group.MapGet("/clients", ClientsAsync).RequireAuthorization(Traders)
            .WithSummary("Your organisation's client accounts as a member, by number, each with its state and any move to another member offered");
        group.MapGet("/clients/offered", OfferedAsync).RequireAuthorization(Traders)
            .WithSummary("Client accounts another member offered to move to your organisation (转托管), waiting for your acceptance");
        group.MapPost("/accounts/{id}/suspend", SuspendAsync).RequireAuthorization(Traders)
            .WithSummary("Suspend a trading account (暂停交易): a member its clients', the exchange's staff any; new orders are refused (rule "
                + "AccountSuspended), its resting orders and open listings are cancelled and their cash and units released, its open one-way bids withdrawn");
        group.MapPost("/accounts/{id}/reinstate", ReinstateAsync).RequireAuthorization(Traders)
            .WithSummary("Reinstate a suspended trading account: a member its clients' (unless the exchange suspended it), the exchange's staff any");
        group.MapPost("/accounts/{id}/close", CloseAsync).RequireAuthorization(Traders)
            .WithSummary("Close a trading account (销户): a member its clients', the exchange's staff any; only with no resting orders, listings, bids, "
                + "reserved or remaining cash (withdraw it first) and, for a member's own, no open client accounts (rule AccountInUse). A client account "
                + "still awaiting its client is withdrawn (deleted) instead; with withdrawOnly true (撤回开户) only that: an account its client has "
                + "confirmed meanwhile is refused (rule AccountState) and stays open");
        group.MapPost("/accounts/{id}/transfer", TransferAsync).RequireAuthorization(Traders)
            .WithSummary("Move a client account to another member (转托管): its present member offers it (the client confirms, then the new member "
                + "accepts), the exchange's staff decide it at once; toMember is the new member's own trading account; the client must have nothing resting");
        group.MapGet("/clients/move", ClientMoveAsync).RequireAuthorization(Traders)
            .WithSummary("The move of your organisation's client account to another member that its member offered, as the client: both members, "
                + "whether you confirmed it, and whether you may answer it (a representative of the holding account); 404 when none is offered");
        group.MapPost("/accounts/{id}/transfer/confirm", ConfirmMoveAsync).RequireAuthorization(Traders)
            .WithSummary("Confirm, as the client, the move of your organisation's client account that its member offered: the new member may then "
                + "accept it (rules NotTheClient: only a representative of its holding account; NoTransferOffer; AccountState when confirmed already)");
        group.MapPost("/accounts/{id}/transfer/refuse", RefuseMoveAsync).RequireAuthorization(Traders)
            .WithSummary("Refuse, as the client, the move of your organisation's client account that its member offered: the offer ends and your "
                + "member stays (rules NotTheClient, NoTransferOffer)");
        group.MapPost("/accounts/{id}/transfer/accept", AcceptTransferAsync).RequireAuthorization(Traders)
            .WithSummary("Accept a client account's move to your organisation offered by its present member, once the client confirmed it: it "
                + "becomes your client (rules ClientMoveUnconfirmed before the client's confirmation, NoTransferOffer, NotOfferedMember, AccountInUse)");
        group.MapPost("/accounts/{id}/transfer/decline", DeclineTransferAsync).RequireAuthorization(Traders)
            .WithSummary("Decline a client account's move to your organisation offered by its present member, giving a reason (required; "
                + "the offering member sees it beside its client): the offer ends and the client stays with its member (rules NoTransferOffer, "
                + "NotOfferedMember)");
        group.MapPost("/accounts/{id}/transfer/withdraw", WithdrawTransferAsync).RequireAuthorization(Traders)
            .WithSummary("Withdraw the move of your client's account to another member before that member accepts it: the offer ends and the "
                + "client stays yours; the exchange's staff withdraw any (rules NoTransferOffer, NotYourClient)");
    }

    /// <summary>A client account to open: the client's credit code and its registry holding account.</summary>
    public sealed record ClientInput(string? Client, string? HoldingAccount);

    /// <summary>Why a trading account is suspended or reinstated, for the record (optional).</summary>
    public sealed record AccountReasonInput(string? Reason = null);

    /// <summary>
    /// How to close: <c>withdrawOnly</c> true (撤回开户) withdraws a client account still awaiting its client and nothing else —
    /// an account the client has confirmed is refused, not closed; absent or false closes (销户) or withdraws, whichever applies.
    /// </summary>
    public sealed record CloseInput(bool? WithdrawOnly = null);

    /// <summary>The new member of a client account: that member's own trading account number.</summary>
    public sealed record TransferInput(long? ToMember);

    /// <summary>
    /// A member's client account: its trading account number, the client, its holding account, its state (<c>awaitingClient</c>
    /// until the client confirms the mandate, <c>open</c>, <c>suspended</c>, <c>closed</c>), the member it was offered to (转托管), if any,
    /// and whether the client confirmed that move (the new member accepts it only then).
    /// </summary>
    public sealed record ClientView(
        long Account, string Client, string Name, string HoldingAccount, bool Open, DateTimeOffset OpenedAt,
        [property: ApiEnum(typeof(TradingAccountState))] string State, long? TransferTo, bool TransferConfirmed);

    /// <summary>
    /// A trading account as it stands: its state (<c>awaitingClient</c>, <c>open</c>, <c>suspended</c>, <c>closed</c>), whether the exchange suspended it,
    /// its acting member (a client account), the member a move was offered to and whether the client confirmed that move.
    /// </summary>
    public sealed record AccountView(
        long Id, string HoldingAccount, [property: ApiEnum(typeof(TradingAccountState))] string State, bool SuspendedByExchange, long? Member,
        long? TransferTo, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, bool TransferConfirmed);

    /// <summary>
    /// A move of the caller's organisation's client account that its member offered, as the client sees it: the account, the
    /// present member (its own trading account and name), the new member, whether the client confirmed it, and whether the
    /// caller may confirm or refuse it.
    /// </summary>
    public sealed record ClientMoveView(
        long Account, long FromMember, string FromMemberName, long ToMember, string ToMemberName, bool Confirmed, bool MayAnswer);

    /// <summary>
    /// A member's mandate waiting for the caller's organisation as a client: the client account, its holding account, the member
    /// (its own trading account, credit code and name), when it was opened, and whether the caller may confirm or decline it.
    /// </summary>
    public sealed record MandateView(
        long Account, string HoldingAccount, long Member, string MemberCode, string MemberName, DateTimeOffset OpenedAt, bool MayAnswer);

    public static AccountView View(TradingAccount a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Id, a.HoldingAccount.Value, ApiDocument.EnumName(a.State), a.SuspendedByExchange, a.Member, a.TransferTo, a.OpenedAt, a.ClosedAt,
            a.TransferConfirmed);
    }

    private static ClientView View(TradingClient c) =>
        new(c.Account.Id, c.Code.Value, c.Name, c.Account.HoldingAccount.Value, c.Account.Open, c.Account.OpenedAt, ApiDocument.EnumName(c.Account.State),
            c.Account.TransferTo, c.Account.TransferConfirmed);

    private static async Task<ExchangeCommandResult> OpenClientAsync(
        ClientInput input, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        OpenClientAccount.TryParse(new(input.Client, input.HoldingAccount), out var command, out var errors)
            ? await SendAsync(command, http, exchange, clock, ct).ConfigureAwait(false)
            : Problems.Fields(errors);

    private static async Task<Results<Ok<MandateView>, NotFound>> MandateAsync(HttpContext http, ExchangeQueries queries, CancellationToken ct) =>
        await queries.MandateAsync(http.User.Actor(), ct).ConfigureAwait(false) is { } m
            ? TypedResults.Ok(new MandateView(m.Account.Id, m.Account.HoldingAccount.Value, m.MemberAccount, m.MemberCode.Value, m.MemberName,
                m.Account.OpenedAt, m.MayAnswer))
            : TypedResults.NotFound();

    private static Task<ExchangeCommandResult> ConfirmMandateAsync(long id, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        SendParsedAsync(AnswerClientMandate.TryParse(new(id, true), out var command, out var errors), command, errors, http, exchange, clock, ct);

    private static Task<ExchangeCommandResult> DeclineMandateAsync(long id, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        SendParsedAsync(AnswerClientMandate.TryParse(new(id, false), out var command, out var errors), command, errors, http, exchange, clock, ct);

    // A client's answer as parsed: sent when the request read, else the fields' problems.
    private static async Task<ExchangeCommandResult> SendParsedAsync(bool parsed, IExchangeCommand? command, IReadOnlyList<Domain.Organisations.FieldError> errors,
        HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        parsed ? await SendAsync(command!, http, exchange, clock, ct).ConfigureAwait(false) : Problems.Fields(errors);

    private static async Task<Results<Ok<ClientMoveView>, NotFound>> ClientMoveAsync(HttpContext http, ExchangeQueries queries, CancellationToken ct) =>
        await queries.ClientMoveAsync(http.User.Actor(), ct).ConfigureAwait(false) is { } m
            ? TypedResults.Ok(new ClientMoveView(m.Account.Id, m.FromMember, m.FromName, m.ToMember, m.ToName, m.Account.TransferConfirmed,
                m.MayAnswer))
            : TypedResults.NotFound();

    private static Task<ExchangeCommandResult> ConfirmMoveAsync(long id, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        SendParsedAsync(AnswerClientMove.TryParse(new(id, true), out var command, out var errors), command, errors, http, exchange, clock, ct);

    private static Task<ExchangeCommandResult> RefuseMoveAsync(long id, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        SendParsedAsync(AnswerClientMove.TryParse(new(id, false), out var command, out var errors), command, errors, http, exchange, clock, ct);

    private static async Task<Ok<List<ClientView>>> ClientsAsync(HttpContext http, ExchangeQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.ClientsAsync(http.User.Actor(), ct).ConfigureAwait(false)).Select(View).ToList());

    private static async Task<Ok<List<ClientView>>> OfferedAsync(HttpContext http, ExchangeQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.TransfersOfferedAsync(http.User.Actor(), ct).ConfigureAwait(false)).Select(View).ToList());

    private static async Task<ExchangeCommandResult> SuspendAsync(
        long id, AccountReasonInput? input, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        SuspendTradingAccount.TryParse(new(id, input?.Reason), out var command, out var errors)
            ? await SendAsync(command, http, exchange, clock, ct).ConfigureAwait(false)
            : Problems.Fields(errors);

    private static async Task<ExchangeCommandResult> ReinstateAsync(
        long id, AccountReasonInput? input, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        ReinstateTradingAccount.TryParse(new(id, input?.Reason), out var command, out var errors)
            ? await SendAsync(command, http, exchange, clock, ct).ConfigureAwait(false)
            : Problems.Fields(errors);

    private static async Task<ExchangeCommandResult> CloseAsync(
        long id, CloseInput? input, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        CloseTradingAccount.TryParse(new(id, input?.WithdrawOnly), out var command, out var errors)
            ? await SendAsync(command, http, exchange, clock, ct).ConfigureAwait(false)
            : Problems.Fields(errors);

    private static async Task<ExchangeCommandResult> TransferAsync(
        long id, TransferInput input, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        TransferClientAccount.TryParse(new(id, input.ToMember), out var command, out var errors)
            ? await SendAsync(command, http, exchange, clock, ct).ConfigureAwait(false)
            : Problems.Fields(errors);

    private static async Task<ExchangeCommandResult> DeclineTransferAsync(
        long id, AccountReasonInput? input, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        DeclineClientTransfer.TryParse(new(id, input?.Reason), out var command, out var errors)
            ? await SendAsync(command, http, exchange, clock, ct).ConfigureAwait(false)
            : Problems.Fields(errors);

    private static async Task<ExchangeCommandResult> WithdrawTransferAsync(
        long id, AccountReasonInput? input, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        WithdrawClientTransfer.TryParse(new(id, input?.Reason), out var command, out var errors)
            ? await SendAsync(command, http, exchange, clock, ct).ConfigureAwait(false)
            : Problems.Fields(errors);

    private static async Task<ExchangeCommandResult> AcceptTransferAsync(
        long id, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        AcceptClientTransfer.TryParse(new(id), out var command, out var errors)
            ? await SendAsync(command, http, exchange, clock, ct).ConfigureAwait(false)
            : Problems.Fields(errors);
}
