using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Forms;
using OpenEts.Application.Identity;
using OpenEts.Application.Offsets;
using OpenEts.Application.Registry;
using OpenEts.Domain.Offsets;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;
using CommandResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<OpenEts.Server.Api.OffsetsViews.OutcomeView>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult,
    Microsoft.AspNetCore.Http.HttpResults.NotFound>;

namespace OpenEts.Server.Api;

/// <summary>
/// Offset projects from filing to issuance: <c>/api/v1/offsets</c>. The register (programmes, projects from validation
/// on, their documents and facts) is public; owners file, the programme's verifier validates and verifies, its
/// regulator registers and issues. Every write is parse → call → map through <see cref="OffsetsCommandHandler"/>.
/// </summary>
internal static class OffsetsEndpoints
{
    public static void MapOffsetsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/offsets").WithTags("Offsets");
        var owner = new AuthorizeAttribute { Roles = Access.OffsetsOwner };
        var validator = new AuthorizeAttribute { Roles = Access.OffsetsValidator };
        var registrar = new AuthorizeAttribute { Roles = Access.OffsetsRegistrar };
        var holders = new AuthorizeAttribute { Roles = Access.OffsetsHolders };
        group.MapGet("/programmes", () => TypedResults.Ok(Programmes.All.Select(OffsetsViews.Programme).ToList())).AllowAnonymous()
            .WithSummary("The programmes: who reviews each step, the methodologies accepted (with sources and [UNCONFIRMED] flags), the serial format");
        group.MapGet("/projects", ListAsync).AllowAnonymous()
            .WithSummary("Projects you may see (public from validation on; filed ones to their owner and reviewers); filters programme, status");
        group.MapGet("/projects/{id}", ProjectAsync).AllowAnonymous()
            .WithSummary("One project: details, status history, documents with SHA-256, monitoring reports, the registry's issuances");
        group.MapGet("/facts/{programme}/{code}", FactsAsync).AllowAnonymous()
            .WithSummary("What compliance reads of a project: owner's credit code, CO2+CH4 share, designated area, host province and city");
        group.MapGet("/documents/{id}", DocumentAsync).AllowAnonymous().Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .WithSummary("A project document's bytes (its SHA-256 is on the project)");
        group.MapGet("/queue", QueueAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.MrvReaders })
            .WithSummary("Projects waiting for your role (or, for an owner, returned to it)");
        group.MapPost("/projects", SubmitAsync).RequireAuthorization(owner)
            .WithSummary("File a project (or a returned one again, with project)");
        group.MapPost("/projects/{id}/validate", ValidateAsync).RequireAuthorization(validator)
            .WithSummary("Validate a submitted project with an opinion (the programme's validator)");
        group.MapPost("/projects/{id}/return", ReturnAsync).RequireAuthorization(holders)
            .WithSummary("Return a project to its owner with comments (by the role that holds it)");
        group.MapPost("/projects/{id}/register", RegisterAsync).RequireAuthorization(registrar)
            .WithSummary("Register a validated project (the programme's registrar)");
        group.MapPost("/projects/{id}/documents", AttachAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.OffsetsAttachers })
            .WithSummary("Attach a document (base64 content, at most 10 MB); stored with its SHA-256");
        group.MapPost("/projects/{id}/reports", ReportAsync).RequireAuthorization(owner)
            .WithSummary("File a monitoring report for a period within one year (forestry input, or tonnes claimed); a returned one again with report");
        group.MapPost("/reports/{id}/verify", VerifyAsync).RequireAuthorization(validator)
            .WithSummary("Verify a monitoring report with an opinion (forestry recomputed; others at the tonnes stated)");
        group.MapPost("/reports/{id}/return", ReturnReportAsync).RequireAuthorization(holders)
            .WithSummary("Return a monitoring report to the owner with comments");
        group.MapPost("/reports/{id}/issue", IssueAsync).RequireAuthorization(registrar)
            .WithSummary("Issue a verified report's credits into the owner's holding account, the buffer withheld, through the registry");
        group.MapPost("/reports/{id}/link", LinkAsync).RequireAuthorization(registrar)
            .WithSummary("Link a verified report to credits the registry issued before the project was on the register");
    }

    public sealed record ProjectInput(
        string Programme, string Account, string Title, string Methodology, string Category, string Province, string City,
        string CreditingStart, string CreditingEnd, long ExpectedPerYear, decimal GasSharePercent, string? Code = null, string? SectoralScope = null,
        string? County = null, decimal? Latitude = null, decimal? Longitude = null, string? Boundary = null, bool? PreCdm = null,
        bool? DesignatedArea = null, long? Project = null);

    public sealed record OpinionInput(string Opinion);

    public sealed record CommentsInput(string? Comments = null);

    public sealed record DocumentInput(string Kind, string FileName, string ContentBase64, string? ContentType = null, long? Report = null);

    public sealed record ReportInput(
        string PeriodStart, string PeriodEnd, decimal? Claimed = null, string? Species = null, decimal? AreaHectares = null,
        decimal? GrowthPerHectare = null, decimal? BaselineTonnes = null, decimal? LeakageTonnes = null, decimal? ExpansionFactor = null,
        decimal? RootToShoot = null, decimal? WoodDensity = null, decimal? CarbonFraction = null, string? Evidence = null, long? Report = null);

    public sealed record VerifyInput(string Opinion, decimal? VerifiedTonnes = null, decimal? AreaHectares = null, decimal? GrowthPerHectare = null,
        decimal? ExpansionFactor = null, decimal? RootToShoot = null, decimal? WoodDensity = null, decimal? CarbonFraction = null,
        string? RestatedBasis = null);

    private static Actor? ActorOrNull(HttpContext http) => http.User.Identity?.IsAuthenticated == true ? http.User.Actor() : null;

    // A programme or status that is none (?programme=foo, ?status=4) is named with those there are (see QueryValues).
    private static async Task<Results<Ok<List<OffsetsViews.ProjectSummary>>, ValidationProblem>> ListAsync(HttpContext http,
        OffsetsQueries queries, CancellationToken ct, [FromQuery] string? programme = null, [FromQuery] string? status = null)
    {
        var read = new FieldReader();
        var of = OffsetsQueries.ProgrammeFilter(read, programme);
        var wanted = OffsetsQueries.StatusFilter(read, status);
        if (!read.IsValid)
        {
            return Problems.Fields(read.Errors);
        }
        return TypedResults.Ok((await queries.ProjectsAsync(ActorOrNull(http), of?.Type, wanted, ct).ConfigureAwait(false))
            .Select(OffsetsViews.Summary).ToList());
    }

    private static async Task<Ok<List<OffsetsViews.ProjectSummary>>> QueueAsync(HttpContext http, OffsetsQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.QueueAsync(http.User.Actor(), ct).ConfigureAwait(false)).Select(OffsetsViews.Summary).ToList());

    private static async Task<Results<Ok<OffsetsViews.ProjectView>, NotFound>> ProjectAsync(long id, HttpContext http, OffsetsQueries queries,
        CancellationToken ct) =>
        await queries.ProjectAsync(ActorOrNull(http), id, ct).ConfigureAwait(false) is { } detail
            ? TypedResults.Ok(OffsetsViews.Project(detail))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<OffsetsViews.FactsView>, NotFound>> FactsAsync(string programme, string code, OffsetsQueries queries,
        CancellationToken ct) =>
        await queries.ProjectFactsAsync(programme, code, ct).ConfigureAwait(false) is { } facts
            ? TypedResults.Ok(OffsetsViews.Facts(facts))
            : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> DocumentAsync(long id, HttpContext http, OffsetsQueries queries,
        CancellationToken ct) =>
        await queries.DocumentAsync(ActorOrNull(http), id, ct).ConfigureAwait(false) is { } found
            ? TypedResults.File(found.Content, "application/octet-stream", found.Document.FileName)
            : TypedResults.NotFound();

    private static Task<CommandResult> SubmitAsync(ProjectInput i, HttpContext http, OffsetsCommandHandler handler, CancellationToken ct) =>
        RunAsync(SubmitProject.TryParse(new(i.Programme, i.Code, i.Account, i.Title, i.Methodology, i.SectoralScope, i.Category, i.Province, i.City,
            i.County, i.Latitude, i.Longitude, i.Boundary, i.CreditingStart, i.CreditingEnd, i.ExpectedPerYear, i.PreCdm, i.GasSharePercent,
            i.DesignatedArea, i.Project), out var command, out var errors), command, errors, http, handler, ct);

    private static Task<CommandResult> ValidateAsync(long id, OpinionInput input, HttpContext http, OffsetsCommandHandler handler, CancellationToken ct) =>
        RunAsync(ValidateProject.TryParse(new(id, input.Opinion), out var command, out var errors), command, errors, http, handler, ct);

    private static Task<CommandResult> ReturnAsync(long id, CommentsInput input, HttpContext http, OffsetsCommandHandler handler, CancellationToken ct) =>
        RunAsync(ReturnProject.TryParse(new(id, input.Comments), out var command, out var errors), command, errors, http, handler, ct);

    private static Task<CommandResult> RegisterAsync(long id, CommentsInput input, HttpContext http, OffsetsCommandHandler handler, CancellationToken ct) =>
        RunAsync(RegisterProject.TryParse(new(id, input.Comments), out var command, out var errors), command, errors, http, handler, ct);

    private static Task<CommandResult> AttachAsync(long id, DocumentInput input, HttpContext http, OffsetsCommandHandler handler, CancellationToken ct)
    {
        byte[]? content;
        try
        {
            content = Convert.FromBase64String(input.ContentBase64);
        }
        catch (FormatException)
        {
            return Task.FromResult<CommandResult>(Problems.Fields([new FieldError("contentBase64", "Base64", "contentBase64 is not base64")]));
        }
        // The use case's file is the API's contentBase64: an empty or too large one is named as the request names it.
        var parsed = AttachDocument.TryParse(new(id, input.Report, input.Kind, input.FileName, input.ContentType, content), out var command,
            out var errors);
        return RunAsync(parsed, command, [.. errors.Select(e => e.Field == "content" ? e with { Field = "contentBase64" } : e)], http, handler, ct);
    }

    private static Task<CommandResult> ReportAsync(long id, ReportInput i, HttpContext http, OffsetsCommandHandler handler, CancellationToken ct) =>
        RunAsync(SubmitMonitoringReport.TryParse(new(id, i.PeriodStart, i.PeriodEnd, i.Claimed, i.Species, i.AreaHectares, i.GrowthPerHectare,
            i.BaselineTonnes, i.LeakageTonnes, i.ExpansionFactor, i.RootToShoot, i.WoodDensity, i.CarbonFraction, i.Evidence, i.Report),
            out var command, out var errors), command, errors, http, handler, ct);

    private static Task<CommandResult> VerifyAsync(long id, VerifyInput i, HttpContext http, OffsetsCommandHandler handler, CancellationToken ct) =>
        RunAsync(VerifyMonitoringReport.TryParse(new(id, i.Opinion, i.VerifiedTonnes, i.AreaHectares, i.GrowthPerHectare,
            i.ExpansionFactor, i.RootToShoot, i.WoodDensity, i.CarbonFraction, i.RestatedBasis), out var command,
            out var errors), command, errors, http, handler, ct);

    private static Task<CommandResult> ReturnReportAsync(long id, CommentsInput input, HttpContext http, OffsetsCommandHandler handler,
        CancellationToken ct) =>
        RunAsync(ReturnMonitoringReport.TryParse(new(id, input.Comments), out var command, out var errors), command, errors, http, handler, ct);

    private static Task<CommandResult> IssueAsync(long id, HttpContext http, OffsetsCommandHandler handler, CancellationToken ct) =>
        RunAsync(IssueCredits.TryParse(new(id), out var command, out var errors), command, errors, http, handler, ct);

    private static Task<CommandResult> LinkAsync(long id, HttpContext http, OffsetsCommandHandler handler, CancellationToken ct) =>
        RunAsync(LinkEarlierIssuance.TryParse(new(id), out var command, out var errors), command, errors, http, handler, ct);

    private static async Task<CommandResult> RunAsync(bool parsed, IOffsetsCommand? command, IReadOnlyList<FieldError> errors,
        HttpContext http, OffsetsCommandHandler handler, CancellationToken ct) =>
        parsed && command is not null
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false))
            : Problems.Fields(errors);

    /// <summary>The HTTP answer to every offsets command: 200 with what was done, 404, or problem+json naming the field and rule.</summary>
    private static CommandResult ToHttp(OffsetsCommandOutcome outcome) => outcome switch
    {
        OffsetsCommandOutcome.Completed c => TypedResults.Ok(OffsetsViews.Outcome(c)),
        OffsetsCommandOutcome.Invalid i => Problems.Fields(i.Errors),
        OffsetsCommandOutcome.NotFound => TypedResults.NotFound(),
        OffsetsCommandOutcome.Refused { Kind: RefusalKind.Malformed } r => Problems.Fields([new FieldError(r.Field, r.Rule, r.Message) { Figures = r.Figures }]),
        OffsetsCommandOutcome.Refused r => Refusal(r.Kind == RefusalKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict,
            r.Field, r.Rule, r.Message, r.Figures),
        OffsetsCommandOutcome.Forbidden f => Refusal(StatusCodes.Status403Forbidden, "actor", "Role", $"only {string.Join(", ", f.Allowed)} may do this"),
        _ => throw new UnreachableException(),
    };

    private static ProblemHttpResult Refusal(int status, string field, string rule, string message, IReadOnlyList<string>? figures = null) =>
        TypedResults.Problem(RuleText.Message(field, rule, message, figures), statusCode: status, title: Text.T("problem.offsetsrefused"),
            extensions: new Dictionary<string, object?> { ["field"] = field, ["rule"] = rule });
}
