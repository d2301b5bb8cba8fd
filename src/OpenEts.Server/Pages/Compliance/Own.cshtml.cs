using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Compliance;
using OpenEts.Application.Forms;
using OpenEts.Application.Mrv;
using OpenEts.Domain.Mrv;
using OpenEts.Server.Auth;
using OpenEts.Server.Pages.Shared;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Compliance;

/// <summary>
/// A company's own compliance (本单位履约): what it owes for the year, what it surrendered and whether each counted, its
/// holdings with each class's eligibility and the most that may be surrendered now, the deadline, and the surrender
/// form. A refused surrender names the rule and moves nothing.
/// </summary>
[Authorize(Roles = Access.MrvCompany)]
public sealed class OwnModel(ComplianceQueries queries, ComplianceHandler handler, MrvQueries mrv) : PageModel
{
    public OwnCompliance? Own { get; private set; }

    /// <summary>The approved emission report the obligation is read from (its id), when there is one.</summary>
    public long? ApprovedReport { get; private set; }

    /// <summary>Why there is nothing to show, when there is nothing.</summary>
    public string NoneText { get; private set; } = "";

    [BindProperty]
    public FormInput Input { get; set; } = new();

    /// <summary>The refusal's text and its rule code, when the last surrender was refused.</summary>
    public (string Text, string Rule, string Field)? Refusal { get; private set; }

    /// <summary>A year or jurisdiction in the address the page could not show, named with the year shown instead.</summary>
    public AddressErrors Unread { get; } = new();

    public async Task OnGetAsync([FromQuery] string? jurisdiction, [FromQuery] int? year, CancellationToken ct)
    {
        var choice = await LoadAsync(jurisdiction, year, ct);
        CompliancePage.NameUnread(Unread, ModelState, jurisdiction, choice.Picked, choice.Years);
        Input = Fresh();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = Input;
        var parsed = SurrenderForCompliance.TryParse(new(input.Jurisdiction, input.From, input.Class, input.Quantity, input.Year, input.Key),
            out var command, out var errors);
        // A number typed but not readable (1e30 tonnes) reads as missing to the command: it is named as typed instead.
        ComplianceOutcome outcome = parsed ? await handler.HandleAsync(User.Actor(), command!, ct)
            : new ComplianceOutcome.Invalid([.. Unbound.Errors(ModelState), .. errors]);
        if (outcome is ComplianceOutcome.Completed)
        {
            return Redirect($"/Compliance/Own?jurisdiction={command!.Jurisdiction}&year={command.ComplianceYear}&done=1");
        }
        Refusal = outcome switch
        {
            ComplianceOutcome.Refused r => (RuleText.Message(r.Field, r.Rule, r.Message, r.Figures), r.Rule, r.Field),
            ComplianceOutcome.Invalid i when i.Errors.Count > 0 => (RuleText.Field(i.Errors[0]), i.Errors[0].Rule, i.Errors[0].Field),
            _ => (Text.T("reg.err.forbidden"), "Role", "actor"),
        };
        await LoadAsync(input.Jurisdiction, input.Year, ct);
        Input = Fresh() with { From = input.From, Class = input.Class, Quantity = input.Quantity };
        return Page();
    }

    private FormInput Fresh() => new()
    {
        Jurisdiction = Own?.Jurisdiction,
        Year = Own?.Year,
        From = Own?.SurrenderableAccounts is [var account, ..] ? account.Value : null,
        Class = Own?.SurrenderableClasses is [var first, ..] ? first.ToString() : null,
        Key = IdempotencyKeys.NewText(KeyOrigin.Web),
    };

    private async Task<ComplianceYearChoice> LoadAsync(string? jurisdiction, int? year, CancellationToken ct)
    {
        var choice = await queries.ChooseYearAsync(jurisdiction, year, ct);
        if (choice.Picked is { } pick)
        {
            Own = await queries.OwnAsync(User.Actor(), pick.Jurisdiction, pick.Year, ct);
        }
        if (Own is { } own)
        {
            ApprovedReport = (await mrv.ReportsAsync(User.Actor(), own.Year, ReportStatus.Approved, ct))
                .FirstOrDefault(r => r.Company.Code == own.Row.Entity)?.Report.Id;
        }
        NoneText = Own is null ? CompliancePage.NoneText(choice.Years, choice.Picked, own: true) : "";
        return choice;
    }

    public sealed record FormInput
    {
        public string? Jurisdiction { get; set; }

        public int? Year { get; set; }

        public string? From { get; set; }

        public string? Class { get; set; }

        public long? Quantity { get; set; }

        public string? Key { get; set; }
    }
}
