using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Files;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Registry;
using CommandResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<OpenEts.Server.Api.RegistryEndpoints.OutcomeView>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;

namespace OpenEts.Server.Api;

// Offsets: define an offset class, issue it with a buffer share, retire units for a beneficiary; a class's attributes;
// and the public issuance and retirement lists (open to everyone, 100 rows a page, newest first, .xlsx and .csv).
internal static partial class RegistryEndpoints
{
    private static readonly string[] RetirementHeader =
        ["序号", "注销时间", "单位类别", "计划", "项目", "项目类别", "项目所在省份", "年份", "pre-CDM", "序列号", "数量（吨）", "受益人", "用途"];

    private static readonly string[] IssuanceHeader =
        ["序号", "签发时间", "单位类别", "计划", "项目", "项目名称", "项目类别", "项目所在省份", "年份", "pre-CDM", "项目业主",
            "业主序列号", "业主数量（吨）", "缓冲序列号", "缓冲数量（吨）", "依据"];

    private static void MapOffsets(RouteGroupBuilder group, AuthorizeAttribute holders, AuthorizeAttribute regulator)
    {
        group.MapPost("/offset-classes", DefineClassAsync).RequireAuthorization(regulator)
            .WithSummary("Define an offset class (programme-project-vintage) and its attributes, once, before issuing it");
        group.MapPost("/offset-issuances", IssueOffsetsAsync).RequireAuthorization(regulator)
            .WithSummary("Issue a verified quantity of an offset class to the project owner, withholding a buffer share");
        group.MapPost("/retirements", RetireAsync).RequireAuthorization(holders)
            .WithSummary("Retire units for a named beneficiary and purpose; listed publicly, never moved again");
        group.MapGet("/classes/{class}/attributes", AttributesAsync).AllowAnonymous()
            .WithSummary("A unit class's attributes: programme, project, category, host province, vintage, pre-CDM (public)");
        group.MapGet("/public/retirements", RetirementsAsync).AllowAnonymous()
            .WithSummary("The public retirement list, newest first, 100 a page (?page=1; X-Total-Count, X-Page-Count)");
        group.MapGet("/public/retirements.xlsx", (RegistryQueries q, CancellationToken ct) => RetirementsFileAsync(q, Sheet.Xlsx, ct))
            .AllowAnonymous().WithSummary("The public retirement list as .xlsx, newest first");
        group.MapGet("/public/retirements.csv", (RegistryQueries q, CancellationToken ct) => RetirementsFileAsync(q, Sheet.Csv, ct))
            .AllowAnonymous().WithSummary("The public retirement list as UTF-8 CSV (with BOM), newest first");
        group.MapGet("/public/issuances", IssuancesAsync).AllowAnonymous()
            .WithSummary("The public offset issuance list, newest first, 100 a page (?page=1; X-Total-Count, X-Page-Count)");
        group.MapGet("/public/issuances.xlsx", (RegistryQueries q, CancellationToken ct) => IssuancesFileAsync(q, Sheet.Xlsx, ct))
            .AllowAnonymous().WithSummary("The public offset issuance list as .xlsx, newest first");
        group.MapGet("/public/issuances.csv", (RegistryQueries q, CancellationToken ct) => IssuancesFileAsync(q, Sheet.Csv, ct))
            .AllowAnonymous().WithSummary("The public offset issuance list as UTF-8 CSV (with BOM), newest first");
    }

    public sealed record DefineClassInput(string Class, string Title, [property: ApiEnum(typeof(ProjectCategory))] string Category, string HostProvince, string IdempotencyKey,
        bool? PreCdm = null);

    public sealed record IssueOffsetsInput(string Class, long Quantity, string Owner, string IdempotencyKey, string? Buffer = null,
        decimal? BufferPercent = null, long? BufferQuantity = null, string? Reference = null);

    public sealed record RetireInput(string From, string Class, long Quantity, string Beneficiary, string Purpose, string IdempotencyKey);

    /// <summary>A class's attributes; null fields are unknown (a legacy offset class) or do not apply.</summary>
    public sealed record AttributesView(string Class, string Programme, string? Project, string? Title,
        [property: ApiEnum(typeof(ProjectCategory))] string? Category,
        string? HostProvince, int? Vintage, bool? PreCdm, bool Defined);

    public sealed record RetirementView(long Number, DateTimeOffset At, string Class, string Serials, long Quantity, string Beneficiary,
        string Purpose, AttributesView Attributes);

    public sealed record IssuanceView(long Number, DateTimeOffset At, string Class, string Owner, string OwnerSerials, long OwnerQuantity,
        string BufferSerials, long BufferQuantity, string Reference, AttributesView Attributes);

    private static Task<CommandResult> DefineClassAsync(
        DefineClassInput input, HttpContext http, RegistryCommandHandler handler, CancellationToken ct) =>
        RunAsync(DefineOffsetClass.TryParse(new(input.Class, input.Title, input.Category, input.HostProvince, input.PreCdm,
            input.IdempotencyKey), out var command, out var errors), command, errors, http, handler, ct);

    private static Task<CommandResult> IssueOffsetsAsync(
        IssueOffsetsInput input, HttpContext http, RegistryCommandHandler handler, CancellationToken ct) =>
        RunAsync(IssueOffsets.TryParse(new(input.Class, input.Quantity, input.Owner, input.Buffer, input.BufferPercent,
            input.BufferQuantity, input.Reference, input.IdempotencyKey), out var command, out var errors), command, errors, http, handler, ct);

