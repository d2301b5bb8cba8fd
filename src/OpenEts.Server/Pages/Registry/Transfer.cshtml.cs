using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Registry;
using OpenEts.Domain.Registry;
using RegistryAccount = OpenEts.Domain.Registry.Account;
using OpenEts.Server.Api;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Registry;

/// <summary>
/// Propose a transfer from one of the user's accounts. The idempotency key is made when the form is shown, so a
/// double submit executes once; the ledger's refusals are shown next to their field.
/// </summary>
[Authorize(Roles = Access.RegistryHolders)]
public sealed class TransferModel(RegistryService registry, TimeProvider clock) : PageModel
{
    [BindProperty]
    public FormInput Input { get; set; } = new();

    public IReadOnlyList<RegistryAccount> Sources { get; private set; } = [];

    public IReadOnlyList<UnitClass> Classes { get; private set; } = [];

    /// <summary>Errors by field (<c>from</c>, <c>to</c>, <c>unitClass</c>, <c>quantity</c>); others under <c>""</c>.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Err(string field) => Errors.GetValueOrDefault(field);

    public async Task OnGetAsync([FromQuery] string? from, CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = new FormInput
        {
            From = from ?? (Sources.Count > 0 ? Sources[0].Number.Value : null),
            Class = Classes.Count > 0 ? Classes[0].ToString() : null,
            Key = AccountModel.NewKey(),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!AccountNumber.TryCreate(Input.From?.Trim(), out var from))
        {
            Errors["from"] = Text.T("reg.err.account");
        }
        if (!AccountNumber.TryCreate(Input.To?.Trim(), out var to))
        {
            Errors["to"] = Text.T("reg.err.account");
        }
        if (!UnitClass.TryParse(Input.Class, out var unitClass))
        {
            Errors["unitClass"] = Text.T("reg.err.class");
        }
        if (Input.Quantity is not > 0)
        {
            Errors["quantity"] = Text.T("reg.err.quantity");
        }
        if (string.IsNullOrWhiteSpace(Input.Key) || Input.Key.Length > IdempotencyKey.MaxLength)
        {
            Input.Key = AccountModel.NewKey();
        }
        if (Errors.Count == 0)
        {
            var now = clock.GetUtcNow();
            var actor = RegistryService.UserOf(User.Actor().UserName);
            // As the API: open until the end of the UTC day a week on, so a retry the same day is the same request.
            var expiresAt = ProposeTransfer.DefaultExpiryFrom(now);
            var key = IdempotencyKey.From(Input.Key);
            var outcome = await registry.ExecuteAsync(now, l => l.ProposeTransfer(actor, now, key, from, to, unitClass,
                Input.Quantity!.Value, expiresAt), ct);
            if (outcome is RegistryOutcome.Completed { Event: TransferProposed p })
            {
                return Redirect($"/Registry/Account/{Uri.EscapeDataString(from.Value)}?proposed={p.Proposal.Value}#proposal-{p.Proposal.Value}");
            }
            var r = (RegistryOutcome.Rejected)outcome;
            Errors[r.Field is "from" or "to" or "unitClass" or "quantity" ? r.Field : ""] = RegistryRows.Explain(r);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var user = RegistryService.UserOf(User.Actor().UserName);
        (Sources, Classes) = await registry.QueryAsync((l, _) =>
            ((IReadOnlyList<RegistryAccount>)[.. l.Accounts.Where(a => a.IsRepresentative(user))], l.IssuedClasses), ct);
    }

    public sealed class FormInput
    {
        public string? From { get; set; }

        public string? To { get; set; }

        public string? Class { get; set; }

        public long? Quantity { get; set; }

        public string? Key { get; set; }
    }
}
