using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Compliance;
using OpenEts.Application.Mrv;
using OpenEts.Application.Mrv.Files;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;
using OpenEts.Server.Pages.Compliance;

namespace OpenEts.Server.Pages.Mrv;

/// <summary>
/// One report: its lines as reported and as verified side by side (differences highlighted, each adjustment with its
/// reason and evidence), its warnings and the verifier's notes, its totals. The role that holds the report acts here:
/// the regulator assigns a verifier, approves or returns; the assigned verifier reviews line by line and concludes, or
/// returns. A report the user may not see is 404.
/// </summary>
[Authorize(Roles = Access.MrvReaders)]
public sealed partial class ReportModel(MrvCommandHandler handler, MrvQueries queries, ComplianceQueries compliance) : MrvPageModel(handler)
{
    public ReportDetail Detail { get; private set; } = null!;

    public IReadOnlyList<Organisation> Bodies { get; private set; } = [];

    /// <summary>
    /// The compliance page of an approved report's year, which reads its approved emissions as the obligation (the company's
    /// own standing, the regulator's and auditor's overview, anyone else's public list), and its title; null when the
    /// report is not approved or its market has no compliance rules for the year.
    /// </summary>
    public (string Address, string Title)? Compliance { get; private set; }

    public string? Done { get; private set; }

    public Role Role { get; private set; }

    /// <summary>
    /// The warnings a refused verification lacked notes for, the verifier's own adjustments' among them (a corrected
    /// output out of the intensity range): the form offers a note for each.
    /// </summary>
    public IReadOnlyList<MrvIssue> Unnoted { get; private set; } = [];

    [BindProperty]
    public AssignRows Assign { get; set; } = new();

    [BindProperty]
    public ReviewRows Review { get; set; } = new();

    [BindProperty]
    public string? Comments { get; set; }

    /// <summary>The action a refused post asked for (<c>returned</c>, <c>returnedtoverifier</c>, …): its form shows what was typed.</summary>
    public string? Refused { get; private set; }

    public bool MayAssign => Role == Role.Regulator && Detail.Report.Status is ReportStatus.Submitted or ReportStatus.Assigned;

    public bool MayApprove => Role == Role.Regulator && Detail.Report.Status == ReportStatus.Verified;

    public bool MayVerify => Role == Role.Verifier && Detail.Report.Status == ReportStatus.Assigned;

    public bool MayReturn => Detail.Report.Status is ReportStatus.Submitted or ReportStatus.Assigned or ReportStatus.Verified
        && MrvRoles.HolderOf(Detail.Report.Status) == Role;

    public bool MayReturnToVerifier => Role == Role.Regulator && Detail.Report.Status == ReportStatus.Verified;

    public bool MayEdit => Role == Role.CompanyRepresentative && Detail.Report.Status is ReportStatus.Draft or ReportStatus.Returned;

    public async Task<IActionResult> OnGetAsync(long id, [FromQuery] string? done, CancellationToken ct)
    {
        Done = done;
        return await LoadAsync(id, fresh: true, ct) ? Page() : NotFound();
    }

