using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenEts.Application.DualControl.Calculators;
using OpenEts.Application.DualControl.Cards;
using OpenEts.Application.Files;
using OpenEts.Application.Registry;
using OpenEts.Domain.DualControl.Cards;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Api;

/// <summary>
/// Polluter red/yellow cards (环保红黄牌) and reduction calculators: <c>/api/v1/energy/cards</c> and
/// <c>/api/v1/energy/calculators</c>. Rules, published lists and the calculators are public; officers record violations,
/// confirm, dismiss, lift and escalate cards and publish lists; a company reads its own history. Parse → call → map.
/// </summary>
internal static class EnergyCardsEndpoints
{
    public static void MapEnergyCardsApi(this IEndpointRouteBuilder app)
    {
        var cards = app.MapGroup("/api/v1/energy/cards").WithTags("EnergyCards");
        var officers = new AuthorizeAttribute { Roles = Access.Regulator };
        cards.MapGet("/rules", (CardsQueries q) => TypedResults.Ok(q.Rules.Select(EnergyCardsViews.Rules).ToList())).AllowAnonymous()
            .WithSummary("Every jurisdiction's card rules: which violation earns which card (fine bands), deadlines, list cadence, 挂牌督办, credit grades; each number's source and [UNCONFIRMED] flag");
        cards.MapGet("/lists", ListsAsync).AllowAnonymous()
            .WithSummary("Every published quarterly list, newest first");
        cards.MapGet("/lists/{jurisdiction}/{quarter}", ListAsync).AllowAnonymous()
            .WithSummary("A published quarterly list (quarter: 2026Q2)");
        cards.MapGet("/lists/{jurisdiction}/{quarter}/list.xlsx", ListXlsxAsync).AllowAnonymous()
            .WithSummary("A published quarterly list as .xlsx, Chinese headers, in the shape the provinces publish");
        cards.MapGet("/", AllAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.AuditReaders })
            .WithSummary("Every card and violation (regulator, auditor)");
        cards.MapGet("/companies/{organisation}", CompanyAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.CardHistoryReaders })
            .WithSummary("A company's violations, cards, environmental credit grade and 挂牌督办 quarters (its own representative, the regulator, the auditor)");
        cards.MapPost("/violations", RecordAsync).RequireAuthorization(officers)
            .WithSummary("Record a violation with evidence (an exceedance: parameter, measured value and limit); the jurisdiction's rules propose a card");
        cards.MapPost("/{card}/decision", DecideAsync).RequireAuthorization(officers)
            .WithSummary("Confirm a proposed card with evidence (a yellow card gets its rectification deadline) or dismiss it");
        cards.MapPost("/{card}/lift", LiftAsync).RequireAuthorization(officers)
            .WithSummary("Lift a card in force after verified rectification, with the verification's evidence");
        cards.MapPost("/from-monitoring", FromMonitoringAsync).RequireAuthorization(officers)
            .WithSummary("Propose cards from online monitoring: one total-load violation per meter and month whose readings summed above the meter's permitted daily use (the days' totals as evidence); rerunning proposes nothing twice");
        cards.MapPost("/escalations", EscalateAsync).RequireAuthorization(officers)
            .WithSummary("Escalate every yellow card past its deadline without rectification to red; returns the red cards issued");
        cards.MapPost("/lists", PublishAsync).RequireAuthorization(officers)
            .WithSummary("Publish a jurisdiction's list for an ended quarter (once; marked late after the due day)");

        var calc = app.MapGroup("/api/v1/energy/calculators").WithTags("EnergyCards");
        calc.MapGet("/scc", (ReductionCheck c) => TypedResults.Ok(c.Scc.All.Select(EnergyCardsViews.Scc).ToList())).AllowAnonymous()
            .WithSummary("The social-cost-of-carbon series (USD/t CO2), each value with its source and [UNCONFIRMED] flag");
        calc.MapPost("/apu", (ReductionCheck.ApuForm form, ReductionCheck c) =>
                Answer(c.TryApu(form, out var r, out var e), r, e)).AllowAnonymous()
            .WithSummary("Recompute an APU-replacement claim: flights × fuel per stay × factor − electricity × grid factor; flags a claim that does not follow");
        calc.MapPost("/boiler", (ReductionCheck.BoilerForm form, ReductionCheck c) =>
                Answer(c.TryBoiler(form, out var r, out var e), r, e)).AllowAnonymous()
            .WithSummary("Recompute a boiler fuel-switch claim: old fuel × factor − new fuel × factor − electricity × grid factor");
        calc.MapPost("/pv", (ReductionCheck.PvForm form, ReductionCheck c) =>
                Answer(c.TryPv(form, out var r, out var e), r, e)).AllowAnonymous()
            .WithSummary("Recompute a PV claim: kW × full-load hours × grid factor");
        calc.MapPost("/retrofit", (ReductionCheck.RetrofitForm form, ReductionCheck c) =>
                Answer(c.TryRetrofit(form, out var r, out var e), r, e)).AllowAnonymous()
            .WithSummary("Recompute an energy-saving retrofit claim: electricity saved × grid factor + fuel saved × fuel factor");
    }

    public sealed record ViolationInput(string Organisation, string Jurisdiction, string Kind, string ObservedOn, string Evidence, string? Parameter = null,
        decimal? Measured = null, decimal? Limit = null, string? Unit = null, decimal? FineYuan = null);

    public sealed record DecisionInput(string Decision, string Evidence);

    public sealed record LiftInput(string Evidence);

    public sealed record PublishInput(string Jurisdiction, string Quarter);

    public sealed record FromMonitoringInput(string Jurisdiction, string? From = null, string? To = null, string? Region = null);

    public sealed record AllView(IReadOnlyList<EnergyCardsViews.CardView> Cards, IReadOnlyList<EnergyCardsViews.ViolationView> Violations);

    private static Results<Ok<EnergyCardsViews.RecalculationView>, ValidationProblem> Answer(bool ok, CheckedReduction? result,
        IReadOnlyList<FieldError> errors) =>
        ok ? TypedResults.Ok(EnergyCardsViews.Recalculation(result!)) : Problems.Fields(errors);

    private static async Task<Ok<List<EnergyCardsViews.ListView>>> ListsAsync(CardsQueries q, CancellationToken ct) =>
        TypedResults.Ok((await q.PublishedAsync(ct).ConfigureAwait(false)).Select(EnergyCardsViews.List).ToList());

    private static async Task<Results<Ok<EnergyCardsViews.ListView>, NotFound>> ListAsync(string jurisdiction, string quarter, CardsQueries q,
        CancellationToken ct) =>
        Quarter.TryParse(quarter, out var qr, out _) && await q.PublishedAsync(jurisdiction, qr.Value, ct).ConfigureAwait(false) is { } list
            ? TypedResults.Ok(EnergyCardsViews.List(list))
            : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> ListXlsxAsync(string jurisdiction, string quarter, CardsQueries q,
        CancellationToken ct)
    {
        if (!Quarter.TryParse(quarter, out var qr, out _) || await q.PublishedAsync(jurisdiction, qr.Value, ct).ConfigureAwait(false) is not { } list)
        {
            return TypedResults.NotFound();
        }
        using var buffer = new MemoryStream();
        TabularWriter.WriteXlsx(buffer, CardListSheet.Header, CardListSheet.Rows(list, Localization.DataNotes.TriggerInChinese));
        return TypedResults.File(buffer.ToArray(), TabularWriter.XlsxContentType, CardListSheet.FileName(list));
    }

    private static async Task<Results<Ok<AllView>, NotFound>> AllAsync(HttpContext http, CardsQueries q, CancellationToken ct)
    {
        var actor = http.User.Actor();
        return await q.CardsAsync(actor, ct).ConfigureAwait(false) is { } all && await q.ViolationsAsync(actor, ct).ConfigureAwait(false) is { } violations
            ? TypedResults.Ok(new AllView([.. all.Select(EnergyCardsViews.Card)], [.. violations.Select(EnergyCardsViews.Violation)]))
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<EnergyCardsViews.CompanyView>, NotFound>> CompanyAsync(string organisation, HttpContext http, CardsQueries q,
        CancellationToken ct) =>
        await q.CompanyAsync(http.User.Actor(), organisation, ct).ConfigureAwait(false) is { } c
            ? TypedResults.Ok(EnergyCardsViews.Company(c))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<EnergyCardsViews.RecordedView>, ValidationProblem, ProblemHttpResult>> RecordAsync(ViolationInput input,
        HttpContext http, CardsCommandHandler handler, CancellationToken ct) =>
        RecordViolation.TryParse(new(input.Organisation, input.Jurisdiction, input.Kind, input.ObservedOn, input.Parameter, input.Measured, input.Limit,
            input.Unit, input.FineYuan, input.Evidence), handler.Rules, out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => EnergyCardsViews.Recorded((RecordedViolation)r))
            : Problems.Fields(errors);

    private static async Task<Results<Ok<EnergyCardsViews.CardView>, ValidationProblem, ProblemHttpResult>> DecideAsync(long card, DecisionInput input,
        HttpContext http, CardsCommandHandler handler, CancellationToken ct) =>
        DecideCard.TryParse(new(card, input.Decision, input.Evidence), out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => EnergyCardsViews.Card((CardRecord)r))
            : Problems.Fields(errors);

    private static async Task<Results<Ok<EnergyCardsViews.CardView>, ValidationProblem, ProblemHttpResult>> LiftAsync(long card, LiftInput input,
        HttpContext http, CardsCommandHandler handler, CancellationToken ct) =>
        LiftCard.TryParse(new(card, input.Evidence), out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => EnergyCardsViews.Card((CardRecord)r))
            : Problems.Fields(errors);

    private static async Task<Results<Ok<EnergyCardsViews.ProposalsView>, ValidationProblem, ProblemHttpResult>> FromMonitoringAsync(
        FromMonitoringInput input, HttpContext http, CardsCommandHandler handler, CancellationToken ct) =>
        ProposeFromMonitoring.TryParse(new(input.Jurisdiction, input.From, input.To, input.Region), handler.Rules, out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => EnergyCardsViews.Proposals((MonitoringProposals)r))
            : Problems.Fields(errors);

    private static async Task<Results<Ok<List<EnergyCardsViews.CardView>>, ValidationProblem, ProblemHttpResult>> EscalateAsync(HttpContext http,
        CardsCommandHandler handler, CancellationToken ct) =>
        ToHttp(await handler.HandleAsync(http.User.Actor(), new EscalateOverdue(), ct).ConfigureAwait(false),
            r => ((IEnumerable<CardRecord>)r).Select(EnergyCardsViews.Card).ToList());

    private static async Task<Results<Ok<EnergyCardsViews.ListView>, ValidationProblem, ProblemHttpResult>> PublishAsync(PublishInput input,
        HttpContext http, CardsCommandHandler handler, CancellationToken ct) =>
        PublishCardList.TryParse(new(input.Jurisdiction, input.Quarter), handler.Rules, out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => EnergyCardsViews.List((CardList)r))
            : Problems.Fields(errors);

    /// <summary>The HTTP answer to every card command: 200 with the result, or problem+json naming the field and rule.</summary>
    private static Results<Ok<TView>, ValidationProblem, ProblemHttpResult> ToHttp<TView>(CardsCommandOutcome outcome, Func<object, TView> view) =>
        outcome switch
        {
            CardsCommandOutcome.Completed c => TypedResults.Ok(view(c.Result)),
            CardsCommandOutcome.Invalid i => Problems.Fields(i.Errors),
            CardsCommandOutcome.Refused { Kind: RefusalKind.Malformed } r => Problems.Fields([new FieldError(r.Field, r.Rule, r.Message)]),
            CardsCommandOutcome.Refused r => Refusal(r.Kind == RefusalKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict,
                r.Field, r.Rule, r.Message),
            CardsCommandOutcome.Forbidden f => Refusal(StatusCodes.Status403Forbidden, "actor", "Role", $"only {string.Join(", ", f.Allowed)} may do this"),
            _ => throw new UnreachableException(),
        };

    private static ProblemHttpResult Refusal(int status, string field, string rule, string message) =>
        TypedResults.Problem(RuleText.Message(field, rule, message), statusCode: status, title: Text.T("problem.cardsrefused"),
            extensions: new Dictionary<string, object?> { ["field"] = field, ["rule"] = rule });
}
