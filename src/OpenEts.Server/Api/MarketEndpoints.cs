using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Exchange.MarketData;
using OpenEts.Application.Files;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Api;

/// <summary>
/// Market data: <c>/api/v1/market</c>. Everything is public (no sign-in) except importing published statistics, which
/// the use case allows the regulator and the exchange operator. Parse → call → map.
/// </summary>
internal static partial class MarketEndpoints
{
    public static void MapMarketApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/market").WithTags("Market");
        group.MapGet("/statistics", StatisticsAsync).AllowAnonymous()
            .WithSummary("Published cumulative statistics per market and date (volume t, turnover 10⁴ yuan, average yuan/t), each row "
                + "with turnover ÷ volume and the consistency rules it breaks (public)");
        group.MapGet("/statistics.xlsx", ExportAsync).AllowAnonymous()
            .WithSummary("The statistics as .xlsx, in the import template's columns plus the computed average and the flags (public)");
        // A form post without an antiforgery token: programs send it with a bearer token, and a cookie-authorised post
        // from another site is refused by SameOriginWrites.
        group.MapPost("/statistics/import", ImportAsync)
            .RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = Access.StatisticsImporters })
            .WithSummary("Import published statistics from .xlsx/.csv (at most 10 MB): all rows or none; a row for a market, product "
                + "and date already stored is replaced (regulator, exchange operator)")
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(TabularLimits.MaxFileBytes + (1L * 1024 * 1024)));
        MapTrading(group);
        MapStream(group);
    }

    /// <summary>One consistency rule a row breaks: <c>AverageMismatch</c>, <c>CumulativeDecreased</c>, <c>TurnoverWithoutVolume</c>.</summary>
    public sealed record StatisticIssueView(string Rule, string Message);

    /// <summary>
    /// A published statistics row: <c>turnover</c> in 10⁴ yuan as published, <c>average</c> as published (null when none),
    /// <c>computedAverage</c> = turnover ÷ volume in yuan/t to 2 decimals; <c>consistent</c> false when any rule is broken.
    /// </summary>
    public sealed record StatisticView(string Market, string Product, string AsOf, long Volume, decimal Turnover, decimal? Average,
        decimal? ComputedAverage, string Source, bool Consistent, IReadOnlyList<StatisticIssueView> Issues);

    /// <summary>
    /// An import's result: the file's rows, of which added and replaced, and how many of them are flagged as inconsistent;
    /// <c>flaggedInAll</c> how many rows of the whole table are flagged now (the file's and those stored before).
    /// </summary>
    public sealed record StatisticsImportView(int Rows, int Added, int Replaced, int Flagged, int FlaggedInAll);

    /// <summary>A problem in an uploaded file: sheet, Excel row (0: the file), column letter and header, rule and message.</summary>
    public sealed record StatisticsFileErrorView(string Sheet, int Row, string Column, string Header, string Rule, string Message);

    private static StatisticView View(CheckedStatistic r) => new(r.Statistic.Market, r.Statistic.Product,
        r.Statistic.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Statistic.VolumeTonnes, r.Statistic.Turnover10kYuan,
        r.Statistic.AveragePrice, r.Statistic.ComputedAverage, r.Statistic.Source, r.Consistent,
        [.. r.Issues.Select(i => new StatisticIssueView(i.Rule.ToString(), i.Message))]);

    private static async Task<Ok<List<StatisticView>>> StatisticsAsync(MarketStatisticsService statistics, CancellationToken ct) =>
        TypedResults.Ok((await statistics.TableAsync(ct).ConfigureAwait(false)).Select(View).ToList());

    private static async Task<FileContentHttpResult> ExportAsync(MarketStatisticsService statistics, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        StatisticsSheet.WriteXlsx(buffer, await statistics.TableAsync(ct).ConfigureAwait(false));
        return TypedResults.File(buffer.ToArray(), TabularWriter.XlsxContentType, "market-statistics.xlsx");
    }

    private static async Task<Results<Ok<StatisticsImportView>, ProblemHttpResult, ForbidHttpResult>> ImportAsync(
        IFormFile file, HttpContext http, MarketStatisticsService statistics, CancellationToken ct)
    {
        StatisticsSheet sheet;
        if (file.Length > TabularLimits.MaxFileBytes)
        {
            sheet = StatisticsSheet.TooLarge();
        }
        else
        {
            await using var content = file.OpenReadStream();
            sheet = StatisticsSheet.Read(content, file.FileName);
        }
        return await statistics.ImportAsync(http.User.Actor(), sheet, file.FileName, ct).ConfigureAwait(false) switch
        {
            StatisticsImportOutcome.Imported i => TypedResults.Ok(new StatisticsImportView(i.Rows, i.Added, i.Replaced, i.Flagged.Count, i.FlaggedInAll)),
            StatisticsImportOutcome.Invalid i => TypedResults.Problem(title: Text.T("problem.import"), statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?>
                {
                    ["errors"] = i.Errors.Select(e => new StatisticsFileErrorView(e.Sheet, e.Row, e.Column, e.Header, e.Rule,
                        RuleText.Message("", e.Rule, e.Message, e.Figures))).ToList(),
                    ["moreErrors"] = i.MoreErrors,
                }),
            _ => TypedResults.Forbid(),
        };
    }
}
