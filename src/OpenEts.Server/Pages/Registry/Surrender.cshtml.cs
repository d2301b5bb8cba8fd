using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Registry;
using OpenEts.Domain.Registry;
using RegistryAccount = OpenEts.Domain.Registry.Account;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Registry;

/// <summary>
/// A representative surrenders units for a compliance year (履约清缴) or cancels them voluntarily (自愿注销) from an
/// account they represent. Each form carries an idempotency key made when it is shown, so a double submit executes
/// once; the ledger's refusals are shown next to their field.
/// </summary>
[Authorize(Roles = Access.RegistryHolders)]
public sealed class SurrenderModel(RegistryService registry, TimeProvider clock) : PageModel
{
    private static readonly string[] FieldsShown = ["from", "unitClass", "quantity", "complianceYear", "reason"];

    [BindProperty]
    public FormInput SurrenderInput { get; set; } = new();

    [BindProperty]
    public FormInput CancelInput { get; set; } = new();

    /// <summary>Holding accounts the user represents that are not closed: these may surrender.</summary>
    public IReadOnlyList<RegistryAccount> SurrenderSources { get; private set; } = [];

    /// <summary>Holding and investor accounts the user represents that are not closed: these may cancel.</summary>
    public IReadOnlyList<RegistryAccount> CancelSources { get; private set; } = [];

    /// <summary>What the user's accounts hold, so the forms can be filled in knowingly.</summary>
    public IReadOnlyList<(AccountNumber Account, Holding Holding)> Holdings { get; private set; } = [];

    public IReadOnlyList<UnitClass> Classes { get; private set; } = [];

    /// <summary>Errors by form and field, e.g. <c>surrender.quantity</c>, <c>cancel.reason</c>; <c>surrender.</c> for others.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Err(string field) => Errors.GetValueOrDefault(field);

    public async Task OnGetAsync([FromQuery] string? account, CancellationToken ct)
    {
        await LoadAsync(ct);
        var year = clock.GetLocalNow().Year - 1;
        SurrenderInput = Fresh(account, SurrenderSources);
        SurrenderInput.ComplianceYear = year;
        CancelInput = Fresh(account, CancelSources);
    }

    public async Task<IActionResult> OnPostSurrenderAsync(CancellationToken ct)
    {
        var (from, unitClass, key) = Validate("surrender", SurrenderInput);
        if (SurrenderInput.ComplianceYear is not (>= RegistryLedger.MinComplianceYear and <= RegistryLedger.MaxComplianceYear))
        {
            Errors["surrender.complianceYear"] = Text.T("reg.err.complianceyear");
        }
        if (Errors.Count == 0)
        {
            var now = clock.GetUtcNow();
            var actor = Actor;
            var outcome = await registry.ExecuteAsync(now, l => l.Surrender(actor, now, key, from, unitClass,
                SurrenderInput.Quantity!.Value, SurrenderInput.ComplianceYear!.Value), ct);
            if (Done("surrender", outcome, from, "surrendered") is { } done)
            {
                return done;
            }
        }
        await LoadAsync(ct);
        CancelInput = Fresh(SurrenderInput.From, CancelSources);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        var (from, unitClass, key) = Validate("cancel", CancelInput);
        if (CancelInput.Reason is { Length: > 1000 })
        {
            Errors["cancel.reason"] = Text.T("reg.err.reasonlength");
        }
        if (Errors.Count == 0)
        {
            var now = clock.GetUtcNow();
            var actor = Actor;
            var reason = CancelInput.Reason?.Trim() ?? "";
            var outcome = await registry.ExecuteAsync(now, l => l.Cancel(actor, now, key, from, unitClass,
                CancelInput.Quantity!.Value, reason), ct);
            if (Done("cancel", outcome, from, "cancelled") is { } done)
            {
                return done;
            }
        }
        await LoadAsync(ct);
        SurrenderInput = Fresh(CancelInput.From, SurrenderSources);
        SurrenderInput.ComplianceYear = clock.GetLocalNow().Year - 1;
        return Page();
    }

    private UserId Actor => RegistryService.UserOf(User.Actor().UserName);

    private FormInput Fresh(string? account, IReadOnlyList<RegistryAccount> sources) => new()
    {
        From = sources.Any(a => a.Number.Value == account) ? account : sources.Count > 0 ? sources[0].Number.Value : null,
        Class = Classes.Count > 0 ? Classes[0].ToString() : null,
        Key = AccountModel.NewKey(),
    };

    private (AccountNumber From, UnitClass Class, IdempotencyKey Key) Validate(string form, FormInput input)
    {
        if (!AccountNumber.TryCreate(input.From?.Trim(), out var from))
        {
            Errors[form + ".from"] = Text.T("reg.err.account");
        }
        if (!UnitClass.TryParse(input.Class, out var unitClass))
        {
            Errors[form + ".unitClass"] = Text.T("reg.err.class");
        }
        if (input.Quantity is not > 0)
        {
            Errors[form + ".quantity"] = Text.T("reg.err.quantity");
        }
        if (string.IsNullOrWhiteSpace(input.Key) || input.Key.Length > IdempotencyKey.MaxLength)
        {
            input.Key = AccountModel.NewKey();
        }
        return (from, unitClass, IdempotencyKey.From(input.Key));
    }

    // Completed (or the same form sent again): on to the account, whose holdings and history show the change.
    private RedirectResult? Done(string form, RegistryOutcome outcome, AccountNumber from, string done)
    {
        if (outcome is RegistryOutcome.Completed)
        {
            return Redirect($"/Registry/Account/{Uri.EscapeDataString(from.Value)}?done={done}");
        }
        var r = (RegistryOutcome.Rejected)outcome;
        Errors[form + "." + (FieldsShown.Contains(r.Field) ? r.Field : "")] = RegistryRows.Explain(r);
        return null;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var user = Actor;
        (SurrenderSources, CancelSources, Holdings, Classes) = await registry.QueryAsync((l, _) =>
        {
            var mine = l.Accounts.Where(a => a.IsRepresentative(user) && a.State != AccountState.Closed).ToList();
            return ((IReadOnlyList<RegistryAccount>)[.. mine.Where(a => a.Kind == AccountKind.Holding)],
                (IReadOnlyList<RegistryAccount>)[.. mine.Where(a => a.Kind is AccountKind.Holding or AccountKind.Investor)],
                (IReadOnlyList<(AccountNumber, Holding)>)[.. mine.SelectMany(a => l.HoldingsOf(a.Number).Select(h => (a.Number, h)))],
                l.IssuedClasses);
        }, ct);
    }

    public sealed class FormInput
    {
        public string? From { get; set; }

        public string? Class { get; set; }

        public long? Quantity { get; set; }

        public int? ComplianceYear { get; set; }

        public string? Reason { get; set; }

        public string? Key { get; set; }
    }
}
