using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenEts.Application.Allocation;
using OpenEts.Application.Registry;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;
using OpenEts.Server.Pages.Allocation;

namespace OpenEts.Server.Api;

/// <summary>
/// Allocation plans and allocations: <c>/api/v1/allocation</c>. The schema is public; plans are read by every market
/// role; the regulator imports, edits (a change to an approved version is a new version), approves, and runs
/// pre-allocation and the true-up; allocations are read by the regulator and auditor, and by a company for itself.
/// Each endpoint is parse → call → map.
/// </summary>
internal static class AllocationEndpoints
{
    public static void MapAllocationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/allocation").WithTags("Allocation");
        var planReaders = new AuthorizeAttribute { Roles = Access.AllocationPlanReaders };
        var readers = new AuthorizeAttribute { Roles = Access.AllocationReaders };
        var regulator = new AuthorizeAttribute { Roles = Access.Regulator };
        group.MapGet("/schema", () => TypedResults.Text(PlanJson.SchemaText, "application/schema+json")).AllowAnonymous()
            .WithSummary("The JSON schema every plan document is checked against (plans/schema/plan.schema.json)");
        group.MapGet("/plans", PlansAsync).RequireAuthorization(planReaders)
            .WithSummary("Every version of every plan, with its status and the number of [UNCONFIRMED] figures");
        group.MapGet("/plans/{plan}/{version}", PlanAsync).RequireAuthorization(planReaders)
            .WithSummary("One plan version: the document and every [UNCONFIRMED] figure with its JSON path and source");
        group.MapPost("/plans", ImportAsync).RequireAuthorization(regulator)
            .WithSummary("Import a plan document (JSON text) as the plan's next version, a draft; problems name the JSON path and rule");
        group.MapPost("/plans/{plan}/{version}/edits", EditAsync).RequireAuthorization(regulator)
            .WithSummary("Change figures (JSON path or short name, value, source): a draft in place, an approved version as a new draft version");
        group.MapPost("/plans/{plan}/{version}/approve", ApproveAsync).RequireAuthorization(regulator)
            .WithSummary("Approve a draft version; from then on it never changes");
        group.MapPost("/what-if", WhatIfAsync).RequireAuthorization(planReaders)
            .WithSummary("Run a plan over every covered entity with figures changed (set: NAME=VALUE); stores and moves nothing");
        group.MapPost("/what-if/confirm", ConfirmWhatIfAsync).RequireAuthorization(regulator)
            .WithSummary("Confirm a what-if: its changed figures (set: NAME=VALUE, with their source) become a new draft version of the plan; moves nothing");
        group.MapPost("/{jurisdiction}/{year}/pre-allocation", PreAsync).RequireAuthorization(regulator)
            .WithSummary("Pre-allocate the year under the approved plan through the registry; entities already done are not moved again");
        group.MapPost("/{jurisdiction}/{year}/true-up", TrueUpAsync).RequireAuthorization(regulator)
            .WithSummary("True up the year (多退少补) on approved actual output: issue or withdraw the difference through the registry");
        group.MapGet("/{jurisdiction}/{year}/circumstances", CircumstancesAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.AuditReaders })
            .WithSummary("The special circumstances recorded for the year: closures, stoppages, new entrants, added capacity, excluded history years");
        group.MapPost("/{jurisdiction}/{year}/circumstances", RecordCircumstanceAsync).RequireAuthorization(regulator)
            .WithSummary("Record an entity's special circumstance before its true-up (art. 14–15), or the historical years excluded from its history basis");
        group.MapGet("/{jurisdiction}/{year}", AllocationsAsync).RequireAuthorization(readers)
            .WithSummary("The allocations of a year you may see (regulator, auditor: all; company: its own), with their calculations");
        group.MapGet("/{jurisdiction}/{year}/{organisation}", AllocationAsync).RequireAuthorization(readers)
            .WithSummary("One entity's allocation of a year: pre-allocated, final, the true-up, each with its calculation");
    }

    public sealed record ImportInput(string Document);

    public sealed record EditInput(string Path, decimal Value, string Source);

    public sealed record EditsInput(IReadOnlyList<EditInput> Edits);

    public sealed record WhatIfInput(string Plan, int Year, int? Version = null, IReadOnlyList<string>? Set = null);

    /// <summary>A what-if to confirm: the plan and the version it ran on (the newest when omitted), its year and figures, and their source.</summary>
    public sealed record ConfirmWhatIfInput(string Plan, int Year, string Source, IReadOnlyList<string> Set, int? Version = null);

    /// <summary>A special circumstance as typed: kind closure, stoppage (months), newEntrant, capacityChange (energy, tce) or historyExclusion (excludedYears).</summary>
    public sealed record CircumstanceInput(string Organisation, string Kind, string Reference, int? Months = null, decimal? Energy = null,
        IReadOnlyList<int>? ExcludedYears = null);

    public sealed record OutcomeView(string Event, AllocationViews.PlanSummary? Plan, AllocationViews.RunView? Run);

    private static async Task<Ok<List<AllocationViews.PlanSummary>>> PlansAsync(AllocationQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.PlansAsync(ct).ConfigureAwait(false)).Select(AllocationViews.PlanSummary.From).ToList());

    private static async Task<Results<Ok<AllocationViews.PlanView>, NotFound>> PlanAsync(string plan, int version, AllocationQueries queries,
        CancellationToken ct) =>
        await queries.PlanAsync(plan, version, ct).ConfigureAwait(false) is { } p ? TypedResults.Ok(AllocationViews.PlanView.From(p)) : TypedResults.NotFound();

    private static Task<Results<Ok<OutcomeView>, ValidationProblem, ProblemHttpResult, NotFound>> ImportAsync(ImportInput input, HttpContext http,
        AllocationCommandHandler handler, CancellationToken ct) =>
        RunAsync(ImportPlan.TryParse(new ImportPlan.Form(input.Document), out var command, out var errors), command, errors, http, handler, ct);

    // A refused edit is named by its place in the request and its figure in the plan's words (第 1 个新数值（电力 · 免费配额比例）).
    private static async Task<Results<Ok<OutcomeView>, ValidationProblem, ProblemHttpResult, NotFound>> EditAsync(string plan, int version,
        EditsInput input, HttpContext http, AllocationCommandHandler handler, AllocationQueries queries, CancellationToken ct)
    {
        var edits = input.Edits.Select(e => new SavePlanDraft.EditForm(e.Path, e.Value, e.Source)).ToList();
        if (!SavePlanDraft.TryParse(new SavePlanDraft.Form(plan, version, edits), out var command, out var errors))
        {
            return Problems.Fields(errors);
        }
        var outcome = await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false);
        return outcome is AllocationCommandOutcome.Invalid invalid && await queries.PlanAsync(plan, version, ct).ConfigureAwait(false) is { } stored
            ? Problems.Fields(invalid.Errors, describe: e => PlanEditText.Describe(e, stored, [.. edits.Select(x => x.Path)]))
            : ToHttp(outcome);
    }

    private static Task<Results<Ok<OutcomeView>, ValidationProblem, ProblemHttpResult, NotFound>> ApproveAsync(string plan, int version,
        HttpContext http, AllocationCommandHandler handler, CancellationToken ct) =>
        RunAsync(ApprovePlan.TryParse(new ApprovePlan.Form(plan, version), out var command, out var errors), command, errors, http, handler, ct);

    private static async Task<Results<Ok<AllocationViews.WhatIfView>, ValidationProblem>> WhatIfAsync(WhatIfInput input, HttpContext http,
        AllocationQueries queries, CancellationToken ct)
    {
        if (!PlanEdit.TryParseLines(input.Set, "what-if", out var edits, out var lineErrors))
        {
            return Problems.Fields(lineErrors);
        }
        var (result, errors) = await queries.WhatIfAsync(http.User.Actor(), input.Plan, input.Version, input.Year, edits, null, ct).ConfigureAwait(false);
        if (result is not null)
        {
            return TypedResults.Ok(AllocationViews.WhatIfView.From(result));
        }
        // A figure set out of its bounds is named as its line and its figure in the plan's words (修改的数值 1（电力 · 免费配额比例）).
        return await queries.WhatIfPlanAsync(input.Plan, input.Version, ct).ConfigureAwait(false) is { } stored
            ? Problems.Fields(errors, describe: e => PlanEditText.Describe(e, stored, [.. (input.Set ?? []).Select(PlanEdit.TargetOf)]))
            : Problems.Fields(errors);
    }

    private static Task<Results<Ok<OutcomeView>, ValidationProblem, ProblemHttpResult, NotFound>> ConfirmWhatIfAsync(ConfirmWhatIfInput input,
        HttpContext http, AllocationCommandHandler handler, CancellationToken ct) =>
        RunAsync(ConfirmWhatIf.TryParse(new ConfirmWhatIf.Form(input.Plan, input.Version, input.Year, input.Set, input.Source), out var command,
            out var errors), command, errors, http, handler, ct);

    private static async Task<Results<Ok<OutcomeView>, ValidationProblem, ProblemHttpResult, NotFound>> PreAsync(string jurisdiction, int year,
        HttpContext http, AllocationRunHandler handler, CancellationToken ct) =>
        RunPreAllocation.TryParse(new RunPreAllocation.Form(jurisdiction, year), out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false))
            : Problems.Fields(errors);

    private static async Task<Results<Ok<OutcomeView>, ValidationProblem, ProblemHttpResult, NotFound>> TrueUpAsync(string jurisdiction, int year,
        HttpContext http, AllocationRunHandler handler, CancellationToken ct) =>
        RunTrueUp.TryParse(new RunTrueUp.Form(jurisdiction, year), out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false))
            : Problems.Fields(errors);

    private static async Task<Ok<List<AllocationViews.CircumstanceView>>> CircumstancesAsync(string jurisdiction, int year, AllocationQueries queries,
        HttpContext http, CancellationToken ct) =>
        TypedResults.Ok((await queries.CircumstancesAsync(http.User.Actor(), jurisdiction, year, ct).ConfigureAwait(false))
            .Select(AllocationViews.CircumstanceView.From).ToList());

    private static Task<Results<Ok<OutcomeView>, ValidationProblem, ProblemHttpResult, NotFound>> RecordCircumstanceAsync(string jurisdiction, int year,
        CircumstanceInput input, HttpContext http, AllocationCommandHandler handler, CancellationToken ct) =>
        RunAsync(RecordCircumstance.TryParse(new RecordCircumstance.Form(jurisdiction, year, input.Organisation, input.Kind, input.Months, input.Energy,
            input.Reference, input.ExcludedYears is { } years ? string.Join(',', years) : null), out var command, out var errors),
            command, errors, http, handler, ct);

    // A jurisdiction no plan is of (the registry code GD for guangdong) is 400 naming the plans' own, not an empty list.
    private static async Task<Results<Ok<List<AllocationViews.AllocationView>>, ValidationProblem>> AllocationsAsync(string jurisdiction, int year,
        HttpContext http, AllocationQueries queries, CancellationToken ct)
    {
        var (_, known, unknown) = await queries.ChooseJurisdictionAsync(jurisdiction, ct).ConfigureAwait(false);
        return unknown is not null
            ? Problems.Fields([unknown])
            : TypedResults.Ok((await queries.AllocationsAsync(http.User.Actor(), known, year, ct).ConfigureAwait(false))
                .Select(AllocationViews.AllocationView.From).ToList());
    }

    private static async Task<Results<Ok<AllocationViews.AllocationView>, NotFound>> AllocationAsync(string jurisdiction, int year, string organisation,
        HttpContext http, AllocationQueries queries, CancellationToken ct) =>
        CreditCode.Parse(organisation) is { Success: true } code && await queries.AllocationAsync(http.User.Actor(), code.Code, jurisdiction, year, ct)
            .ConfigureAwait(false) is { } view
            ? TypedResults.Ok(AllocationViews.AllocationView.From(view))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<OutcomeView>, ValidationProblem, ProblemHttpResult, NotFound>> RunAsync(bool parsed,
        IAllocationCommand? command, IReadOnlyList<FieldError> errors, HttpContext http, AllocationCommandHandler handler, CancellationToken ct) =>
        parsed && command is not null
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false))
            : Problems.Fields(errors);

    /// <summary>The HTTP answer to every allocation command: 200 with what was done, 404, or problem+json naming the field and rule.</summary>
    private static Results<Ok<OutcomeView>, ValidationProblem, ProblemHttpResult, NotFound> ToHttp(AllocationCommandOutcome outcome) => outcome switch
    {
        AllocationCommandOutcome.Completed c => TypedResults.Ok(new OutcomeView(c.Event,
            c.Run is null && c.Plan is { } p ? AllocationViews.PlanSummary.From(p) : null, c.Run is { } r ? AllocationViews.RunView.From(c.Event, r) : null)),
        AllocationCommandOutcome.Invalid i => Problems.Fields(i.Errors),
        AllocationCommandOutcome.NotFound => TypedResults.NotFound(),
        AllocationCommandOutcome.Refused { Kind: RefusalKind.Malformed } r => Problems.Fields([new FieldError(r.Field, r.Rule, r.Message) { Figures = r.Figures }]),
        AllocationCommandOutcome.Refused r => Refusal(r.Kind == RefusalKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict,
            r.Field, r.Rule, r.Message, r.Figures),
        AllocationCommandOutcome.Forbidden f => Refusal(StatusCodes.Status403Forbidden, "actor", "Role", $"only {string.Join(", ", f.Allowed)} may do this"),
        _ => throw new UnreachableException(),
    };

    private static ProblemHttpResult Refusal(int status, string field, string rule, string message, IReadOnlyList<string>? figures = null) =>
        TypedResults.Problem(RuleText.Message(field, rule, message, figures), statusCode: status, title: Text.T("problem.allocationrefused"),
            extensions: new Dictionary<string, object?> { ["field"] = field, ["rule"] = rule });
}
