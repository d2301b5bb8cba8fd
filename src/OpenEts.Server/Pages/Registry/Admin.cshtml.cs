using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Registry;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;
using RegistryAccount = OpenEts.Domain.Registry.Account;

namespace OpenEts.Server.Pages.Registry;

/// <summary>
/// The regulator's registry administration: open an account, block, unblock or close one with a reason, add and
/// remove representatives, and correct holdings (by quantity or by a serial range) with a written reason. The
/// account acted on comes from the query string (<c>?account=GD-HOLD-POWER</c>). Every form carries an idempotency
/// key made when it is shown; the ledger's refusals are shown next to their field.
/// </summary>
[Authorize(Roles = Access.Regulator)]
public sealed partial class AdminModel(RegistryService registry, RegistryCommandHandler handler, IStore store)
    : RegistryPageModel(handler)
{
    /// <summary>The kinds of account the regulator opens; the three system accounts exist from the start.</summary>
    public static readonly IReadOnlyList<AccountKind> OpenableKinds = [AccountKind.Holding, AccountKind.Investor, AccountKind.Clearing];

    [BindProperty(SupportsGet = true, Name = "account")]
    public string? Number { get; set; }

    [BindProperty(SupportsGet = true, Name = "done")]
    public string? Done { get; set; }

    [BindProperty]
    public OpenInputForm OpenInput { get; set; } = new();

    [BindProperty]
    public ReasonInputForm StateInput { get; set; } = new();

    [BindProperty]
    public RepresentativeInputForm RepresentativeInput { get; set; } = new();

    [BindProperty]
    public CorrectionInputForm CorrectionInput { get; set; } = new();

    public IReadOnlyList<RegistryAccount> Accounts { get; private set; } = [];

    /// <summary>The account named in the query string, or null.</summary>
    public RegistryAccount? Selected { get; private set; }

    /// <summary>Why the selected account was last blocked, unblocked or closed, or null.</summary>
    public string? StateReason { get; private set; }

    public IReadOnlyList<UnitClass> Classes { get; private set; } = [];

    /// <summary>Platform users who may be made representatives.</summary>
    public IReadOnlyList<UserChoice> Users { get; private set; } = [];

    /// <summary>What the last request did, for the banner after its redirect; null for an unknown <see cref="Done"/>.</summary>
    public string? DoneText => Done is "opened" or "blocked" or "unblocked" or "closed" or "repadded" or "repremoved" or "corrected"
        && Selected is { } s ? Text.T("reg.done." + Done, s.Number.Value) : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        OpenInput.Kind ??= nameof(AccountKind.Holding);
        CorrectionInput.From ??= Selected?.Number.Value;
        CorrectionInput.Class ??= Classes.Count > 0 ? Classes[0].ToString() : null;
        return Number is not null && Selected is null ? NotFound() : Page();
    }

    // Done (or the same form sent again): on to the account acted on, with a banner; else the page with the errors.
    private async Task<IActionResult> AfterAsync(RegistryCommandOutcome outcome, string done, CancellationToken ct)
    {
        if (outcome is RegistryCommandOutcome.Completed { Facts.Subject: { } account })
        {
            return Redirect($"/Registry/Admin?account={Uri.EscapeDataString(account.Value)}&done={done}");
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        AccountNumber.TryCreate(Number?.Trim(), out var number);
        (Accounts, Selected, StateReason, Classes) = await registry.QueryAsync((l, records) =>
        {
            var selected = number.Value is null ? null : l.FindAccount(number);
            var reason = selected is null ? null : records.Select(r => r.Event).OfType<AccountStateChanged>()
                .LastOrDefault(e => e.Account == number)?.Reason;
            return (l.Accounts, selected, reason, l.IssuedClasses);
        }, ct);
        Users = await store.ReadAsync(async s =>
        {
            var list = new List<UserChoice>();
            foreach (var o in await s.Organisations.ListAsync(new OrganisationFilter()))
            {
                list.AddRange((await s.Users.ListByOrganisationAsync(o.Id))
                    .Where(u => RegistryRoles.Holders.Contains(u.Role))
                    .Select(u => new UserChoice(u.UserName, u.DisplayName, o.Name)));
            }
            return (IReadOnlyList<UserChoice>)[.. list.OrderBy(u => u.UserName, StringComparer.Ordinal)];
        }, ct);
        OpenInput.Key ??= IdempotencyKeys.NewText(KeyOrigin.Web);
        StateInput.Key ??= IdempotencyKeys.NewText(KeyOrigin.Web);
        RepresentativeInput.Key ??= IdempotencyKeys.NewText(KeyOrigin.Web);
        CorrectionInput.Key ??= IdempotencyKeys.NewText(KeyOrigin.Web);
    }

    /// <summary>A platform user offered as a representative.</summary>
    public sealed record UserChoice(string UserName, string DisplayName, string Organisation);

    public sealed class OpenInputForm : IKeyedInput
    {
        public string? Number { get; set; }

        public string? Kind { get; set; }

        public string? HolderName { get; set; }

        public List<string> Representatives { get; set; } = [];

        public string? Key { get; set; }
    }

    public sealed class ReasonInputForm : IKeyedInput
    {
        public string? Reason { get; set; }

        public string? Key { get; set; }
    }

    public sealed class RepresentativeInputForm : IKeyedInput
    {
        public string? User { get; set; }

        public string? Key { get; set; }
    }

    public sealed class CorrectionInputForm : IKeyedInput
    {
        public string? From { get; set; }

        public string? To { get; set; }

        public string? Class { get; set; }

        /// <summary><c>quantity</c> (the lowest serials) or <c>serials</c> (exactly First–Last).</summary>
        public string By { get; set; } = "quantity";

        public long? Quantity { get; set; }

        public long? First { get; set; }

        public long? Last { get; set; }

        public string? Reason { get; set; }

        public string? Key { get; set; }
    }
}