    private static Task<CommandResult> RetireAsync(
        RetireInput input, HttpContext http, RegistryCommandHandler handler, CancellationToken ct) =>
        RunAsync(RetireUnits.TryParse(new(input.From, input.Class, input.Quantity, input.Beneficiary, input.Purpose, input.IdempotencyKey),
            out var command, out var errors), command, errors, http, handler, ct);

    private static async Task<Results<Ok<AttributesView>, ValidationProblem>> AttributesAsync(
        string @class, RegistryQueries queries, CancellationToken ct)
    {
        var read = new FieldReader();
        var unitClass = read.Class(@class);
        if (!read.IsValid || await queries.UnitAttributesAsync(unitClass, ct).ConfigureAwait(false) is not { } attributes)
        {
            return Problems.Fields(read.Errors);
        }
        return TypedResults.Ok(View(attributes));
    }

    private static async Task<Ok<List<RetirementView>>> RetirementsAsync(
        HttpContext http, RegistryQueries queries, CancellationToken ct, [FromQuery] int? page = null)
    {
        var found = await queries.RetirementsAsync(page ?? 1, ct).ConfigureAwait(false);
        PageHeaders(http, found.Total, found.PageCount);
        return TypedResults.Ok(found.Rows.Select(View).ToList());
    }

    private static async Task<Ok<List<IssuanceView>>> IssuancesAsync(
        HttpContext http, RegistryQueries queries, CancellationToken ct, [FromQuery] int? page = null)
    {
        var found = await queries.OffsetIssuancesAsync(page ?? 1, ct).ConfigureAwait(false);
        PageHeaders(http, found.Total, found.PageCount);
        return TypedResults.Ok(found.Rows.Select(View).ToList());
    }

    private static async Task<FileContentHttpResult> RetirementsFileAsync(RegistryQueries queries, Sheet sheet, CancellationToken ct)
    {
        var rows = await queries.AllRetirementsAsync(ct).ConfigureAwait(false);
        return PublicFile(sheet, "注销清单", RetirementHeader, [.. rows.Select(r => Row(r.Attributes,
            [r.Number, Time(r.At), r.Class.ToString()], [r.Serials, r.Quantity, r.Beneficiary, r.Purpose], title: false))]);
    }

    private static async Task<FileContentHttpResult> IssuancesFileAsync(RegistryQueries queries, Sheet sheet, CancellationToken ct)
    {
        var rows = await queries.AllOffsetIssuancesAsync(ct).ConfigureAwait(false);
        return PublicFile(sheet, "签发清单", IssuanceHeader, [.. rows.Select(i => Row(i.Attributes,
            [i.Number, Time(i.At), i.Class.ToString()],
            [i.OwnerName, i.OwnerSerials, i.OwnerQuantity, i.BufferSerials, i.BufferQuantity, i.Reference], title: true))]);
    }

    // The attribute columns between a row's own leading and trailing columns.
    private static object?[] Row(UnitAttributes a, object?[] leading, object?[] trailing, bool title)
    {
        object?[] attributes = title
            ? [Programme(a.Programme), a.Project, a.Title, a.Category?.ToString(), a.HostProvince, a.Vintage, a.PreCdm]
            : [Programme(a.Programme), a.Project, a.Category?.ToString(), a.HostProvince, a.Vintage, a.PreCdm];
        return [.. leading, .. attributes, .. trailing];
    }

    private static FileContentHttpResult PublicFile(Sheet sheet, string name, string[] header, List<object?[]> rows)
    {
        using var buffer = new MemoryStream();
        if (sheet == Sheet.Xlsx)
        {
            TabularWriter.WriteXlsx(buffer, header, rows);
            return TypedResults.File(buffer.ToArray(), TabularWriter.XlsxContentType, name + ".xlsx");
        }
        TabularWriter.WriteCsv(buffer, header, rows);
        return TypedResults.File(buffer.ToArray(), TabularWriter.CsvContentType, name + ".csv");
    }

    private static void PageHeaders(HttpContext http, long total, int pages)
    {
        http.Response.Headers["X-Total-Count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers["X-Page-Count"] = pages.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Time(DateTimeOffset at) => Localization.DisplayTime.Cell(at);

    private static string Programme(UnitType type) => type == UnitType.Allowance ? "Allowance" : UnitClass.ProgrammeText(type);

    private static AttributesView View(UnitAttributes a) =>
        new(a.Class.ToString(), Programme(a.Programme), a.Project, a.Title, a.Category is { } c ? ApiDocument.EnumName(c) : null, a.HostProvince, a.Vintage,
            a.PreCdm, a.Defined);

    private static RetirementView View(PublicRetirement r) =>
        new(r.Number, r.At, r.Class.ToString(), r.Serials, r.Quantity, r.Beneficiary, r.Purpose, View(r.Attributes));

    private static IssuanceView View(PublicIssuance i) =>
        new(i.Number, i.At, i.Class.ToString(), i.OwnerName, i.OwnerSerials, i.OwnerQuantity, i.BufferSerials, i.BufferQuantity,
            i.Reference, View(i.Attributes));
}
