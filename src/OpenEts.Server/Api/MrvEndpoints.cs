using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Forms;
using OpenEts.Application.Mrv;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;
using CommandResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<OpenEts.Server.Api.MrvEndpoints.OutcomeView>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult,
    Microsoft.AspNetCore.Http.HttpResults.NotFound>;

namespace OpenEts.Server.Api;

/// <summary>
/// Emission reports and their verification: <c>/api/v1/mrv</c>. Companies file their own reports, the regulator
/// assigns verifiers and approves, the assigned verifier verifies; a report someone may not see is 404. Every write is
/// parse → call → map: the body becomes the command's form, its <c>TryParse</c> reads it, <see cref="MrvCommandHandler"/>
/// runs it, and <see cref="ToHttp"/> states the outcome.
/// </summary>
internal static class MrvEndpoints
{
    public static void MapMrvApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/mrv").WithTags("MRV");
        var readers = new AuthorizeAttribute { Roles = Access.MrvReaders };
        var company = new AuthorizeAttribute { Roles = Access.MrvCompany };
        var regulator = new AuthorizeAttribute { Roles = Access.Regulator };
        group.MapGet("/reports", ListAsync).RequireAuthorization(readers)
            .WithSummary("Reports you may see (regulator, auditor: all; company: its own; verifier: assigned); filters year, status");
        group.MapGet("/queue", QueueAsync).RequireAuthorization(readers)
            .WithSummary("Reports waiting for your role: drafts and returns (company), submitted and verified (regulator), assigned (verifier)");
        group.MapGet("/reports/{id}", ReportAsync).RequireAuthorization(readers)
            .WithSummary("One report: lines, outputs, the calculation with every figure's derivation, the verification");
        group.MapPost("/reports", SaveDraftAsync).RequireAuthorization(company)
            .WithSummary("Save your company's report for a year as a draft (created or replaced); recomputed with the current factor library");
        group.MapPost("/reports/{id}/submit", SubmitAsync).RequireAuthorization(company)
            .WithSummary("Submit a draft or returned report; refused with the calculation's errors; flagged late after the deadline");
        group.MapPost("/reports/{id}/assign", AssignAsync).RequireAuthorization(regulator)
            .WithSummary("Assign a verification body that declared no conflict of interest (conflictOfInterest: none)");
        group.MapPost("/reports/{id}/verification", VerifyAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.MrvVerifier })
            .WithSummary("Record the verification: adjusted lines with reason and evidence, a note on every warning, a conclusion");
        group.MapPost("/reports/{id}/approve", ApproveAsync).RequireAuthorization(regulator)
            .WithSummary("Approve a verified report: the approved total is the verified total rounded to 1 kg");
        group.MapPost("/reports/{id}/return", ReturnAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.MrvHolders })
            .WithSummary("Return a report to its company with comments (by the role that holds it)");
        group.MapPost("/reports/{id}/return-to-verifier", ReturnToVerifierAsync).RequireAuthorization(regulator)
            .WithSummary("Return a verified report to its verifier with comments, to be verified again (the regulator)");
        group.MapGet("/plans", PlanAsync).RequireAuthorization(company)
            .WithSummary("Your company's monitoring plan for a year (?year=)");
        group.MapPost("/plans", SavePlanAsync).RequireAuthorization(company)
            .WithSummary("Save your company's monitoring plan for a year: sources, methods, meters, measurement frequency");
        group.MapGet("/deadlines", DeadlinesAsync).RequireAuthorization(readers)
            .WithSummary("Reporting and verification deadlines by jurisdiction and year");
        group.MapPost("/deadlines", SetDeadlineAsync).RequireAuthorization(regulator)
            .WithSummary("Set a jurisdiction's deadlines for a reporting year (yyyy-MM-dd, China Standard Time)");
        // Public, as the disclosure page (/Disclosure) that links to it: the same approved figures, nothing else.
        group.MapGet("/approved", ApprovedAsync).AllowAnonymous()
            .WithSummary("Approved emissions by company and year (optionally ?year=)");
        group.MapPost("/calc", CalcAsync).RequireAuthorization(readers)
            .WithSummary("Compute a report as typed, storing nothing (live recompute)");
        group.MapGet("/factors", FactorsAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.Everyone })
            .WithSummary("The factor library in force (fuels, grid factors, heat factor, each with its source and flag) and every published correction");
        group.MapPost("/factors/impact", ImpactAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.AuditReaders })
            .WithSummary("The reports a factor correction would move and by how much, largest change first; publishes nothing");
        group.MapPost("/factors", PublishFactorsAsync).RequireAuthorization(regulator)
            .WithSummary("Publish a corrected factor from an official notice as a new factor-library version (kind: gridFactor, fuelNcv, fuelCarbonContent, fuelOxidation, heatFactor)");
    }

    /// <summary>What a completed request did: the journal event, and the report as it now stands (none for a plan or deadline).</summary>
    public sealed record OutcomeView(string Event, long? Report, [property: ApiEnum(typeof(ReportStatus))] string? Status, decimal? ReportedTonnes, bool? Late,
        decimal? VerifiedTonnes, decimal? ApprovedTonnes);

    public sealed record MeasuredInput([property: ApiEnum(typeof(ParameterKind))] string Parameter, decimal Value, string Evidence, string Rule);

    public sealed record LineInput([property: ApiEnum(typeof(SourceKind))] string Kind, string Material, decimal Amount,
        [property: ApiEnum(typeof(MeasureUnit))] string Unit, string? Id = null,
        IReadOnlyList<MeasuredInput>? Measured = null);

    public sealed record OutputInput([property: ApiEnum(typeof(OutputKind))] string Kind, decimal Amount,
        [property: ApiEnum(typeof(MeasureUnit))] string Unit, string? Detail = null);

    public sealed record DraftInput(int Year, IReadOnlyList<LineInput> Lines, IReadOnlyList<OutputInput>? Outputs = null, string? Region = null);

    public sealed record CalcInput(int Year, IReadOnlyList<LineInput> Lines, IReadOnlyList<OutputInput>? Outputs = null, string? Region = null,
        string? Sector = null);

    public sealed record AssignInput(string Verifier, string ConflictOfInterest);

    public sealed record AdjustmentInput(string LineId, decimal Amount, string Reason, string Evidence);

    public sealed record AcknowledgementInput(string Warning, string Note);

    /// <param name="Index">The output's position in the report's outputs, 0-based.</param>
    public sealed record OutputAdjustmentInput(int Index, decimal Amount, string Reason, string Evidence);

    /// <param name="Value">In the parameter's unit (GJ/t or GJ/10⁴Nm³ for NCV, tC/GJ for carbon content, a fraction for oxidation).</param>
    public sealed record ParameterAdjustmentInput(string LineId, [property: ApiEnum(typeof(ParameterKind))] string Parameter, decimal Value,
        string Reason, string Evidence);

    public sealed record VerificationInput(string Conclusion, IReadOnlyList<AdjustmentInput>? Adjustments = null,
        IReadOnlyList<AcknowledgementInput>? Acknowledgements = null, IReadOnlyList<OutputAdjustmentInput>? OutputAdjustments = null,
        IReadOnlyList<ParameterAdjustmentInput>? ParameterAdjustments = null);

    public sealed record ReturnToVerifierInput(string Comments);

    public sealed record ReturnInput(string Comments);

    public sealed record PlanSourceInput([property: ApiEnum(typeof(SourceKind))] string Kind, string Material, string Method, string Meter, string Frequency);

    public sealed record PlanInput(int Year, IReadOnlyList<PlanSourceInput> Sources);

    public sealed record DeadlineInput(string Jurisdiction, int Year, string ReportsDue, string VerificationDue);

    /// <param name="Kind">gridFactor, fuelNcv, fuelCarbonContent, fuelOxidation or heatFactor.</param>
    /// <param name="Target">The fuel code (fuel parameters) or the grid region (gridFactor); empty for heatFactor.</param>
    /// <param name="Year">The grid factor's year, or the notice's year.</param>
    public sealed record CorrectionInput(string? Kind, string? Target, int? Year, decimal? Value, string? Source);

    public sealed record PublishFactorsInput(string? Version, string? Notes, string? Kind, string? Target, int? Year, decimal? Value, string? Source);

    private static IReadOnlyList<LineForm> Lines(IReadOnlyList<LineInput> lines) => [.. lines.Select(l => new LineForm(l.Id, l.Kind, l.Material,
        l.Amount, l.Unit, l.Measured?.Select(m => new MeasuredForm(m.Parameter, m.Value, m.Evidence, m.Rule)).ToList()))];

    private static IReadOnlyList<OutputForm> Outputs(IReadOnlyList<OutputInput>? outputs) =>
        [.. (outputs ?? []).Select(o => new OutputForm(o.Kind, o.Amount, o.Unit, o.Detail))];

    // A status that is no status (?status=aproved, ?status=9) is named with the statuses there are, rather than
    // answered with every report as if no filter had been given.
    private static async Task<Results<Ok<List<MrvViews.ReportSummary>>, ValidationProblem>> ListAsync(HttpContext http, MrvQueries queries,
        CancellationToken ct, [FromQuery] int? year = null, [FromQuery] string? status = null)
    {
        var read = new FieldReader();
        var wanted = QueryValues.Choice<ReportStatus>(read, status, "status");
        if (!read.IsValid)
        {
            return Problems.Fields(read.Errors);
        }
        return TypedResults.Ok((await queries.ReportsAsync(http.User.Actor(), year, wanted, ct).ConfigureAwait(false))
            .Select(MrvViews.Summary).ToList());
    }

    private static async Task<Ok<List<MrvViews.ReportSummary>>> QueueAsync(HttpContext http, MrvQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.QueueAsync(http.User.Actor(), ct).ConfigureAwait(false)).Select(MrvViews.Summary).ToList());

    private static async Task<Results<Ok<MrvViews.ReportView>, NotFound>> ReportAsync(long id, HttpContext http, MrvQueries queries,
        CancellationToken ct) =>
        await queries.ReportAsync(http.User.Actor(), id, ct).ConfigureAwait(false) is { } detail
            ? TypedResults.Ok(MrvViews.Report(detail))
            : TypedResults.NotFound();

    private static Task<CommandResult> SaveDraftAsync(DraftInput input, HttpContext http, MrvCommandHandler handler, CancellationToken ct) =>
        RunAsync(SaveDraftReport.TryParse(new(input.Year, input.Region, Lines(input.Lines), Outputs(input.Outputs)), out var command, out var errors),
            command, errors, http, handler, ct);

    private static Task<CommandResult> SubmitAsync(long id, HttpContext http, MrvCommandHandler handler, CancellationToken ct) =>
        RunAsync(SubmitReport.TryParse(new(id), out var command, out var errors), command, errors, http, handler, ct);

    private static Task<CommandResult> AssignAsync(long id, AssignInput input, HttpContext http, MrvCommandHandler handler, CancellationToken ct) =>
        RunAsync(AssignVerifier.TryParse(new(id, input.Verifier, input.ConflictOfInterest), out var command, out var errors),
            command, errors, http, handler, ct, AssignVerifier.Allowed);

    private static Task<CommandResult> VerifyAsync(long id, VerificationInput input, HttpContext http, MrvCommandHandler handler,
        CancellationToken ct) =>
        RunAsync(RecordVerification.TryParse(new(id,
            input.Adjustments?.Select(a => new AdjustmentForm(a.LineId, a.Amount, a.Reason, a.Evidence)).ToList(),
            input.Acknowledgements?.Select(a => new AcknowledgementForm(a.Warning, a.Note)).ToList(), input.Conclusion,
            input.OutputAdjustments?.Select(o => new OutputAdjustmentForm(o.Index, o.Amount, o.Reason, o.Evidence)).ToList(),
            input.ParameterAdjustments?.Select(p => new ParameterAdjustmentForm(p.LineId, p.Parameter, p.Value, p.Reason, p.Evidence)).ToList()),
            out var command, out var errors), command, errors, http, handler, ct, RecordVerification.Allowed);

    private static Task<CommandResult> ApproveAsync(long id, HttpContext http, MrvCommandHandler handler, CancellationToken ct) =>
        RunAsync(ApproveReport.TryParse(new(id), out var command, out var errors), command, errors, http, handler, ct);

    private static Task<CommandResult> ReturnAsync(long id, ReturnInput input, HttpContext http, MrvCommandHandler handler, CancellationToken ct) =>
        RunAsync(ReturnReport.TryParse(new(id, input.Comments), out var command, out var errors), command, errors, http, handler, ct);

    private static Task<CommandResult> ReturnToVerifierAsync(long id, ReturnToVerifierInput input, HttpContext http, MrvCommandHandler handler,
        CancellationToken ct) =>
        RunAsync(ReturnToVerifier.TryParse(new(id, input.Comments), out var command, out var errors), command, errors, http, handler, ct);

    private static async Task<Results<Ok<MrvViews.PlanView>, NotFound>> PlanAsync(HttpContext http, MrvQueries queries, CancellationToken ct,
        [FromQuery] int? year = null) =>
        year is { } y && await queries.OwnPlanAsync(http.User.Actor(), y, ct).ConfigureAwait(false) is { } plan
            ? TypedResults.Ok(new MrvViews.PlanView(plan.Year, plan.Sources, plan.UpdatedAt))
            : TypedResults.NotFound();

    private static Task<CommandResult> SavePlanAsync(PlanInput input, HttpContext http, MrvCommandHandler handler, CancellationToken ct) =>
        RunAsync(SaveMonitoringPlan.TryParse(new(input.Year,
            [.. input.Sources.Select(s => new PlanSourceForm(s.Kind, s.Material, s.Method, s.Meter, s.Frequency))]),
            out var command, out var errors), command, errors, http, handler, ct);

    private static async Task<Ok<List<MrvViews.DeadlineView>>> DeadlinesAsync(MrvQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.DeadlinesAsync(ct).ConfigureAwait(false)).Select(d => new MrvViews.DeadlineView(d.Jurisdiction, d.Year,
            d.ReportsDue.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            d.VerificationDue.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))).ToList());

    private static Task<CommandResult> SetDeadlineAsync(DeadlineInput input, HttpContext http, MrvCommandHandler handler, CancellationToken ct) =>
        RunAsync(SetReportingDeadline.TryParse(new(input.Jurisdiction, input.Year, input.ReportsDue, input.VerificationDue),
            out var command, out var errors), command, errors, http, handler, ct);

    private static async Task<Ok<List<MrvViews.ApprovedTotalView>>> ApprovedAsync(MrvQueries queries, CancellationToken ct,
        [FromQuery] int? year = null) =>
        TypedResults.Ok((await queries.ApprovedTotalsAsync(year, ct).ConfigureAwait(false)).Select(MrvViews.Approved).ToList());

    private static async Task<Results<Ok<MrvViews.CalculationView>, ValidationProblem>> CalcAsync(CalcInput input, MrvQueries queries,
        CancellationToken ct) =>
        CalculationRequest.TryParse(new(input.Sector, input.Year, input.Region, Lines(input.Lines), Outputs(input.Outputs)),
            out var request, out var errors)
            ? TypedResults.Ok(MrvViews.Calculation(await queries.CalculateAsync(request.Input, ct).ConfigureAwait(false)))
            : Problems.Fields(errors);

    private static async Task<Ok<MrvViews.FactorsView>> FactorsAsync(MrvQueries queries, CancellationToken ct) =>
        TypedResults.Ok(MrvViews.Factors(await queries.FactorsAsync(ct).ConfigureAwait(false)));

    private static async Task<Results<Ok<List<MrvViews.ImpactView>>, ValidationProblem, ProblemHttpResult>> ImpactAsync(CorrectionInput input,
        HttpContext http, MrvQueries queries, CancellationToken ct)
    {
        var form = new PublishFactorCorrection.Form(null, null, input.Kind, input.Target, input.Year, input.Value, input.Source);
        return await queries.PreviewCorrectionAsync(http.User.Actor(), form, ct).ConfigureAwait(false) switch
        {
            null => Refusal(StatusCodes.Status403Forbidden, "actor", "Role", "only the regulator and the auditor may list a correction's impact"),
            { Errors.Count: > 0 } invalid => Problems.Fields(invalid.Errors),
            var preview => TypedResults.Ok(preview.Rows.Select(MrvViews.Impact).ToList()),
        };
    }

    private static Task<CommandResult> PublishFactorsAsync(PublishFactorsInput input, HttpContext http, MrvCommandHandler handler,
        CancellationToken ct) =>
        RunAsync(PublishFactorCorrection.TryParse(new(input.Version, input.Notes, input.Kind, input.Target, input.Year, input.Value, input.Source),
            out var command, out var errors), command, errors, http, handler, ct);

    // The one preamble of every write: a form that did not parse is a 400 naming its fields; otherwise the handler runs
    // the command as the signed-in actor.
    private static async Task<CommandResult> RunAsync(bool parsed, IMrvCommand? command, IReadOnlyList<FieldError> errors,
        HttpContext http, MrvCommandHandler handler, CancellationToken ct, IReadOnlyList<Role>? allowed = null) =>
        allowed is not null
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), allowed, parsed, command, errors, ct).ConfigureAwait(false))
            : parsed && command is not null
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false))
            : Problems.Fields(errors);

    /// <summary>The HTTP answer to every MRV command: 200 with what was done, 404, or problem+json naming the field and rule.</summary>
    private static CommandResult ToHttp(MrvCommandOutcome outcome) => outcome switch
    {
        MrvCommandOutcome.Completed c => TypedResults.Ok(new OutcomeView(c.Event, c.Report?.Id, c.Report is { } report ? ApiDocument.EnumName(report.Status) : null,
            c.Report?.Reported.Value, c.Report?.Late, c.Report?.Verification?.Verified.Value, c.Report?.Approved?.Value)),
        MrvCommandOutcome.Invalid i => Problems.Fields(i.Errors),
        MrvCommandOutcome.NotFound => TypedResults.NotFound(),
        MrvCommandOutcome.Refused { Kind: RefusalKind.Malformed } r =>
            Problems.Fields([new FieldError(r.Field, r.Rule, r.Message)]),
        MrvCommandOutcome.Refused r => Refusal(r.Kind == RefusalKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict,
            r.Field, r.Rule, r.Message),
        MrvCommandOutcome.Forbidden f => Refusal(StatusCodes.Status403Forbidden, "actor", "Role", $"only {string.Join(", ", f.Allowed)} may do this"),
        _ => throw new UnreachableException(),
    };

    private static ProblemHttpResult Refusal(int status, string field, string rule, string message) =>
        TypedResults.Problem(RuleText.Message(field, rule, message), statusCode: status, title: Text.T("problem.mrvrefused"),
            extensions: new Dictionary<string, object?> { ["field"] = field, ["rule"] = rule });
}
