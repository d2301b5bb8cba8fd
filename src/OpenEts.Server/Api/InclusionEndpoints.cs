using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Forms;
using OpenEts.Application.Inclusion;
using OpenEts.Application.Offsets;
using OpenEts.Application.Registry;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Api;

/// <summary>
/// Carbon inclusion (碳普惠): <c>/api/v1/inclusion</c>. Programmes are public; a citizen records actions in batches, reads
/// their statement and redeems coins; the regulator records for citizens (the data partners), reads statements, totals
/// and aggregations; the programme operator aggregates a period into a PHCER monitoring report. Parse → call → map.
/// </summary>
internal static partial class InclusionEndpoints
{
    public static void MapInclusionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/inclusion").WithTags("Inclusion");
        group.MapGet("/programmes", (InclusionQueries q) => TypedResults.Ok(q.Programmes.Select(InclusionViews.Programme).ToList())).AllowAnonymous()
            .WithSummary("Every programme version: behaviours with methodology parameters (source, [UNCONFIRMED] flag), coin rules, caps, timing, catalogue");
        group.MapGet("/programmes/{id}", ProgrammeAsync).AllowAnonymous()
            .WithSummary("One programme version by id, e.g. fuzhou-lvbao-2024");
        group.MapPost("/actions", RecordAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.InclusionRecorders })
            .WithSummary("Record a batch of actions (idempotent by source and eventId); each action's result: counted, duplicate or refused with its rule");
        group.MapGet("/me", MineAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.Citizen })
            .WithSummary("My statement: coins spendable, pending, redeemed and expired, reductions, the last 30 days, recent actions and redemptions");
        group.MapGet("/citizens/{userName}", CitizenAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.AuditReaders })
            .WithSummary("A citizen's statement (regulator, auditor)");
        group.MapPost("/redemptions", RedeemAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.Citizen })
            .WithSummary("Redeem coins for a catalogue item (idempotencyKey: a retry returns the first redemption)");
        group.MapGet("/programmes/{code}/totals", TotalsAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.InclusionOverseers })
            .WithSummary("A programme's counted actions, reductions, coins and citizens by behaviour over a period (from, to: yyyy-MM-dd)");
        group.MapGet("/programmes/{code}/aggregations", AggregationsAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.InclusionOverseers })
            .WithSummary("A programme's periods aggregated into PHCER monitoring reports");
        group.MapPost("/aggregations", AggregateAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.MrvCompany })
            .WithSummary("Aggregate a period's reductions into a PHCER monitoring report on the programme's project (its owner), through the offsets module");
        MapSamples(group);
        MapCitizens(group);
        MapMerchantsAndPartners(group);
        MapSettlements(group);
        MapQuality(group);
    }

    public sealed record ActionInput(string EventId, string Source, string Behaviour, string OccurredAt, decimal Quantity, decimal? Minutes = null,
        decimal? OwnAverage = null, string? User = null, string? Signature = null);

    public sealed record BatchInput(string Programme, IReadOnlyList<ActionInput> Actions);

    /// <summary>An action as typed, as the use case reads it.</summary>
    public static RecordActions.ActionForm Form(ActionInput a) => new(a.EventId, a.Source, a.Behaviour, a.OccurredAt, a.Quantity, a.Minutes,
        a.OwnAverage, a.User, a.Signature);

    public sealed record RedeemInput(string Programme, string Item, string IdempotencyKey);

    public sealed record AggregateInput(string Programme, string PeriodStart, string PeriodEnd);

    private static Results<Ok<InclusionViews.ProgrammeView>, NotFound> ProgrammeAsync(string id, InclusionQueries q) =>
        q.Find(id) is { } p ? TypedResults.Ok(InclusionViews.Programme(p)) : TypedResults.NotFound();

    private static async Task<Results<Ok<InclusionViews.RecordedView>, ValidationProblem, ProblemHttpResult>> RecordAsync(BatchInput input,
        HttpContext http, InclusionCommandHandler handler, CancellationToken ct) =>
        RecordActions.TryParse(new(input.Programme, [.. (input.Actions ?? []).Select(Form)]), handler.Programmes, out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => InclusionViews.Recorded((RecordedActions)r))
            : Problems.Fields(errors);

    private static async Task<Results<Ok<InclusionViews.StatementView>, NotFound>> MineAsync(HttpContext http, InclusionQueries q, CancellationToken ct) =>
        await q.StatementAsync(http.User.Actor(), null, ct).ConfigureAwait(false) is { } s ? TypedResults.Ok(InclusionViews.Statement(s)) : TypedResults.NotFound();

    private static async Task<Results<Ok<InclusionViews.StatementView>, NotFound>> CitizenAsync(string userName, HttpContext http, InclusionQueries q,
        CancellationToken ct) =>
        await q.StatementAsync(http.User.Actor(), userName, ct).ConfigureAwait(false) is { } s ? TypedResults.Ok(InclusionViews.Statement(s)) : TypedResults.NotFound();

    private static async Task<Results<Ok<InclusionViews.RedemptionView>, ValidationProblem, ProblemHttpResult>> RedeemAsync(RedeemInput input,
        HttpContext http, InclusionCommandHandler handler, CancellationToken ct) =>
        RedeemCoins.TryParse(new(input.Programme, input.Item, input.IdempotencyKey), handler.Programmes, out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => InclusionViews.Redemption((CoinRedemption)r))
            : Problems.Fields(errors);

    private static async Task<Results<Ok<List<InclusionViews.TotalView>>, ValidationProblem, NotFound>> TotalsAsync(string code, HttpContext http,
        InclusionQueries q, CancellationToken ct, [FromQuery] string? from = null, [FromQuery] string? to = null)
    {
        var read = new FieldReader();
        var start = read.Date(from, "from");
        var end = read.Date(to, "to");
        if (!read.IsValid)
        {
            return Problems.Fields(read.Errors);
        }
        return await q.PeriodTotalsAsync(http.User.Actor(), code, start, end, ct).ConfigureAwait(false) is { } totals
            ? TypedResults.Ok(totals.Select(InclusionViews.Total).ToList())
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<List<InclusionViews.AggregationView>>, NotFound>> AggregationsAsync(string code, HttpContext http,
        InclusionQueries q, CancellationToken ct) =>
        await q.AggregationsAsync(http.User.Actor(), code, ct).ConfigureAwait(false) is { } list
            ? TypedResults.Ok(list.Select(InclusionViews.Aggregation).ToList())
            : TypedResults.NotFound();

    private static async Task<Results<Ok<InclusionViews.AggregationView>, ValidationProblem, ProblemHttpResult>> AggregateAsync(AggregateInput input,
        HttpContext http, InclusionCommandHandler handler, CancellationToken ct) =>
        AggregatePeriod.TryParse(new(input.Programme, input.PeriodStart, input.PeriodEnd), handler.Programmes, out var command, out var errors)
            ? ToHttp(await handler.AggregateAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => InclusionViews.Aggregation((InclusionAggregation)r))
            : Problems.Fields(errors);

    /// <summary>The HTTP answer to every inclusion command: 200 with the result, or problem+json naming the field and rule.</summary>
    private static Results<Ok<TView>, ValidationProblem, ProblemHttpResult> ToHttp<TView>(InclusionCommandOutcome outcome, Func<object, TView> view) =>
        outcome switch
        {
            InclusionCommandOutcome.Completed c => TypedResults.Ok(view(c.Result)),
            InclusionCommandOutcome.Invalid i => Problems.Fields(i.Errors),
            InclusionCommandOutcome.Refused { Kind: RefusalKind.Malformed } r => Problems.Fields([new FieldError(r.Field, r.Rule, r.Message) { Figures = r.Figures }]),
            InclusionCommandOutcome.Refused r => Refusal(r.Kind == RefusalKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict,
                r.Field, r.Rule, r.Message, r.Figures),
            InclusionCommandOutcome.Forbidden f => Refusal(StatusCodes.Status403Forbidden, "actor", "Role", $"only {string.Join(", ", f.Allowed)} may do this"),
            _ => throw new UnreachableException(),
        };

    private static ProblemHttpResult Refusal(int status, string field, string rule, string message, IReadOnlyList<string>? figures = null) =>
        TypedResults.Problem(RuleText.Message(field, rule, message, figures), statusCode: status, title: Text.T("problem.inclusionrefused"),
            extensions: new Dictionary<string, object?> { ["field"] = field, ["rule"] = rule });
}
