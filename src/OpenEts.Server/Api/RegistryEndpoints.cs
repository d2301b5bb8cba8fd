using System.Data;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Files;
using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;
using OpenEts.Server.Auth;
using OpenEts.Server.Pages.Registry;

namespace OpenEts.Server.Api;

/// <summary>
/// The carbon registry: <c>/api/v1/registry</c>. Companies and the exchange see and act for only the accounts they
/// represent (403 otherwise); the regulator issues and allocates; the regulator and the auditor read everything and
/// verify. A refused request is 409 problem+json naming the field and rule (400 for a malformed field).
/// </summary>
internal static partial class RegistryEndpoints
{
    public static void MapRegistryApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/registry").WithTags("Registry");
        var readers = new AuthorizeAttribute { Roles = Access.RegistryReaders };
        var holders = new AuthorizeAttribute { Roles = Access.RegistryHolders };
        var regulator = new AuthorizeAttribute { Roles = Access.Regulator };
        group.MapGet("/accounts", ListAsync).RequireAuthorization(readers)
            .WithSummary("Registry accounts (companies and the exchange: those they represent)");
        group.MapGet("/accounts/{account}/holdings", HoldingsAsync).RequireAuthorization(readers)
            .WithSummary("An account's holdings per unit class, with serial blocks");
        group.MapGet("/accounts/{account}/history", HistoryAsync).RequireAuthorization(readers)
            .WithSummary("Registry events touching an account, oldest first; filters kind, class, since, until; page skip, take (X-Total-Count)");
        group.MapGet("/serials/{class}/{serial:long}", SerialAsync).RequireAuthorization(readers)
            .WithSummary("Which account holds one serial of a unit class");
        group.MapPost("/transfers", ProposeAsync).RequireAuthorization(holders)
            .WithSummary("Propose a transfer; a second representative of the source must approve it");
        group.MapPost("/transfers/{id:long}/approve", ApproveAsync).RequireAuthorization(holders)
            .WithSummary("Approve a transfer proposal (not your own); the units move at once");
        group.MapPost("/transfers/{id:long}/reject", RejectAsync).RequireAuthorization(holders)
            .WithSummary("Reject (or withdraw) a transfer proposal");
        group.MapPost("/surrenders", SurrenderAsync).RequireAuthorization(holders)
            .WithSummary("Surrender units for a compliance year");
        group.MapPost("/issuances", IssueAsync).RequireAuthorization(regulator)
            .WithSummary("Issue new units into the issuance account");
        group.MapPost("/allocations", AllocateAsync).RequireAuthorization(regulator)
            .WithSummary("Allocate units from the issuance account to a holding account");
        group.MapGet("/verify", VerifyAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.AuditReaders })
            .WithSummary("Recompute the journal's hash chain and replay the registry; compare with the live registry");
        group.MapGet("/accounts/{account}/holdings.xlsx", HoldingsXlsxAsync).RequireAuthorization(readers)
            .WithSummary("An account's holdings as .xlsx: one row per serial block, Chinese headers");
        group.MapGet("/accounts/{account}/holdings.csv", HoldingsCsvAsync).RequireAuthorization(readers)
            .WithSummary("An account's holdings as UTF-8 CSV (with BOM): one row per serial block");
        group.MapGet("/accounts/{account}/history.xlsx", HistoryXlsxAsync).RequireAuthorization(readers)
            .WithSummary("Registry events touching an account as .xlsx, oldest first");
        group.MapGet("/accounts/{account}/history.csv", HistoryCsvAsync).RequireAuthorization(readers)
            .WithSummary("Registry events touching an account as UTF-8 CSV (with BOM), oldest first");
        MapAdmin(group);
    }

    public sealed record AccountView(string Number, string Kind, string State, string HolderName, IReadOnlyList<string> Representatives);

    public sealed record HoldingView(string Class, long Quantity, IReadOnlyList<string> Blocks);

    public sealed record HoldingsView(string Account, IReadOnlyList<HoldingView> Holdings);

    public sealed record HistoryView(long Sequence, DateTimeOffset At, string Actor, string Kind, JsonElement Event);

    public sealed record SerialView(string Class, long Serial, string? Account);

    public sealed record OutcomeView(string Event, bool Duplicate, long? Proposal, long Quantity, IReadOnlyList<string> Blocks);

    public sealed record TransferInput(string? From, string? To, string? Class, long Quantity, string? IdempotencyKey,
        DateTimeOffset? ExpiresAt);

    public sealed record DecisionInput(string? IdempotencyKey, string? Reason);

    public sealed record SurrenderInput(string? From, string? Class, long Quantity, int ComplianceYear, string? IdempotencyKey);

    public sealed record IssueInput(string? Class, long Quantity, string? IdempotencyKey);

    public sealed record AllocateInput(string? To, string? Class, long Quantity, string? IdempotencyKey);

    /// <summary>How long a proposal stays open when the request names no expiry.</summary>
    public static readonly TimeSpan DefaultExpiry = TimeSpan.FromDays(7);

    // The regulator and the auditor see every account; everyone else only the accounts they represent.
    private static bool MaySee(Actor actor, Account account) =>
        actor.Role is Role.Regulator or Role.Auditor || account.IsRepresentative(RegistryService.UserOf(actor.UserName));

    private static async Task<Ok<List<AccountView>>> ListAsync(HttpContext http, RegistryService registry, CancellationToken ct)
    {
        var actor = http.User.Actor();
        return TypedResults.Ok(await registry.QueryAsync((l, _) =>
            l.Accounts.Where(a => MaySee(actor, a)).Select(View).ToList(), ct).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<HoldingsView>, ValidationProblem, NotFound, ForbidHttpResult>> HoldingsAsync(
        string account, HttpContext http, RegistryService registry, CancellationToken ct)
    {
        if (!AccountNumber.TryCreate(account, out var number))
        {
            return BadAccount("account", account);
        }
        var actor = http.User.Actor();
        return await registry.QueryAsync<Results<Ok<HoldingsView>, ValidationProblem, NotFound, ForbidHttpResult>>((l, _) =>
        {
            if (l.FindAccount(number) is not { } a)
            {
                return TypedResults.NotFound();
            }
            if (!MaySee(actor, a))
            {
                return TypedResults.Forbid();
            }
            return TypedResults.Ok(new HoldingsView(number.Value, l.HoldingsOf(number)
                .Select(h => new HoldingView(h.Class.ToString(), h.Total.Value, h.Blocks.Select(b => b.ToString()).ToList()))
                .ToList()));
        }, ct).ConfigureAwait(false);
    }

    // Filters and a page of the history: ?kind=transfer&class=GDEA-2017&since=2017-07-01&until=2018-01-01&skip=0&take=100.
    // Oldest first; the X-Total-Count header gives how many match before paging.
    private static async Task<Results<Ok<List<HistoryView>>, ValidationProblem, NotFound, ForbidHttpResult>> HistoryAsync(
        string account, HttpContext http, RegistryService registry, CancellationToken ct,
        [FromQuery] string? kind = null, [FromQuery(Name = "class")] string? unitClass = null, [FromQuery] string? since = null,
        [FromQuery] string? until = null, [FromQuery] string? skip = null, [FromQuery] string? take = null)
    {
        if (!AccountNumber.TryCreate(account, out var number))
        {
            return BadAccount("account", account);
        }
        var (filter, skipped, taken, errors) = RegistryHistoryFilter.Parse(kind, unitClass, since, until, skip, take);
        if (errors.Count > 0)
        {
            return Problems.Fields(errors);
        }
        var actor = http.User.Actor();
        return await registry.QueryAsync<Results<Ok<List<HistoryView>>, ValidationProblem, NotFound, ForbidHttpResult>>((l, records) =>
        {
            if (l.FindAccount(number) is not { } a)
            {
                return TypedResults.NotFound();
            }
            if (!MaySee(actor, a))
            {
                return TypedResults.Forbid();
            }
            var matching = records.Where(r => RegistryService.Involves(r.Event, number, l) && filter.Matches(r.Event, l)).ToList();
            http.Response.Headers["X-Total-Count"] = matching.Count.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Ok(matching.Skip(skipped).Take(taken ?? int.MaxValue)
                .Select(r => new HistoryView(r.Sequence, r.Event.At, r.Event.Actor.Value, RegistryEventJson.KindOf(r.Event),
                    JsonSerializer.SerializeToElement(r.Event, RegistryEventJson.Options)))
                .ToList());
        }, ct).ConfigureAwait(false);
    }

    private static async Task<Results<Ok<SerialView>, ValidationProblem>> SerialAsync(
        string @class, long serial, RegistryService registry, CancellationToken ct)
    {
        if (!UnitClass.TryParse(@class, out var unitClass))
        {
            return BadClass(@class);
        }
        var holder = await registry.QueryAsync((l, _) => l.HolderOf(unitClass, serial), ct).ConfigureAwait(false);
        return TypedResults.Ok(new SerialView(unitClass.ToString(), serial, holder?.Value));
    }

    private static async Task<Results<Ok<OutcomeView>, ValidationProblem, ProblemHttpResult>> ProposeAsync(
        TransferInput input, HttpContext http, RegistryService registry, TimeProvider clock, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var from = Account(input.From, "from", errors);
        var to = Account(input.To, "to", errors);
        var unitClass = Class(input.Class, errors);
        var key = Key(input.IdempotencyKey, errors);
        if (errors.Count > 0)
        {
            return Problems.Fields(errors);
        }
        var now = clock.GetUtcNow();
        // Without an expiry, the end of the UTC day a week on: a retry the same day makes the same request.
        var expiresAt = input.ExpiresAt ?? new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).Add(DefaultExpiry).AddDays(1);
        var actor = RegistryService.UserOf(http.User.Actor().UserName);
        return Result(await registry.ExecuteAsync(now, l => l.ProposeTransfer(actor, now, key, from, to, unitClass,
            input.Quantity, expiresAt), ct).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<OutcomeView>, ValidationProblem, ProblemHttpResult>> ApproveAsync(
        long id, DecisionInput input, HttpContext http, RegistryService registry, TimeProvider clock, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var key = Key(input.IdempotencyKey, errors);
        if (id < 1)
        {
            errors.Add(new FieldError("id", "Range", "id must be a proposal number ≥ 1"));
        }
        if (errors.Count > 0)
        {
            return Problems.Fields(errors);
        }
        var now = clock.GetUtcNow();
        var actor = RegistryService.UserOf(http.User.Actor().UserName);
        return Result(await registry.ExecuteAsync(now, l => l.ApproveTransfer(actor, now, key, ProposalId.From(id)), ct)
            .ConfigureAwait(false));
    }

    private static async Task<Results<Ok<OutcomeView>, ValidationProblem, ProblemHttpResult>> RejectAsync(
        long id, DecisionInput input, HttpContext http, RegistryService registry, TimeProvider clock, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var key = Key(input.IdempotencyKey, errors);
        if (id < 1)
        {
            errors.Add(new FieldError("id", "Range", "id must be a proposal number ≥ 1"));
        }
        if (errors.Count > 0)
        {
            return Problems.Fields(errors);
        }
        var now = clock.GetUtcNow();
        var actor = RegistryService.UserOf(http.User.Actor().UserName);
        return Result(await registry.ExecuteAsync(now, l => l.RejectTransfer(actor, now, key, ProposalId.From(id),
            input.Reason ?? ""), ct).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<OutcomeView>, ValidationProblem, ProblemHttpResult>> SurrenderAsync(
        SurrenderInput input, HttpContext http, RegistryService registry, TimeProvider clock, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var from = Account(input.From, "from", errors);
        var unitClass = Class(input.Class, errors);
        var key = Key(input.IdempotencyKey, errors);
        if (errors.Count > 0)
        {
            return Problems.Fields(errors);
        }
        var now = clock.GetUtcNow();
        var actor = RegistryService.UserOf(http.User.Actor().UserName);
        return Result(await registry.ExecuteAsync(now, l => l.Surrender(actor, now, key, from, unitClass, input.Quantity,
            input.ComplianceYear), ct).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<OutcomeView>, ValidationProblem, ProblemHttpResult>> IssueAsync(
        IssueInput input, HttpContext http, RegistryService registry, TimeProvider clock, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var unitClass = Class(input.Class, errors);
        var key = Key(input.IdempotencyKey, errors);
        if (errors.Count > 0)
        {
            return Problems.Fields(errors);
        }
        var now = clock.GetUtcNow();
        var actor = RegistryService.UserOf(http.User.Actor().UserName);
        return Result(await registry.ExecuteAsync(now, l => l.Issue(actor, now, key, unitClass, input.Quantity), ct)
            .ConfigureAwait(false));
    }

    private static async Task<Results<Ok<OutcomeView>, ValidationProblem, ProblemHttpResult>> AllocateAsync(
        AllocateInput input, HttpContext http, RegistryService registry, TimeProvider clock, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var to = Account(input.To, "to", errors);
        var unitClass = Class(input.Class, errors);
        var key = Key(input.IdempotencyKey, errors);
        if (errors.Count > 0)
        {
            return Problems.Fields(errors);
        }
        var now = clock.GetUtcNow();
        var actor = RegistryService.UserOf(http.User.Actor().UserName);
        return Result(await registry.ExecuteAsync(now, l => l.Allocate(actor, now, key, to, unitClass, input.Quantity), ct)
            .ConfigureAwait(false));
    }

    private static async Task<Ok<RegistryCheck>> VerifyAsync(RegistryService registry, CancellationToken ct) =>
        TypedResults.Ok(await registry.VerifyAsync(ct).ConfigureAwait(false));

    private static AccountView View(Account a) =>
        new(a.Number.Value, a.Kind.ToString(), a.State.ToString(), a.HolderName, a.Representatives.Select(r => r.Value).ToList());

    private static Results<Ok<OutcomeView>, ValidationProblem, ProblemHttpResult> Result(RegistryOutcome outcome)
    {
        if (outcome is RegistryOutcome.Completed c)
        {
            var proposal = c.Event switch
            {
                TransferProposed p => p.Proposal.Value,
                UnitsTransferred t => t.Proposal.Value,
                TransferRejected j => j.Proposal.Value,
                _ => (long?)null,
            };
            return TypedResults.Ok(new OutcomeView(RegistryEventJson.KindOf(c.Event), c.Duplicate, proposal,
                c.Blocks.Sum(b => b.Count), c.Blocks.Select(b => b.ToString()).ToList()));
        }
        var r = (RegistryOutcome.Rejected)outcome;
        var rule = r.Reason.ToString();
        if (r.Reason is RegistryRejection.InvalidQuantity or RegistryRejection.InvalidText or RegistryRejection.InvalidComplianceYear
            or RegistryRejection.InvalidExpiry or RegistryRejection.ReasonRequired)
        {
            return Problems.Fields([new FieldError(r.Field, rule, r.Message)], "The registry refused a malformed field");
        }
        var status = r.Reason is RegistryRejection.NotRepresentative or RegistryRejection.NotRegulator
            ? StatusCodes.Status403Forbidden
            : StatusCodes.Status409Conflict;
        return TypedResults.Problem(r.Message, statusCode: status, title: "The registry refused the request",
            extensions: new Dictionary<string, object?> { ["field"] = r.Field, ["rule"] = rule });
    }

    private static AccountNumber Account(string? text, string field, List<FieldError> errors)
    {
        if (AccountNumber.TryCreate(text?.Trim(), out var number))
        {
            return number;
        }
        errors.Add(new FieldError(field, "AccountNumber", $"{field} must be an account number (1–{AccountNumber.MaxLength} of A–Z, a–z, 0–9, -)"));
        return default;
    }

    private static UnitClass Class(string? text, List<FieldError> errors)
    {
        if (UnitClass.TryParse(text, out var unitClass))
        {
            return unitClass;
        }
        errors.Add(new FieldError("class", "UnitClass", "class must be a unit class, e.g. GDEA-2017, CEA-2021, CCER"));
        return default;
    }

    private static IdempotencyKey Key(string? text, List<FieldError> errors)
    {
        if (!string.IsNullOrWhiteSpace(text) && text.Length <= IdempotencyKey.MaxLength && !text.Any(char.IsControl))
        {
            return IdempotencyKey.From(text);
        }
        errors.Add(new FieldError("idempotencyKey", "Required",
            $"idempotencyKey must be 1–{IdempotencyKey.MaxLength} printable characters"));
        return default;
    }

    private static ValidationProblem BadAccount(string field, string text) =>
        Problems.Fields([new FieldError(field, "AccountNumber", $"'{text}' is not an account number")]);

    private static ValidationProblem BadClass(string text) =>
        Problems.Fields([new FieldError("class", "UnitClass", $"'{text}' is not a unit class (e.g. GDEA-2017, CEA-2021, CCER)")]);

    // Exports: the same access rules as the JSON reads. Headers are Chinese; numbers stay numbers in .xlsx.
    private static readonly string[] HoldingsHeader = ["账户", "单位类别", "年度", "起始序列号", "终止序列号", "数量（吨）"];

    private static readonly string[] HistoryHeader =
        ["日志序号", "时间", "操作人", "事件类型", "单位类别", "转出账户", "转入账户", "数量（吨）", "序列号区段", "转移申请编号"];

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string CsvType = "text/csv; charset=utf-8";

    private static Task<Results<FileContentHttpResult, ValidationProblem, NotFound, ForbidHttpResult>> HoldingsXlsxAsync(
        string account, HttpContext http, RegistryService registry, CancellationToken ct) =>
        ExportAsync(account, http, registry, HoldingsHeader, HoldingRows, xlsx: true, "持有量", ct);

    private static Task<Results<FileContentHttpResult, ValidationProblem, NotFound, ForbidHttpResult>> HoldingsCsvAsync(
        string account, HttpContext http, RegistryService registry, CancellationToken ct) =>
        ExportAsync(account, http, registry, HoldingsHeader, HoldingRows, xlsx: false, "持有量", ct);

    private static Task<Results<FileContentHttpResult, ValidationProblem, NotFound, ForbidHttpResult>> HistoryXlsxAsync(
        string account, HttpContext http, RegistryService registry, CancellationToken ct) =>
        ExportAsync(account, http, registry, HistoryHeader, HistoryRows, xlsx: true, "交易记录", ct);

    private static Task<Results<FileContentHttpResult, ValidationProblem, NotFound, ForbidHttpResult>> HistoryCsvAsync(
        string account, HttpContext http, RegistryService registry, CancellationToken ct) =>
        ExportAsync(account, http, registry, HistoryHeader, HistoryRows, xlsx: false, "交易记录", ct);

    private static IEnumerable<object?[]> HoldingRows(RegistryLedger ledger, IReadOnlyList<RegistryRecord> records, AccountNumber account) =>
        ledger.HoldingsOf(account).SelectMany(h => h.Blocks.Select(b => new object?[]
        {
            account.Value, h.Class.ToString(), h.Class.Type == UnitType.Allowance ? h.Class.Vintage : null, b.First, b.Last, b.Count,
        }));

    private static IEnumerable<object?[]> HistoryRows(RegistryLedger ledger, IReadOnlyList<RegistryRecord> records, AccountNumber account) =>
        RegistryRows.History(ledger, records, account).Select(h => new object?[]
        {
            h.Sequence, h.At.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture), h.Actor, h.Kind, h.Class, h.From,
            h.To, h.Quantity, h.Blocks, h.Proposal,
        });

    private static async Task<Results<FileContentHttpResult, ValidationProblem, NotFound, ForbidHttpResult>> ExportAsync(
        string account, HttpContext http, RegistryService registry, string[] header,
        Func<RegistryLedger, IReadOnlyList<RegistryRecord>, AccountNumber, IEnumerable<object?[]>> rows, bool xlsx, string what,
        CancellationToken ct)
    {
        if (!AccountNumber.TryCreate(account, out var number))
        {
            return BadAccount("account", account);
        }
        var actor = http.User.Actor();
        var (found, visible, data) = await registry.QueryAsync((l, records) =>
            l.FindAccount(number) is not { } a ? (false, false, [])
            : !MaySee(actor, a) ? (true, false, [])
            : (true, true, rows(l, records, number).ToList()), ct).ConfigureAwait(false);
        if (!found)
        {
            return TypedResults.NotFound();
        }
        if (!visible)
        {
            return TypedResults.Forbid();
        }
        var name = $"{number.Value}-{what}";
        return xlsx
            ? TypedResults.File(WriteXlsx(header, data), XlsxType, name + ".xlsx")
            : TypedResults.File(WriteCsv(header, data), CsvType, name + ".csv");
    }

    private static byte[] WriteXlsx(string[] header, List<object?[]> rows)
    {
        // A DataTable keeps the header row even when there are no rows.
        using var table = new DataTable { Locale = CultureInfo.InvariantCulture };
        foreach (var h in header)
        {
            table.Columns.Add(h, typeof(object));
        }
        foreach (var row in rows)
        {
            table.Rows.Add(row.Select(v => v ?? DBNull.Value).ToArray());
        }
        using var buffer = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(buffer, table, excelType: MiniExcelLibs.ExcelType.XLSX);
        return buffer.ToArray();
    }

    private static byte[] WriteCsv(string[] header, List<object?[]> rows)
    {
        // UTF-8 with a BOM, so that Excel opens the Chinese headers correctly.
        var text = new StringBuilder();
        text.Append(string.Join(',', header.Select(Csv.Escape))).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(',', row.Select(v => Csv.Escape(Convert.ToString(v, CultureInfo.InvariantCulture))))).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
