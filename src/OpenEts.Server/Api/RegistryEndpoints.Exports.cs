using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenEts.Application.Files;
using OpenEts.Application.Forms;
using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Domain.Registry;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Api;

// Exports of an account's holdings and history: the same access rules as the JSON reads. Headers are Chinese; numbers
// stay numbers in .xlsx.
internal static partial class RegistryEndpoints
{
    private static readonly string[] HoldingsHeader = ["账户", "单位类别", "年度", "起始序列号", "终止序列号", "数量（吨）", "序列号"];

    private static readonly string[] HistoryHeader =
        ["日志序号", "时间", "操作人", "事件类型", "单位类别", "转出账户", "转入账户", "数量（吨）", "序列号区段", "转移申请编号", "状态",
            "申请数量（吨，未转移）", "事件代码"];

    private enum Sheet
    {
        Xlsx = 1,
        Csv,
    }

    private static void MapExports(RouteGroupBuilder group, Microsoft.AspNetCore.Authorization.AuthorizeAttribute readers)
    {
        group.MapGet("/accounts/{account}/holdings.xlsx", HoldingsXlsxAsync).RequireAuthorization(readers)
            .WithSummary("An account's holdings as .xlsx: one row per serial block, Chinese headers");
        group.MapGet("/accounts/{account}/holdings.csv", HoldingsCsvAsync).RequireAuthorization(readers)
            .WithSummary("An account's holdings as UTF-8 CSV (with BOM): one row per serial block");
        group.MapGet("/accounts/{account}/history.xlsx", HistoryXlsxAsync).RequireAuthorization(readers)
            .WithSummary("Registry events touching an account as .xlsx, oldest first");
        group.MapGet("/accounts/{account}/history.csv", HistoryCsvAsync).RequireAuthorization(readers)
            .WithSummary("Registry events touching an account as UTF-8 CSV (with BOM), oldest first");
    }

    private static Task<Results<FileContentHttpResult, ValidationProblem, NotFound, ForbidHttpResult>> HoldingsXlsxAsync(
        string account, HttpContext http, RegistryQueries queries, CancellationToken ct) =>
        ExportAsync(account, http.User.Actor(), queries, HoldingsHeader, HoldingRows, Sheet.Xlsx, "持有量", ct);

    private static Task<Results<FileContentHttpResult, ValidationProblem, NotFound, ForbidHttpResult>> HoldingsCsvAsync(
        string account, HttpContext http, RegistryQueries queries, CancellationToken ct) =>
        ExportAsync(account, http.User.Actor(), queries, HoldingsHeader, HoldingRows, Sheet.Csv, "持有量", ct);

    private static Task<Results<FileContentHttpResult, ValidationProblem, NotFound, ForbidHttpResult>> HistoryXlsxAsync(
        string account, HttpContext http, RegistryQueries queries, CancellationToken ct) =>
        ExportAsync(account, http.User.Actor(), queries, HistoryHeader, HistoryRows, Sheet.Xlsx, "交易记录", ct);

    private static Task<Results<FileContentHttpResult, ValidationProblem, NotFound, ForbidHttpResult>> HistoryCsvAsync(
        string account, HttpContext http, RegistryQueries queries, CancellationToken ct) =>
        ExportAsync(account, http.User.Actor(), queries, HistoryHeader, HistoryRows, Sheet.Csv, "交易记录", ct);

    private static List<object?[]> HoldingRows(RegistryLedger ledger, IReadOnlyList<RegistryRecord> records, AccountNumber account) =>
        [.. ledger.HoldingsOf(account).SelectMany(h => h.Blocks.Select(b => new object?[]
        {
            account.Value, h.Class.ToString(), Pages.Registry.RegistryRows.Vintage(h.Class),
            b.First, b.Last, b.Count, h.Class.SerialText(b),
        }))];

    private static List<object?[]> HistoryRows(RegistryLedger ledger, IReadOnlyList<RegistryRecord> records, AccountNumber account) =>
        [.. RegistryQueries.History(ledger, records, account).Select(h => new object?[]
        {
            h.Sequence, DisplayTime.Cell(h.At), h.Actor, KindName(h.Kind), h.Class, h.From,
            h.To, h.Moved, h.Class is null ? h.Blocks : string.Join(' ', h.Blocks.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(b => h.Class + "-" + b)),
            h.Proposal, Status(h), h.Moved is null && h.Proposal is not null ? h.Quantity : null, h.Kind,
        })];

    // 事件类型 in the sheet's language (转移已执行), as the account's page names it; the code stays in 事件代码 for scripts.
    private static string KindName(string kind) =>
        Pages.Audit.AuditWords.KindKey(kind) is { } key ? Text.Chinese(key) : kind;

    // 数量（吨） holds only what moved, as a registry statement does: a transfer proposed and waiting for its second
    // representative moved nothing, and summing the column counted it. Its quantity is shown apart, under its status.
    private static string Status(RegistryHistoryRow row) => row switch
    {
        { Moved: not null } => Text.Chinese("reg.history.moved"),
        { ProposalState: { } state } => Text.Chinese("reg.proposalstate." + state),
        _ => "",
    };

    private static async Task<Results<FileContentHttpResult, ValidationProblem, NotFound, ForbidHttpResult>> ExportAsync(
        string account, Actor actor, RegistryQueries queries, string[] header,
        Func<RegistryLedger, IReadOnlyList<RegistryRecord>, AccountNumber, List<object?[]>> rows, Sheet sheet, string what,
        CancellationToken ct)
    {
        var read = new FieldReader();
        var number = read.Account(account, "account");
        if (!read.IsValid)
        {
            return Problems.Fields(read.Errors);
        }
        var found = await queries.AccountAsync(actor, number, (l, records, _) => rows(l, records, number), ct).ConfigureAwait(false);
        return ToHttp(found, data =>
        {
            using var buffer = new MemoryStream();
            var name = $"{number.Value}-{what}";
            if (sheet == Sheet.Xlsx)
            {
                TabularWriter.WriteXlsx(buffer, header, data);
                return TypedResults.File(buffer.ToArray(), TabularWriter.XlsxContentType, name + ".xlsx");
            }
            TabularWriter.WriteCsv(buffer, header, data);
            return TypedResults.File(buffer.ToArray(), TabularWriter.CsvContentType, name + ".csv");
        });
    }
}
