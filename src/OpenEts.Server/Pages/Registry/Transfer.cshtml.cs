using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Registry;
using OpenEts.Server.Auth;
using RegistryAccount = OpenEts.Domain.Registry.Account;

namespace OpenEts.Server.Pages.Registry;

/// <summary>
/// Propose a transfer from one of the user's accounts. The idempotency key is made when the form is shown, so a
/// double submit executes once; the registry's refusals are shown next to their field.
/// </summary>
[Authorize(Roles = Access.RegistryHolders)]
public sealed class TransferModel(RegistryService registry, RegistryCommandHandler handler) : RegistryPageModel(handler)
{
    private static readonly RegistryForm Form = new("transfer", "from", "to", "class", "quantity");

    [BindProperty]
    public FormInput Input { get; set; } = new();

    public IReadOnlyList<RegistryAccount> Sources { get; private set; } = [];

    /// <summary>The classes the user's accounts hold, so that the list offers nothing the registry would refuse as not held.</summary>
    public IReadOnlyList<UnitClass> Classes { get; private set; } = [];

    public async Task OnGetAsync([FromQuery] string? from, CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = new FormInput
        {
            From = from ?? (Sources.Count > 0 ? Sources[0].Number.Value : null),
            Class = Classes.Count > 0 ? Classes[0].ToString() : null,
            Key = IdempotencyKeys.NewText(KeyOrigin.Web),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var parsed = ProposeTransfer.TryParse(new(Input.From, Input.To, Input.Class, Input.Quantity, Input.Key),
            out var command, out var errors);
        var outcome = await SendAsync(Form, Input, parsed, command, errors, ct);
        if (outcome is RegistryCommandOutcome.Completed { Facts: { From: { } from, Proposal: { } id } })
        {
            return Redirect($"/Registry/Account/{Uri.EscapeDataString(from.Value)}?proposed={id.Value}#proposal-{id.Value}");
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var user = RegistryService.UserOf(User.Actor().UserName);
        (Sources, Classes) = await registry.QueryAsync((l, _) =>
        {
            var mine = l.Accounts.Where(a => a.IsRepresentative(user)).ToList();
            var held = mine.SelectMany(a => l.HoldingsOf(a.Number)).Where(h => h.Total.Value > 0).Select(h => h.Class).ToHashSet();
            return ((IReadOnlyList<RegistryAccount>)mine, (IReadOnlyList<UnitClass>)[.. l.IssuedClasses.Where(held.Contains)]);
        }, ct);
    }

    public sealed class FormInput : IKeyedInput
    {
        public string? From { get; set; }

        public string? To { get; set; }

        public string? Class { get; set; }

        public long? Quantity { get; set; }

        public string? Key { get; set; }
    }
}
