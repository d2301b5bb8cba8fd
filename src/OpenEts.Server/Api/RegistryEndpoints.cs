using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Compliance;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;
using CommandResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<OpenEts.Server.Api.RegistryEndpoints.OutcomeView>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;

namespace OpenEts.Server.Api;

/// <summary>
/// The carbon registry: <c>/api/v1/registry</c>. Companies and the exchange see and act for only the accounts they
/// represent (403 otherwise); the regulator issues and allocates; the regulator and the auditor read everything and
/// verify. A refused request is 409 problem+json naming the field and rule (400 for a malformed field). Every write is
/// parse → call → map: the body becomes the command's form, its <c>TryParse</c> reads it, <see cref="RegistryCommandHandler"/>
/// runs it, and <see cref="ToHttp"/> states the outcome.
/// </summary>
internal static partial class RegistryEndpoints
{
    public static void MapRegistryApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/registry").WithTags("Registry");
        var readers = new AuthorizeAttribute { Roles = Access.RegistryReaders };
        var holders = new AuthorizeAttribute { Roles = Access.RegistryHolders };
        var regulator = new AuthorizeAttribute { Roles = Access.Regulator };
        group.MapGet("/accounts", ListAsync).RequireAuthorization(readers)
            .WithSummary("Registry accounts (companies and the exchange: those they represent)");
        group.MapGet("/accounts/{account}/holdings", HoldingsAsync).RequireAuthorization(readers)
            .WithSummary("An account's holdings per unit class, with serial blocks");
        group.MapGet("/accounts/{account}/history", HistoryAsync).RequireAuthorization(readers)
            .WithSummary("Registry events touching an account, oldest first; filters kind, class, since, until; page skip, take (X-Total-Count)");
        group.MapGet("/serials/{class}/{serial}", SerialAsync).RequireAuthorization(readers)
            .WithSummary("Who holds one serial of a unit class: the account when you may see it, else only 'heldElsewhere'");
        group.MapPost("/transfers", ProposeAsync).RequireAuthorization(holders)
            .WithSummary("Propose a transfer; a second representative of the source must approve it");
        group.MapPost("/transfers/{id}/approve", ApproveAsync).RequireAuthorization(holders)
            .WithSummary("Approve a transfer proposal (not your own); the units move at once");
        group.MapPost("/transfers/{id}/reject", RejectAsync).RequireAuthorization(holders)
            .WithSummary("Reject (or withdraw) a transfer proposal");
        group.MapPost("/surrenders", SurrenderAsync).RequireAuthorization(holders)
            .WithSummary("Surrender units for a compliance year");
        group.MapPost("/issuances", IssueAsync).RequireAuthorization(regulator)
            .WithSummary("Issue new units into the issuance account");
        group.MapPost("/allocations", AllocateAsync).RequireAuthorization(regulator)
            .WithSummary("Allocate units from the issuance account to a holding account");
        group.MapGet("/verify", VerifyAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.AuditReaders })
            .WithSummary("Recompute the journal's hash chain and replay the registry; compare with the live registry");
        MapExports(group, readers);
        MapAdmin(group);
        MapOffsets(group, holders, regulator);
    }

    public sealed record AccountView(string Number, AccountKind Kind, AccountState State, string HolderName, IReadOnlyList<string> Representatives);

    public sealed record HoldingView(string Class, long Quantity, IReadOnlyList<string> Blocks);

    public sealed record HoldingsView(string Account, IReadOnlyList<HoldingView> Holdings);

    public sealed record HistoryView(long Sequence, DateTimeOffset At, string Actor, string Kind, JsonElement Event);

    /// <summary>A serial's holder: <c>status</c> is <c>held</c> (with the account, for the regulator, the auditor and the
    /// account's representatives), <c>heldElsewhere</c> (held by an account the caller may not see) or <c>notIssued</c>.</summary>
    public sealed record SerialView(string Class, long Serial, string? Account, SerialStatus Status);

    public enum SerialStatus
    {
        /// <summary>Held by the account named (one the caller may see).</summary>
        Held = 1,

        /// <summary>Held by an account the caller may not see.</summary>
        HeldElsewhere,

        /// <summary>Not issued yet.</summary>
        NotIssued,
    }

    /// <summary>What a completed request did: the event, whether it repeated an earlier request, and what it touched.</summary>
    /// <param name="Quantity">The units created, moved or proposed (a proposal moves none yet, but names its quantity).</param>
    public sealed record OutcomeView(string Event, bool Duplicate, long? Proposal, long Quantity, IReadOnlyList<string> Blocks);

    // Request bodies. Parameters without a default are required (a missing one is a 400 naming it); the values are
    // read by the command's TryParse.
    public sealed record TransferInput(string From, string To, string Class, long Quantity, string IdempotencyKey,
        DateTimeOffset? ExpiresAt = null);

    public sealed record DecisionInput(string IdempotencyKey, string? Reason = null);

    public sealed record SurrenderInput(string From, string Class, long Quantity, int ComplianceYear, string IdempotencyKey);

    public sealed record IssueInput(string Class, long Quantity, string IdempotencyKey);

    public sealed record AllocateInput(string To, string Class, long Quantity, string IdempotencyKey);

    private static async Task<Ok<List<AccountView>>> ListAsync(HttpContext http, RegistryQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.AccountsAsync(http.User.Actor(), ct).ConfigureAwait(false)).Select(View).ToList());

    private static async Task<Results<Ok<HoldingsView>, ValidationProblem, NotFound, ForbidHttpResult>> HoldingsAsync(
        string account, HttpContext http, RegistryQueries queries, CancellationToken ct)
    {
        var read = new FieldReader();
        var number = read.Account(account, "account");
        if (!read.IsValid)
        {
            return Problems.Fields(read.Errors);
        }
        return ToHttp(await queries.HoldingsAsync(http.User.Actor(), number, ct).ConfigureAwait(false), holdings =>
            TypedResults.Ok(new HoldingsView(number.Value, [.. holdings.Select(h =>
                new HoldingView(h.Class.ToString(), h.Total.Value, [.. h.Blocks.Select(h.Class.SerialText)]))])));
    }

    // Filters and a page of the history: ?kind=transfer&class=GDEA-2017&since=2017-07-01&until=2018-01-01&skip=0&take=100.
    // Oldest first; the X-Total-Count header gives how many match before paging.
    private static async Task<Results<Ok<List<HistoryView>>, ValidationProblem, NotFound, ForbidHttpResult>> HistoryAsync(
        string account, HttpContext http, RegistryQueries queries, CancellationToken ct,
        [FromQuery] string? kind = null, [FromQuery(Name = "class")] string? unitClass = null, [FromQuery] string? since = null,
        [FromQuery] string? until = null, [FromQuery] string? skip = null, [FromQuery] string? take = null)
    {
        var read = new FieldReader();
        var number = read.Account(account, "account");
        var (filter, skipped, taken, errors) = RegistryHistoryFilter.Parse(kind, unitClass, since, until, skip, take);
        if (!read.IsValid || errors.Count > 0)
        {
            return Problems.Fields([.. read.Errors, .. errors]);
        }
        return ToHttp(await queries.HistoryAsync(http.User.Actor(), number, filter, ct).ConfigureAwait(false), rows =>
        {
            http.Response.Headers["X-Total-Count"] = rows.Count.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Ok(rows.Skip(skipped).Take(taken ?? int.MaxValue)
                .Select(r => new HistoryView(r.Sequence, r.At, r.Actor, r.Kind, JsonSerializer.SerializeToElement(r.Event, RegistryEventJson.Options)))
                .ToList());
        });
    }

    private static async Task<Results<Ok<SerialView>, ValidationProblem>> SerialAsync(
        string @class, long serial, HttpContext http, RegistryQueries queries, CancellationToken ct)
    {
        var read = new FieldReader();
        var unitClass = read.Class(@class);
        if (!read.IsValid)
        {
            return Problems.Fields(read.Errors);
        }
        var holding = await queries.SerialAsync(http.User.Actor(), unitClass, serial, ct).ConfigureAwait(false);
        return TypedResults.Ok(holding switch
        {
            SerialHolding.HeldBy h => new SerialView(unitClass.ToString(), serial, h.Account.Number.Value, SerialStatus.Held),
            SerialHolding.HeldElsewhere => new SerialView(unitClass.ToString(), serial, null, SerialStatus.HeldElsewhere),
            _ => new SerialView(unitClass.ToString(), serial, null, SerialStatus.NotIssued),
        });
    }

    private static Task<CommandResult> ProposeAsync(
        TransferInput input, HttpContext http, RegistryCommandHandler handler, CancellationToken ct) =>
        RunAsync(ProposeTransfer.TryParse(new(input.From, input.To, input.Class, input.Quantity, input.IdempotencyKey, input.ExpiresAt),
            out var command, out var errors), command, errors, http, handler, ct);

    private static Task<CommandResult> ApproveAsync(
        long id, DecisionInput input, HttpContext http, RegistryCommandHandler handler, CancellationToken ct) =>
        RunAsync(ApproveTransfer.TryParse(new(id, input.IdempotencyKey), out var command, out var errors),
            command, errors, http, handler, ct);

    private static Task<CommandResult> RejectAsync(
        long id, DecisionInput input, HttpContext http, RegistryCommandHandler handler, CancellationToken ct) =>
        RunAsync(RejectTransfer.TryParse(new(id, input.Reason, input.IdempotencyKey), out var command, out var errors),
            command, errors, http, handler, ct);

    // A surrender for a compliance year is compliance's use case: the year's rules accept the units, or nothing moves.
    private static async Task<CommandResult> SurrenderAsync(
        SurrenderInput input, HttpContext http, ComplianceHandler handler, CancellationToken ct)
    {
        if (!SurrenderForCompliance.TryParse(new(null, input.From, input.Class, input.Quantity, input.ComplianceYear, input.IdempotencyKey),
            out var command, out var errors))
        {
            return Problems.Fields(errors);
        }
        return await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false) switch
        {
            ComplianceOutcome.Completed c => TypedResults.Ok(new OutcomeView(RegistryEventJson.KindOf(c.Event), c.Duplicate, null,
                c.Facts.Quantity.Value, c.Facts.Class is { } unitClass ? [.. c.Facts.Blocks.Select(unitClass.SerialText)] : [])),
            var other => ComplianceEndpoints.NotDone<CommandResult>(other, v => v, p => p),
        };
    }

    private static Task<CommandResult> IssueAsync(
        IssueInput input, HttpContext http, RegistryCommandHandler handler, CancellationToken ct) =>
        RunAsync(IssueUnits.TryParse(new(input.Class, input.Quantity, input.IdempotencyKey), out var command, out var errors),
            command, errors, http, handler, ct);

    private static Task<CommandResult> AllocateAsync(
        AllocateInput input, HttpContext http, RegistryCommandHandler handler, CancellationToken ct) =>
        RunAsync(AllocateUnits.TryParse(new(input.To, input.Class, input.Quantity, input.IdempotencyKey), out var command, out var errors),
            command, errors, http, handler, ct);

    private static async Task<Ok<RegistryCheck>> VerifyAsync(RegistryService registry, CancellationToken ct) =>
        TypedResults.Ok(await registry.VerifyAsync(ct).ConfigureAwait(false));

    private static AccountView View(Account a) =>
        new(a.Number.Value, a.Kind, a.State, a.HolderName, [.. a.Representatives.Select(r => r.Value)]);

    // The one preamble of every write: a form that did not parse is a 400 naming its fields; otherwise the handler runs
    // the command as the signed-in actor. Called as RunAsync(X.TryParse(form, out var c, out var e), c, e, …).
    private static async Task<CommandResult> RunAsync(bool parsed, IRegistryCommand? command, IReadOnlyList<FieldError> errors,
        HttpContext http, RegistryCommandHandler handler, CancellationToken ct) =>
        parsed && command is not null
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false))
            : Problems.Fields(errors);

    /// <summary>The HTTP answer to every registry command: 200 with what was done, or problem+json naming the field and rule.</summary>
    private static CommandResult ToHttp(RegistryCommandOutcome outcome) => outcome switch
    {
        RegistryCommandOutcome.Completed c => TypedResults.Ok(new OutcomeView(RegistryEventJson.KindOf(c.Event), c.Duplicate,
            c.Facts.Proposal?.Value, c.Facts.Quantity.Value,
            c.Facts.Class is { } unitClass ? [.. c.Facts.Blocks.Select(unitClass.SerialText)] : [])),
        RegistryCommandOutcome.Invalid i => Problems.Fields(i.Errors),
        // A registry rejection in the registry's own words (reg.rule.*), as the pages give it: a shared rule of the same name
        // speaks of something else (rule.UnknownProposal is the exchange's block trade).
        RegistryCommandOutcome.Refused { Kind: RefusalKind.Malformed } r =>
            Problems.Fields([new FieldError(r.Field, r.Reason.ToString(), r.Message) { Figures = r.Figures }], Text.T("problem.malformed"),
                e => RuleText.RegistryMessage(e.Field, e.Rule, e.Message, e.Figures)),
        RegistryCommandOutcome.Refused r => Refusal(r.Kind == RefusalKind.Forbidden ? StatusCodes.Status403Forbidden
            : StatusCodes.Status409Conflict, r.Field, r.Reason.ToString(), RuleText.RegistryMessage(r.Field, r.Reason.ToString(), r.Message, r.Figures)),
        RegistryCommandOutcome.Forbidden f => Refusal(StatusCodes.Status403Forbidden, "actor", "Role",
            RuleText.Message("actor", "Role", $"only {string.Join(", ", f.Allowed)} may do this")),
        _ => throw new UnreachableException(),
    };

    private static ProblemHttpResult Refusal(int status, string field, string rule, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: Text.T("problem.refused"),
            extensions: new Dictionary<string, object?> { ["field"] = field, ["rule"] = rule });

    /// <summary>The HTTP answer to reading one account: what <paramref name="found"/> makes of it, 404 or 403.</summary>
    private static Results<TFound, ValidationProblem, NotFound, ForbidHttpResult> ToHttp<T, TFound>(
        AccountRead<T> read, Func<T, TFound> found) where TFound : IResult => read switch
        {
            AccountRead<T>.Found f => found(f.Value),
            AccountRead<T>.Forbidden => TypedResults.Forbid(),
            AccountRead<T>.NotFound => TypedResults.NotFound(),
            _ => throw new UnreachableException(),
        };
}