    /// <summary>
    /// An approved report as .xlsx: the approved (verified) lines and outputs, every line's emissions and the derivation,
    /// in the page's language. The file reads back as a report (ReportWorkbook.Read). Other reports are 404 here.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(long id, CancellationToken ct)
    {
        if (await queries.ApprovedReportAsync(User.Actor(), id, ct) is not { Verified: { } verified } detail)
        {
            return NotFound();
        }
        var buffer = new MemoryStream();
        ReportWorkbook.WriteReport(detail.Report.VerifiedInput, verified, buffer, Text.IsEnglish ? "en" : "zh");
        return File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"{detail.Company.Code.Value}-{detail.Report.Year}-approved.xlsx");
    }

    public Task<IActionResult> OnPostAssignAsync(long id, CancellationToken ct) =>
        ActAsync(id, "assigned", AssignVerifier.TryParse(new(id, Assign.Verifier, Assign.ConflictOfInterest), out var c, out var e), c, e, ct,
            AssignVerifier.Allowed);

    public Task<IActionResult> OnPostApproveAsync(long id, CancellationToken ct) =>
        ActAsync(id, "approved", ApproveReport.TryParse(new(id), out var c, out var e), c, e, ct);

    public Task<IActionResult> OnPostReturnAsync(long id, CancellationToken ct) =>
        ActAsync(id, "returned", ReturnReport.TryParse(new(id, Comments), out var c, out var e), c, e, ct);

    public Task<IActionResult> OnPostReturnToVerifierAsync(long id, CancellationToken ct) =>
        ActAsync(id, "returnedtoverifier", ReturnToVerifier.TryParse(new(id, Comments), out var c, out var e), c, e, ct);

    public async Task<IActionResult> OnPostVerifyAsync(long id, CancellationToken ct)
    {
        if (Unbound() is { Count: > 0 } unbound)
        {
            FileFields(unbound);
            return await LoadAsync(id, fresh: false, ct) ? Page() : NotFound();
        }
        var outcome = await SendAsync(RecordVerification.TryParse(Review.ToForm(id), out var c, out var e), c, e, ct, RecordVerification.Allowed);
        if (outcome is MrvCommandOutcome.Completed)
        {
            return Redirect($"/Mrv/Report/{id}?done=verified");
        }
        if (outcome is MrvCommandOutcome.Invalid invalid)
        {
            AskForNotes(invalid.Errors);
        }
        return await LoadAsync(id, fresh: false, ct) ? Page() : NotFound();
    }

    // A typed amount the form could not bind (1e30 is beyond a decimal, "abc" no number) reads as missing to the command,
    // which would say it is required: it is named as typed instead, under the command's own field.
    private List<FieldError> Unbound()
    {
        var errors = new List<FieldError>();
        foreach (var (key, entry) in ModelState)
        {
            if (entry.Errors.Count == 0 || string.IsNullOrWhiteSpace(entry.AttemptedValue) || UnboundField().Match(key) is not { Success: true } m)
            {
                continue;
            }
            var index = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            var (field, max) = m.Groups[1].Value switch
            {
                "Lines" => ($"adjustments[{Review.Lines.ElementAtOrDefault(index)?.LineId ?? m.Groups[2].Value}].amount", MrvLimits.MaxAmount),
                "Outputs" => ($"outputAdjustments[{index}].amount", MrvLimits.MaxAmount),
                _ => ($"parameterAdjustments[{index}].value", MrvLimits.MaxMeasured),
            };
            var typed = entry.AttemptedValue.Trim();
            errors.Add(double.TryParse(typed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !double.IsNaN(number)
                ? FieldError.Of(field, "TooLarge", $"{typed} is more than {max:N0}, the largest accepted")
                : FieldError.Of(field, "BadNumber", $"{typed} is not a number"));
        }
        return errors;
    }

    [GeneratedRegex(@"^Review\.(Lines|Outputs|Parameters)\[(\d+)\]\.(Amount|Value)$")]
    private static partial Regex UnboundField();

    // Each warning without a note (its key and sentence are the refusal's figures) is named in the message and gets a
    // note field, the verifier's other inputs kept.
    private void AskForNotes(IReadOnlyList<FieldError> errors)
    {
        Unnoted = [.. errors.Where(e => e.Rule == "WarningNotAcknowledged" && e.Figures.Count == 2).Select(e =>
        {
            var key = e.Figures[0];
            var split = key.LastIndexOf(':');
            var line = split < 0 ? "-" : key[(split + 1)..];
            return new MrvIssue(line == "-" ? null : line, "total", split < 0 ? key : key[..split], IssueSeverity.Warning, e.Figures[1]);
        })];
        if (Unnoted.Count == 0)
        {
            return;
        }
        Errors["acknowledgements"] = Text.T("mrv.warningsneednotes",
            Text.Clauses(Unnoted.Select(w => (w.LineId is null ? "" : w.LineId + " · ") + RuleText.Message("", w.Rule, w.Message))));
        foreach (var key in Unnoted.Select(MrvReview.WarningKey).Where(k => !Review.Notes.Exists(n => n.Warning == k)))
        {
            Review.Notes.Add(new ReviewRows.Note { Warning = key });
        }
    }

    private async Task<IActionResult> ActAsync(long id, string done, bool parsed, IMrvCommand? command,
        IReadOnlyList<FieldError> errors, CancellationToken ct, IReadOnlyList<Role>? allowed = null)
    {
        var outcome = await SendAsync(parsed, command, errors, ct, allowed);
        if (outcome is MrvCommandOutcome.Completed)
        {
            return Redirect($"/Mrv/Report/{id}?done={done}");
        }
        Refused = done;
        return await LoadAsync(id, fresh: false, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, bool fresh, CancellationToken ct)
    {
        var actor = User.Actor();
        Role = actor.Role;
        if (await queries.ReportAsync(actor, id, ct) is not { } detail)
        {
            return false;
        }
        Detail = detail;
        if (MayAssign)
        {
            Bodies = await queries.VerificationBodiesAsync(ct);
        }
        if (fresh || Review.Lines.Count == 0)
        {
            Review = ReviewRows.From(detail);
        }
        if (detail.Report.Status == ReportStatus.Approved && detail.Company.Jurisdiction is { Code: { } market }
            && (await compliance.YearsAsync(ct)).Contains((market, detail.Report.Year)))
        {
            var page = ComplianceQueries.OverviewRoles.Contains(Role) ? "/Overview" : Role == Role.CompanyRepresentative ? "/Own" : "";
            Compliance = ($"/Compliance{page}?jurisdiction={market}&year={detail.Report.Year.ToString(CultureInfo.InvariantCulture)}",
                CompliancePage.Title(market, detail.Report.Year));
        }
        return true;
    }

    public sealed class AssignRows
    {
        public string? Verifier { get; set; }

        public string? ConflictOfInterest { get; set; }
    }
}
