using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Compliance;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Registry;
using OpenEts.Server.Auth;
using RegistryAccount = OpenEts.Domain.Registry.Account;

namespace OpenEts.Server.Pages.Registry;

/// <summary>
/// A representative surrenders units for a compliance year (履约清缴) or cancels them voluntarily (自愿注销) from an
/// account they represent. Each form carries an idempotency key made when it is shown, so a double submit executes
/// once; the refusals (a surrender's compliance rule, the ledger's rules) are shown next to their field.
/// </summary>
[Authorize(Roles = Access.RegistryHolders)]
public sealed class SurrenderModel(
    RegistryService registry, RegistryCommandHandler handler, ComplianceHandler compliance, ComplianceQueries obligations)
    : RegistryPageModel(handler)
{
    private static readonly RegistryForm SurrenderForm = new("surrender", "from", "class", "quantity", "complianceYear");
    private static readonly RegistryForm CancelForm = new("cancel", "from", "class", "quantity", "reason");

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

    public async Task OnGetAsync([FromQuery] string? account, CancellationToken ct)
    {
        await LoadAsync(ct);
        SurrenderInput = Fresh(account, SurrenderSources);
        SurrenderInput.ComplianceYear = await OpenYearAsync(SurrenderInput.From, ct);
        CancelInput = Fresh(account, CancelSources);
    }

    // A surrender for a compliance year is compliance's use case (the same as /Compliance/Own): the year's rules accept
    // the units, or the rule is shown and nothing moves.
    public async Task<IActionResult> OnPostSurrenderAsync(CancellationToken ct)
    {
        var input = SurrenderInput;
        var outcome = SurrenderForCompliance.TryParse(new(null, input.From, input.Class, input.Quantity, input.ComplianceYear, input.Key),
            out var command, out var errors)
            ? await compliance.HandleAsync(User.Actor(), command, ct)
            : new ComplianceOutcome.Invalid(errors);
        if (outcome is ComplianceOutcome.Completed { Facts.From: { } from })
        {
            return Redirect($"/Registry/Account/{Uri.EscapeDataString(from.Value)}?done=surrendered");
        }
        Apply(SurrenderForm, input, outcome);
        await LoadAsync(ct);
        CancelInput = Fresh(input.From, CancelSources);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        var input = CancelInput;
        var parsed = CancelUnits.TryParse(new(input.From, input.Class, input.Quantity, input.Reason, input.Key),
            out var command, out var errors);
        var outcome = await SendAsync(CancelForm, input, parsed, command, errors, ct);
        if (Done(outcome, "cancelled") is { } done)
        {
            return done;
        }
        await LoadAsync(ct);
        SurrenderInput = Fresh(input.From, SurrenderSources);
        SurrenderInput.ComplianceYear = await OpenYearAsync(SurrenderInput.From, ct);
        return Page();
    }

    // The year the account's entity still owes for (compliance's default for the form).
    private async Task<int?> OpenYearAsync(string? account, CancellationToken ct) =>
        SurrenderSources.FirstOrDefault(a => a.Number.Value == account) is { } source
            ? await obligations.SurrenderYearAsync(User.Actor(), source.Number, ct)
            : null;

    private FormInput Fresh(string? account, IReadOnlyList<RegistryAccount> sources) => new()
    {
        From = sources.Any(a => a.Number.Value == account) ? account : sources.Count > 0 ? sources[0].Number.Value : null,
        Class = Classes.Count > 0 ? Classes[0].ToString() : null,
        Key = IdempotencyKeys.NewText(KeyOrigin.Web),
    };

    // Completed (or the same form sent again): on to the account, whose holdings and history show the change.
    private RedirectResult? Done(RegistryCommandOutcome outcome, string done) =>
        outcome is RegistryCommandOutcome.Completed { Facts.From: { } from }
            ? Redirect($"/Registry/Account/{Uri.EscapeDataString(from.Value)}?done={done}")
            : null;

    private async Task LoadAsync(CancellationToken ct)
    {
        var user = RegistryService.UserOf(User.Actor().UserName);
        (SurrenderSources, CancelSources, Holdings, Classes) = await registry.QueryAsync((l, _) =>
        {
            var mine = l.Accounts.Where(a => a.IsRepresentative(user) && a.State != AccountState.Closed).ToList();
            return ((IReadOnlyList<RegistryAccount>)[.. mine.Where(a => a.Kind == AccountKind.Holding)],
                (IReadOnlyList<RegistryAccount>)[.. mine.Where(a => a.Kind is AccountKind.Holding or AccountKind.Investor)],
                (IReadOnlyList<(AccountNumber, Holding)>)[.. mine.SelectMany(a => l.HoldingsOf(a.Number).Select(h => (a.Number, h)))],
                l.IssuedClasses);
        }, ct);
    }

    public sealed class FormInput : IKeyedInput
    {
        public string? From { get; set; }

        public string? Class { get; set; }

        public long? Quantity { get; set; }

        public int? ComplianceYear { get; set; }

        public string? Reason { get; set; }

        public string? Key { get; set; }
    }
}
