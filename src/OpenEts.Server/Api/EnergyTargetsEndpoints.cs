using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.DualControl.Targets;
using OpenEts.Application.Files;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.DualControl.Targets;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;
using static OpenEts.Server.Api.EnergyTargetsViews;

namespace OpenEts.Server.Api;

/// <summary>
/// Energy dual control, targets side: <c>/api/v1/energy</c>. The 晴雨表, grades and accountability list are public; plans,
/// statistics, key users and evidence are for the regulator and the auditor; the regulator adopts plans, loads
/// statistics, designates key users and scores assessments; a key user's company files its annual report. Parse → call → map.
/// </summary>
internal static class EnergyTargetsEndpoints
{
    public static void MapEnergyTargetsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/energy").WithTags("EnergyTargets");
        group.MapGet("/targets", PlansAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.AuditReaders })
            .WithSummary("The newest adopted version of every region's five-year plan and its split (province → cities → key energy users)");
        group.MapGet("/targets/{region}/versions", VersionsAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.AuditReaders })
            .WithSummary("Every adopted version of a region's plan, newest first (an adopted version never changes)");
        group.MapPost("/targets", AdoptAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.Regulator })
            .WithSummary("Adopt a plan version: the first is version 1, a revision the next; refused when the split does not sum or the increase is over the cap");
        group.MapGet("/statistics", StatisticsAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.AuditReaders })
            .WithSummary("Regional monthly and quarterly statistics of a year (region optional)");
        group.MapPost("/statistics", LoadAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.Regulator })
            .WithSummary("Load regional statistics (energy tce, output 万元); all rows or none; a loaded period is replaced");
        group.MapGet("/key-users", KeyUsersAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.AuditReaders })
            .WithSummary("Designated key energy users (from the covered-entity list, or added beside it)");
        group.MapPost("/key-users", DesignateAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.Regulator })
            .WithSummary("Designate a key energy user: an organisation of the covered-entity list, or a unit added beside it");
        group.MapPost("/annual-reports", ReportAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.EnergyReporters })
            .WithSummary("File a key energy user's annual energy report (its company, or the regulator)");
        group.MapGet("/progress", ProgressAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.EnergyProgressReaders })
            .WithSummary("Key energy users' budget and use of a year: a company's own units, or every unit for the regulator and the auditor");
        group.MapGet("/warnings", WarningsAsync).AllowAnonymous()
            .WithSummary("The barometer (晴雨表) of a round (period: 2025-Q1, 2025-M4, 2025-H1, 2025): red, yellow or green per unit and indicator");
        group.MapGet("/pollutant-warnings", PollutantWarningsAsync).AllowAnonymous()
            .WithSummary("The pollutant barometer (晴雨表) of a round: each plan pollutant total against the load its pollutant load meters measured from 1 January, on the linear path of the cut");
        group.MapGet("/assessments", AssessmentsAsync).AllowAnonymous()
            .WithSummary("A year's assessments: scores and grades for everyone, measure scores and evidence for the regulator and the auditor");
        group.MapPost("/assessments", ScoreAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.Regulator })
            .WithSummary("Score a unit's annual assessment: measure points per area with evidence; target points, grade and veto follow from the data");
        group.MapGet("/accountability", AccountabilityAsync).AllowAnonymous()
            .WithSummary("A year's accountability list: grades, veto, consequences, public praise for 完成 and 超额完成");
    }

    public sealed record StatisticsInput(IReadOnlyList<StatisticsRow> Rows);

    private static async Task<Ok<List<PlanView>>> PlansAsync(HttpContext http, EnergyTargetsQueries q, CancellationToken ct) =>
        TypedResults.Ok((await q.PlansAsync(http.User.Actor(), ct).ConfigureAwait(false)).Select(Plan).ToList());

    private static async Task<Results<Ok<List<PlanView>>, ValidationProblem>> VersionsAsync(string region, HttpContext http, EnergyTargetsQueries q,
        CancellationToken ct) =>
        UnitCode.TryCreate(region, out var code, out var reason)
            ? TypedResults.Ok((await q.PlanVersionsAsync(http.User.Actor(), code, ct).ConfigureAwait(false)).Select(Plan).ToList())
            : Problems.Fields([new FieldError("region", "UnitCode", $"region: {reason}")]);

    private static async Task<Results<Ok<PlanView>, ValidationProblem, ProblemHttpResult>> AdoptAsync(PlanDocument body, HttpContext http,
        EnergyTargetsCommandHandler handler, CancellationToken ct) =>
        AdoptPlan.TryParse(body, out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => Plan((PlanVersion)r))
            : Problems.Fields(errors);

    private static async Task<Results<Ok<List<StatisticView>>, ValidationProblem>> StatisticsAsync(HttpContext http, EnergyTargetsQueries q,
        [FromQuery] int year, [FromQuery] string? region, CancellationToken ct)
    {
        UnitCode? code = null;
        if (!string.IsNullOrWhiteSpace(region))
        {
            if (!UnitCode.TryCreate(region, out var c, out var reason))
            {
                return Problems.Fields([new FieldError("region", "UnitCode", $"region: {reason}")]);
            }
            code = c;
        }
        return TypedResults.Ok((await q.StatisticsAsync(http.User.Actor(), code, year, ct).ConfigureAwait(false)).Select(Statistic).ToList());
    }

    private static async Task<Results<Ok<LoadedView>, ValidationProblem, ProblemHttpResult>> LoadAsync(StatisticsInput body, HttpContext http,
        EnergyTargetsCommandHandler handler, CancellationToken ct) =>
        RecordStatistics.Read(body.Rows ?? [], out var refused) is { } command
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => new LoadedView(((StatisticsLoaded)r).Rows, ((StatisticsLoaded)r).Replaced))
            : Problems.Rows(refused);

    private static async Task<Ok<List<KeyUserView>>> KeyUsersAsync(HttpContext http, EnergyTargetsQueries q, CancellationToken ct) =>
        TypedResults.Ok((await q.KeyUsersAsync(http.User.Actor(), ct).ConfigureAwait(false)).Select(KeyUser).ToList());

    private static async Task<Results<Ok<KeyUserView>, ValidationProblem, ProblemHttpResult>> DesignateAsync(DesignateKeyUser.Form body,
        HttpContext http, EnergyTargetsCommandHandler handler, CancellationToken ct) =>
        DesignateKeyUser.TryParse(body, out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => KeyUser((KeyEnergyUser)r))
            : Problems.Fields(errors);

    private static async Task<Results<Ok<AnnualReportView>, ValidationProblem, ProblemHttpResult>> ReportAsync(RecordAnnualReport.Form body,
        HttpContext http, EnergyTargetsCommandHandler handler, CancellationToken ct) =>
        RecordAnnualReport.TryParse(body, out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => Report((AnnualEnergyReport)r))
            : Problems.Fields(errors);

    private static async Task<Results<Ok<List<ProgressView>>, ValidationProblem>> ProgressAsync(HttpContext http, EnergyTargetsQueries q,
        [FromQuery] int year, CancellationToken ct)
    {
        var answer = await q.ProgressAsync(http.User.Actor(), year, ct).ConfigureAwait(false);
        return answer.Errors.Count > 0 ? Problems.Fields(answer.Errors) : TypedResults.Ok(answer.Rows.Select(Progress).ToList());
    }

    private static async Task<Results<Ok<WarningTableView>, ValidationProblem>> WarningsAsync(HttpContext http, EnergyTargetsQueries q,
        CancellationToken ct, [FromQuery] string? period = null) =>
        WarningPeriod.TryParse(period, out var p, out var reason)
            ? TypedResults.Ok(Table(await q.WarningsAsync(Signed(http), p, ct).ConfigureAwait(false)))
            : Problems.Fields([new FieldError("period", "Period", $"period: {reason}")]);

    private static async Task<Results<Ok<PollutantTableView>, ValidationProblem>> PollutantWarningsAsync(HttpContext http, EnergyTargetsQueries q,
        CancellationToken ct, [FromQuery] string? period = null) =>
        WarningPeriod.TryParse(period, out var p, out var reason)
            ? TypedResults.Ok(Pollutants(await q.PollutantWarningsAsync(Signed(http), p, ct).ConfigureAwait(false)))
            : Problems.Fields([new FieldError("period", "Period", $"period: {reason}")]);

    private static async Task<Ok<List<AssessmentView>>> AssessmentsAsync(HttpContext http, EnergyTargetsQueries q, [FromQuery] int year, CancellationToken ct) =>
        TypedResults.Ok((await q.AssessmentsAsync(Signed(http), year, ct).ConfigureAwait(false)).Select(Assessment).ToList());

    private static async Task<Results<Ok<AssessmentView>, ValidationProblem, ProblemHttpResult>> ScoreAsync(ScoreAssessment.Form body,
        HttpContext http, EnergyTargetsCommandHandler handler, CancellationToken ct) =>
        ScoreAssessment.TryParse(body, out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => Assessment((AssessmentRecord)r))
            : Problems.Fields(errors);

    private static async Task<Ok<List<AccountabilityView>>> AccountabilityAsync(HttpContext http, EnergyTargetsQueries q,
        [FromQuery] int year, CancellationToken ct) =>
        TypedResults.Ok((await q.AccountabilityAsync(Signed(http), year, ct).ConfigureAwait(false)).Select(Accountability).ToList());

    private static Application.Identity.Actor? Signed(HttpContext http) => http.User.Identity?.IsAuthenticated == true ? http.User.Actor() : null;

    /// <summary>The HTTP answer to every targets command: 200 with the result, or problem+json naming the field (or rows) and rule.</summary>
    private static Results<Ok<TView>, ValidationProblem, ProblemHttpResult> ToHttp<TView>(EnergyTargetsOutcome outcome, Func<object, TView> view) =>
        outcome switch
        {
            EnergyTargetsOutcome.Completed c => TypedResults.Ok(view(c.Result)),
            EnergyTargetsOutcome.Invalid i => Problems.Fields(i.Errors),
            EnergyTargetsOutcome.RowsInvalid r => Problems.Rows(r.Errors),
            EnergyTargetsOutcome.Refused { Kind: RefusalKind.Malformed } r => Problems.Fields([new FieldError(r.Field, r.Rule, r.Message)]),
            EnergyTargetsOutcome.Refused r => Refusal(r.Kind == RefusalKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict,
                r.Field, r.Rule, r.Message),
            EnergyTargetsOutcome.Forbidden f => Refusal(StatusCodes.Status403Forbidden, "actor", "Role", $"only {string.Join(", ", f.Allowed)} may do this"),
            _ => throw new UnreachableException(),
        };

    private static ProblemHttpResult Refusal(int status, string field, string rule, string message) =>
        TypedResults.Problem(RuleText.Message(field, rule, message), statusCode: status, title: Text.T("problem.energyrefused"),
            extensions: new Dictionary<string, object?> { ["field"] = field, ["rule"] = rule });
}
