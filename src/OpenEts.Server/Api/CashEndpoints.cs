using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Cash;
using OpenEts.Application.Registry;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;
using CashCommandResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<OpenEts.Server.Api.CashEndpoints.CashOutcomeView>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult,
    Microsoft.AspNetCore.Http.HttpResults.NotFound>;

namespace OpenEts.Server.Api;

/// <summary>
/// Members' cash accounts: <c>/api/v1/cash</c>. A member reads its own statement; the regulator and the auditor read
/// every account; the regulator records deposits and withdrawals from the bank's confirmations. Parse → call → map.
/// </summary>
internal static class CashEndpoints
{
    public static void MapCashApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/cash").WithTags("Cash");
        var readers = new AuthorizeAttribute { Roles = Access.RegistryReaders };
        var regulator = new AuthorizeAttribute { Roles = Access.Regulator };
        group.MapGet("", OwnAsync).RequireAuthorization(readers)
            .WithSummary("Your organisation's cash: balance, reserved, available, open reservations and the latest movements (?page=)");
        group.MapGet("/organisations/{code}", StatementAsync).RequireAuthorization(readers)
            .WithSummary("One organisation's cash statement (the regulator and auditor: any; members: their own)");
        group.MapGet("/accounts", AccountsAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.AuditReaders })
            .WithSummary("Every cash account with its balance; the balances add up to zero (the external bank's is minus the money held)");
        group.MapPost("/deposits", DepositAsync).RequireAuthorization(regulator)
            .WithSummary("Record money a member paid in (入金): organisation, amount in yuan (exact to the fen), bank reference, idempotency key");
        group.MapPost("/withdrawals", WithdrawAsync).RequireAuthorization(regulator)
            .WithSummary("Record money paid out to a member (出金) from its available (unreserved) money");
    }

    public sealed record MoneyInput(string Organisation, decimal Amount, string Reference, string IdempotencyKey);

    /// <summary>What a completed cash or auction request did: the journal event, the id it made, and whether it was a repeat.</summary>
    public sealed record CashOutcomeView(string Event, long Id, bool Duplicate);

    public sealed record ReservationView(long Id, decimal Amount, decimal Original, string Reference);

    /// <summary>One movement; <c>balanceAfter</c> is the account's balance after it, as a bank statement gives it.</summary>
    public sealed record EntryView(long Id, DateTimeOffset At, CashEntryKind Kind, long From, long To, decimal Amount, string Direction,
        decimal BalanceAfter, string Reference, string Actor);

    /// <summary>A statement: one page of movements, newest first (<c>page</c> from 0, of <c>pages</c>, <c>pageSize</c> a page).</summary>
    public sealed record StatementView(string Organisation, string Name, long? Account, decimal Balance, decimal Reserved, decimal Available,
        IReadOnlyList<ReservationView> Reservations, IReadOnlyList<EntryView> Entries, int Page, int Pages, int PageSize);

    public sealed record AccountView(long Id, CashAccountKind Kind, long? OrganisationId, decimal Balance, decimal Reserved);

    public static StatementView View(CashStatement s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new StatementView(s.Organisation.Code.Value, s.Organisation.Name, s.Account?.Id, s.Balance, s.Reserved, s.Available,
            [.. s.Reservations.Select(r => new ReservationView(r.Id, r.Amount.Value, r.Original.Value, r.Reference))],
            [.. s.Entries.Select((e, i) => new EntryView(e.Id, e.At, s.KindOf(e), e.From, e.To, e.Amount.Value,
                s.Incoming(e) ? "in" : "out", s.BalanceAfter(i), e.Reference, e.Actor))],
            s.Page, s.Pages, CashQueries.PageSize);
    }

    private static async Task<Results<Ok<StatementView>, NotFound>> OwnAsync(HttpContext http, CashQueries queries, CancellationToken ct,
        [FromQuery] int? page = null) =>
        await queries.OwnStatementAsync(http.User.Actor(), page ?? 0, ct).ConfigureAwait(false) is { } s
            ? TypedResults.Ok(View(s))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<StatementView>, NotFound>> StatementAsync(string code, HttpContext http, CashQueries queries,
        CancellationToken ct, [FromQuery] int? page = null) =>
        CreditCode.Parse(code) is { Success: true } parsed
        && await queries.StatementAsync(http.User.Actor(), parsed.Code, page ?? 0, ct).ConfigureAwait(false) is { } s
            ? TypedResults.Ok(View(s))
            : TypedResults.NotFound();

    private static async Task<Ok<List<AccountView>>> AccountsAsync(HttpContext http, CashQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.AccountsAsync(http.User.Actor(), ct).ConfigureAwait(false) ?? [])
            .Select(a => new AccountView(a.Id, a.Kind, a.OrganisationId, a.Balance, a.Reserved)).ToList());

    private static async Task<CashCommandResult> DepositAsync(MoneyInput input, HttpContext http, CashCommandHandler handler, CancellationToken ct) =>
        DepositCash.TryParse(new(input.Organisation, input.Amount, input.Reference, input.IdempotencyKey), out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false))
            : Problems.Fields(errors);

    private static async Task<CashCommandResult> WithdrawAsync(MoneyInput input, HttpContext http, CashCommandHandler handler, CancellationToken ct) =>
        WithdrawCash.TryParse(new(input.Organisation, input.Amount, input.Reference, input.IdempotencyKey), out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false))
            : Problems.Fields(errors);

    /// <summary>The HTTP answer to every cash and auction command: 200 with what was done, 404, or problem+json naming the field and rule.</summary>
    public static CashCommandResult ToHttp(CashCommandOutcome outcome) => outcome switch
    {
        CashCommandOutcome.Completed c => TypedResults.Ok(new CashOutcomeView(c.Event, c.Id, c.Duplicate)),
        CashCommandOutcome.Invalid i => Problems.Fields(i.Errors),
        CashCommandOutcome.NotFound => TypedResults.NotFound(),
        CashCommandOutcome.Refused { Kind: RefusalKind.Malformed } r => Problems.Fields([new FieldError(r.Field, r.Rule, r.Message) { Figures = r.Figures }]),
        CashCommandOutcome.Refused r => Refusal(r.Kind == RefusalKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict,
            r.Field, r.Rule, r.Message, r.Figures),
        CashCommandOutcome.Forbidden f => Refusal(StatusCodes.Status403Forbidden, "actor", "Role", $"only {string.Join(", ", f.Allowed)} may do this"),
        _ => throw new UnreachableException(),
    };

    private static ProblemHttpResult Refusal(int status, string field, string rule, string message, IReadOnlyList<string>? figures = null) =>
        TypedResults.Problem(RuleText.Message(field, rule, message, figures), statusCode: status, title: Text.T("problem.cashrefused"),
            extensions: new Dictionary<string, object?> { ["field"] = field, ["rule"] = rule });
}
