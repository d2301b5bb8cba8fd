using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenEts.Application.Compliance;
using OpenEts.Application.Files;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Compliance;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Api;

/// <summary>
/// Compliance (履约): <c>/api/v1/compliance</c>. The yearly list (entity, obligation, surrendered, status) is public, as
/// the 履约 announcements are; the regulator and the auditor read the overview with penalties; a company reads its own
/// standing and surrenders for compliance, refused with the rule named before any unit moves.
/// </summary>
internal static class ComplianceEndpoints
{
    public static void MapComplianceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/compliance").WithTags("Compliance");
        group.MapGet("/years", YearsAsync).AllowAnonymous()
            .WithSummary("The jurisdictions (registry codes: GD, CN) and years whose approved plan has compliance rules, newest first (public)");
        group.MapGet("/{jurisdiction}/{year}", ListAsync).AllowAnonymous()
            .WithSummary("The year's compliance list: each entity's obligation, eligible units surrendered and status (public)");
        group.MapGet("/{jurisdiction}/{year}/list.xlsx", ListXlsxAsync).AllowAnonymous()
            .WithSummary("The year's compliance list as .xlsx, Chinese headers (public)");
        group.MapGet("/{jurisdiction}/{year}/overview", OverviewAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = Access.AuditReaders })
            .WithSummary("The regulator's overview: every entity's allowances, offsets, in-province share, ineligible units and penalty");
        group.MapGet("/{jurisdiction}/{year}/own", OwnAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = Access.MrvCompany })
            .WithSummary("Your entity's standing, surrenders and holdings with each class's eligibility and what may be surrendered now");
        group.MapPost("/surrenders", SurrenderAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = Access.MrvCompany })
            .WithSummary("Surrender units for compliance; refused with the rule named (409) before any unit moves");
    }

    public sealed record YearView(string Jurisdiction, int Year);

    public sealed record FlagView(string Field, string Reference, bool Confirmed);

    public sealed record RulesView(string SurrenderDeadline, decimal MaxOffsetShare, decimal? MinInProvinceShare, long? ProvinceOffsetCap,
        decimal DeductionMultiple, decimal? FineYuanMin, decimal? FineYuanMax, IReadOnlyList<FlagView> Sources);

    public sealed record PenaltyView(long Shortfall, long Deduction, decimal FineYuanMin, decimal FineYuanMax, bool PriceMissing);

    public sealed record StandingView(string Entity, string Name, Sector Sector, decimal ApprovedTonnes, long Required, long Surrendered,
        long Remaining, string Status, bool PastDeadline, DateTimeOffset? MetAt);

    public sealed record OverviewRowView(StandingView Standing, long Allowances, long Offsets, long InProvinceOffsets, long Ineligible,
        long OffsetCap, PenaltyView? Penalty);

    public sealed record ListView(string Jurisdiction, int Year, RulesView Rules, int Entities, int Compliant, int Short, int Late,
        IReadOnlyList<StandingView> Rows);

    public sealed record OverviewView(string Jurisdiction, int Year, RulesView Rules, long ProvinceOffsets, long? OutOfProvinceLimit,
        IReadOnlyList<OverviewRowView> Rows);

    public sealed record HoldingView(string Account, string Class, long Held, string? Rule, long Surrenderable);

    public sealed record SurrenderView(string Account, string Class, long Quantity, DateTimeOffset At, string? NotCountedRule);

    public sealed record OwnView(string Jurisdiction, int Year, RulesView Rules, OverviewRowView Standing, IReadOnlyList<SurrenderView> Surrenders,
        IReadOnlyList<HoldingView> Holdings);

    public sealed record SurrenderInput(string From, string Class, long Quantity, int ComplianceYear, string IdempotencyKey,
        string? Jurisdiction = null);

    public sealed record SurrenderDone(bool Duplicate, long Quantity, string Class, OverviewRowView Standing);

    private static async Task<Ok<List<YearView>>> YearsAsync(ComplianceQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.YearsAsync(ct).ConfigureAwait(false)).Select(y => new YearView(y.Jurisdiction, y.Year)).ToList());

    private static async Task<Results<Ok<ListView>, NotFound>> ListAsync(
        string jurisdiction, int year, ComplianceQueries queries, CancellationToken ct) =>
        await queries.ListAsync(jurisdiction.ToUpperInvariant(), year, ct).ConfigureAwait(false) is { } list
            ? TypedResults.Ok(new ListView(list.Jurisdiction, list.Year, Rules(list.Rules), list.Rows.Count,
                list.Count(ComplianceStatus.Compliant), list.Count(ComplianceStatus.Short), list.Count(ComplianceStatus.Late),
                [.. list.Rows.Select(Standing)]))
            : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> ListXlsxAsync(
        string jurisdiction, int year, ComplianceQueries queries, CancellationToken ct)
    {
        if (await queries.ListAsync(jurisdiction.ToUpperInvariant(), year, ct).ConfigureAwait(false) is not { } list)
        {
            return TypedResults.NotFound();
        }
        using var buffer = new MemoryStream();
        ComplianceWorkbook.Write(buffer, list);
        return TypedResults.File(buffer.ToArray(), TabularWriter.XlsxContentType, ComplianceWorkbook.FileName(list));
    }

    private static async Task<Results<Ok<OverviewView>, NotFound>> OverviewAsync(
        string jurisdiction, int year, ComplianceQueries queries, CancellationToken ct) =>
        await queries.ListAsync(jurisdiction.ToUpperInvariant(), year, ct).ConfigureAwait(false) is { } list
            ? TypedResults.Ok(new OverviewView(list.Jurisdiction, list.Year, Rules(list.Rules), list.ProvinceOffsets, list.OutOfProvinceLimit,
                [.. list.Rows.Select(Overview)]))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<OwnView>, NotFound>> OwnAsync(
        string jurisdiction, int year, HttpContext http, ComplianceQueries queries, CancellationToken ct) =>
        await queries.OwnAsync(http.User.Actor(), jurisdiction.ToUpperInvariant(), year, ct).ConfigureAwait(false) is { } own
            ? TypedResults.Ok(new OwnView(own.Jurisdiction, own.Year, Rules(own.Rules), Overview(own.Row),
                [.. own.Surrenders.Select(s => new SurrenderView(s.From.Value, s.Attributes.Class.ToString(), s.Quantity, s.At,
                    s.NotCounted is { } n ? ComplianceOutcome.CodeOf(n.Rule) : null))],
                [.. own.Holdings.Select(h => new HoldingView(h.Account.Value, h.Attributes.Class.ToString(), h.Held,
                    h.Refusal is { } r ? ComplianceOutcome.CodeOf(r.Rule) : null, h.Surrenderable))]))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<SurrenderDone>, ValidationProblem, ProblemHttpResult>> SurrenderAsync(
        SurrenderInput input, HttpContext http, ComplianceHandler handler, ComplianceQueries queries, CancellationToken ct)
    {
        if (!SurrenderForCompliance.TryParse(new(input.Jurisdiction, input.From, input.Class, input.Quantity, input.ComplianceYear,
            input.IdempotencyKey), out var command, out var errors))
        {
            return Problems.Fields(errors);
        }
        return await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false) switch
        {
            ComplianceOutcome.Completed c => await queries.ListAsync(command.Jurisdiction, command.ComplianceYear, ct).ConfigureAwait(false)
                is { } list && list.Rows.FirstOrDefault(r => r.Entity == c.Status.Entity) is { } row
                ? TypedResults.Ok(new SurrenderDone(c.Duplicate, c.Facts.Quantity.Value, command.Class.ToString(), Overview(row)))
                : throw new UnreachableException("a completed surrender's entity is on its year's list"),
            var other => NotDone<Results<Ok<SurrenderDone>, ValidationProblem, ProblemHttpResult>>(other, v => v, p => p),
        };
    }

    /// <summary>
    /// The answer to a compliance surrender that did not complete, whichever endpoint asked (this one and the registry's
    /// <c>POST /surrenders</c>): 400 naming the fields, 403 for the role or account, 409 naming the field and the rule.
    /// </summary>
    internal static T NotDone<T>(ComplianceOutcome outcome, Func<ValidationProblem, T> fields, Func<ProblemHttpResult, T> refused)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(refused);
        return outcome switch
        {
            ComplianceOutcome.Invalid i => fields(Problems.Fields(i.Errors)),
            ComplianceOutcome.Refused { Kind: RefusalKind.Malformed } r =>
                fields(Problems.Fields([new FieldError(r.Field, r.Rule, r.Message)], Text.T("problem.malformed"))),
            ComplianceOutcome.Refused r => refused(Refusal(r.Kind == RefusalKind.Forbidden ? StatusCodes.Status403Forbidden
                : StatusCodes.Status409Conflict, r.Field, r.Rule, r.Message, r.Figures)),
            ComplianceOutcome.Forbidden f => refused(Refusal(StatusCodes.Status403Forbidden, "actor", "Role",
                $"only {string.Join(", ", f.Allowed)} may do this")),
            _ => throw new UnreachableException(),
        };
    }

    private static ProblemHttpResult Refusal(int status, string field, string rule, string message, IReadOnlyList<string>? figures = null) =>
        TypedResults.Problem(RuleText.Message(field, rule, message, figures), statusCode: status, title: Text.T("problem.refused"),
            extensions: new Dictionary<string, object?> { ["field"] = field, ["rule"] = rule });

    private static RulesView Rules(ComplianceRules r) => new(r.SurrenderDeadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        r.Offsets.MaxShareOfEmissions, r.Offsets.MinInProvinceShare, r.Offsets.ProvinceTotalCap, r.Penalties.DeductionMultiple,
        r.Penalties.FineYuanMin, r.Penalties.FineYuanMax, [.. r.Sources.Select(s => new FlagView(s.Field, s.Reference, s.Confirmed))]);

    private static StandingView Standing(ComplianceRow r) => new(r.Entity.Value, r.Name, r.Sector, r.Standing.Approved.Value,
        r.Standing.Required, r.Standing.Surrendered, r.Standing.Remaining, Status(r.Standing.Status), r.Standing.PastDeadline, r.Standing.MetAt);

    private static OverviewRowView Overview(ComplianceRow r) => new(Standing(r), r.Standing.Allowances, r.Standing.Offsets,
        r.Standing.InProvinceOffsets, r.Standing.Ineligible, r.Standing.OffsetCap,
        r.Standing.Penalty is { } p ? new PenaltyView(p.Shortfall, p.Deduction, p.FineYuanMin, p.FineYuanMax, p.PriceMissing) : null);

    private static string Status(ComplianceStatus status) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(status.ToString());
}
