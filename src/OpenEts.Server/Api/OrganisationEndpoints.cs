using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Files;
using OpenEts.Application.Organisations;
using OpenEts.Application.Storage;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;
using OpenEts.Server.Pages.Organisations;

namespace OpenEts.Server.Api;

/// <summary>The covered-entity list over HTTP: <c>/api/v1/organisations</c>.</summary>
internal static class OrganisationEndpoints
{
    public static void MapOrganisationApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1/organisations").WithTags("Organisations")
            .RequireAuthorization(new AuthorizeAttribute { Roles = Access.MarketParticipants });
        read.MapGet("", ListAsync).WithSummary("List organisations (filters: kind, sector, status, jurisdiction, q)");
        read.MapGet("/export.xlsx", ExportAsync).WithSummary("Export the list as .xlsx in the import template's layout");
        read.MapGet("/{code}", GetAsync).WithSummary("One organisation by 统一社会信用代码");
        read.MapGet("/{code}/history", HistoryAsync)
            .WithSummary("Changes to one organisation, newest first: each field that changed, before → after");

        var write = app.MapGroup("/api/v1/organisations").WithTags("Organisations")
            .RequireAuthorization(new AuthorizeAttribute { Roles = Access.Regulator });
        write.MapPost("", AddAsync).WithSummary("Add an organisation (regulator)");
        write.MapPut("/{code}", UpdateAsync).WithSummary("Edit an organisation (regulator)");
        // A form post without an antiforgery token: programs send it with a bearer token, and a cookie-authorised post
        // from another site is refused by SameOriginWrites. The limits: TabularLimits (docs/organisations.md).
        write.MapPost("/import", ImportAsync)
            .WithSummary("Import .xlsx/.csv (at most 10 MB, 100 000 rows), all rows or none (regulator); "
                + "a refused file lists its first 100 errors in rows and counts the rest in moreErrors")
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ImportModel.MaxRequestBytes))
            .WithFormOptions(multipartBodyLengthLimit: ImportModel.MaxRequestBytes);
    }

    /// <summary>An organisation to add or edit: <c>sector</c>, <c>status</c> and <c>kind</c> in camelCase (the Chinese names
    /// of sectors and statuses are read too); <c>jurisdiction</c> the market's code (GD, SZ, BJ, TJ, SH, CQ, HB, FJ, CN) or
    /// <c>none</c>, omitted: none for a new organisation, unchanged for an edit.</summary>
    public sealed record OrganisationInput(string Code, string Name,
        [property: ApiEnum(typeof(Sector))] string Sector, string Region,
        [property: ApiEnum(typeof(CoverageStatus))] string? Status = null,
        [property: ApiEnum(typeof(OrganisationKind))] string? Kind = null,
        string? Jurisdiction = null)
    {
        public OrganisationDraft ToDraft() => new(Code, Name, Sector, Region, Status, Kind, Jurisdiction);
    }

    private static async Task<Results<Ok<List<OrganisationView>>, ValidationProblem>> ListAsync(
        OrganisationService service, string? kind, string? sector, string? status, string? jurisdiction, string? q, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        OrganisationKind? k = null;
        if (kind is not null)
        {
            if (Enum.TryParse<OrganisationKind>(kind, true, out var parsed)) { k = parsed; }
            else { errors.Add(new FieldError("kind", "UnknownValue", $"kind '{kind}' is not an organisation kind")); }
        }
        Sector? s = null;
        if (sector is not null)
        {
            if (DomainNames.TryParseSector(sector, out var parsed)) { s = parsed; }
            else { errors.Add(new FieldError("sector", "UnknownValue", $"sector '{sector}' is not a sector")); }
        }
        CoverageStatus? st = null;
        if (status is not null)
        {
            if (DomainNames.TryParseStatus(status, out var parsed)) { st = parsed; }
            else { errors.Add(new FieldError("status", "UnknownValue", $"status '{status}' is not a coverage status")); }
        }
        MarketJurisdiction? market = null;
        if (jurisdiction is not null)
        {
            if (MarketJurisdiction.TryParse(jurisdiction, out var parsed, out var reason)) { market = parsed; }
            else { errors.Add(new FieldError("jurisdiction", "UnknownValue", "jurisdiction " + reason)); }
        }
        if (errors.Count > 0)
        {
            return Problems.Fields(errors);
        }
        var list = await service.ListAsync(new OrganisationFilter(k, s, st, q, market), ct).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(OrganisationView.From).ToList());
    }

    private static async Task<Results<Ok<OrganisationView>, NotFound>> GetAsync(
        string code, OrganisationService service, CancellationToken ct) =>
        await service.FindAsync(code, ct).ConfigureAwait(false) is { } o
            ? TypedResults.Ok(OrganisationView.From(o))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<List<HistoryView>>, NotFound>> HistoryAsync(
        string code, OrganisationService service, CancellationToken ct)
    {
        if (await service.FindAsync(code, ct).ConfigureAwait(false) is not { } o)
        {
            return TypedResults.NotFound();
        }
        var history = await service.ChangesAsync(o.Code, ct).ConfigureAwait(false);
        return TypedResults.Ok(history.Select(e => new HistoryView(e.Sequence, e.At, e.Actor, e.Kind, e.Source, e.Changes)).ToList());
    }

    private static async Task<FileContentHttpResult> ExportAsync(OrganisationService service, CancellationToken ct)
    {
        var list = await service.ListAsync(new OrganisationFilter(Kind: OrganisationKind.Company), ct).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        OrganisationSheet.WriteXlsx(buffer, list);
        return TypedResults.File(buffer.ToArray(),
            TabularWriter.XlsxContentType, "纳入企业名单.xlsx");
    }

    private static async Task<Results<Created<OrganisationView>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> AddAsync(
        OrganisationInput input, HttpContext http, OrganisationService service, TimeProvider clock, CancellationToken ct) =>
        await service.AddAsync(http.User.Actor(), input.ToDraft(), clock.GetUtcNow(), ct).ConfigureAwait(false) switch
        {
            OrganisationOutcome.Saved s => TypedResults.Created($"/api/v1/organisations/{s.Organisation.Code}",
                OrganisationView.From(s.Organisation)),
            OrganisationOutcome.Invalid i => Problems.Fields(i.Errors),
            OrganisationOutcome.Conflict c => Conflict(c.Error),
            _ => TypedResults.Forbid(),
        };

    private static async Task<Results<Ok<OrganisationView>, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> UpdateAsync(
        string code, OrganisationInput input, HttpContext http, OrganisationService service, TimeProvider clock,
        CancellationToken ct) =>
        await service.UpdateAsync(http.User.Actor(), code, input.ToDraft(), clock.GetUtcNow(), ct).ConfigureAwait(false) switch
        {
            OrganisationOutcome.Saved s => TypedResults.Ok(OrganisationView.From(s.Organisation)),
            OrganisationOutcome.Invalid i => Problems.Fields(i.Errors),
            OrganisationOutcome.Conflict c => Conflict(c.Error),
            OrganisationOutcome.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Forbid(),
        };

    // 409: the request is well formed, but the list already holds what it would add.
    private static ProblemHttpResult Conflict(FieldError error) =>
        TypedResults.Problem(RuleText.Field(error), statusCode: StatusCodes.Status409Conflict, title: Text.T("problem.organisationsrefused"),
            extensions: new Dictionary<string, object?> { ["field"] = error.Field, ["rule"] = error.Rule });

    private static async Task<Results<Ok<ImportOutcome.Imported>, ValidationProblem, ForbidHttpResult>> ImportAsync(
        IFormFile file, HttpContext http, OrganisationService service, TimeProvider clock, CancellationToken ct)
    {
        await using var content = file.OpenReadStream();
        var sheet = OrganisationSheet.Read(content, file.FileName);
        return await service.ImportAsync(http.User.Actor(), sheet, clock.GetUtcNow(), ct).ConfigureAwait(false) switch
        {
            ImportOutcome.Imported i => TypedResults.Ok(i),
            ImportOutcome.Invalid i => WithMoreErrors(Problems.Rows(i.Errors), i.MoreErrors),
            _ => TypedResults.Forbid(),
        };
    }

    // The errors beyond the listed ones, counted: "moreErrors": 2345 (0 when every error is listed).
    private static ValidationProblem WithMoreErrors(ValidationProblem problem, int more)
    {
        problem.ProblemDetails.Extensions["moreErrors"] = more;
        return problem;
    }

    /// <summary>An organisation as the API shows it.</summary>
    public sealed record OrganisationView(string Code, string Name, OrganisationKind Kind, Sector Sector, string Region,
        CoverageStatus Status, string? Jurisdiction)
    {
        public static OrganisationView From(Organisation o) =>
            new(o.Code.Value, o.Name, o.Kind, o.Sector, o.Region, o.Status, o.Jurisdiction?.Code);
    }

    /// <summary>One change: <c>changes</c> lists each field that changed with its value before (null on creation) and after;
    /// <c>source</c> is <c>import</c> or <c>demo</c> when the change did not come from a form.</summary>
    public sealed record HistoryView(long Sequence, DateTimeOffset At, string Actor, string Kind, string? Source,
        IReadOnlyList<FieldChange> Changes);
}
