using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Registry;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;
using RegistryAccount = OpenEts.Domain.Registry.Account;

namespace OpenEts.Server.Pages.Registry;

/// <summary>The regulator issues units into the issuance account and allocates them to holding accounts.</summary>
[Authorize(Roles = Access.Regulator)]
public sealed class IssueModel(RegistryService registry, RegistryCommandHandler handler) : RegistryPageModel(handler)
{
    private static readonly RegistryForm IssueForm = new("issue", "class", "quantity");
    private static readonly RegistryForm AllocateForm = new("allocate", "to", "class", "quantity");

    [BindProperty]
    public FormInput IssueInput { get; set; } = new();

    [BindProperty]
    public FormInput AllocateInput { get; set; } = new();

    public IReadOnlyList<RegistryAccount> Destinations { get; private set; } = [];

    public IReadOnlyList<UnitClass> Classes { get; private set; } = [];

    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        var input = IssueInput;
        var parsed = IssueUnits.TryParse(new(input.Class, input.Quantity, input.Key), out var command, out var errors);
        Show("issue", await SendAsync(IssueForm, input, parsed, command, errors, ct));
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAllocateAsync(CancellationToken ct)
    {
        var input = AllocateInput;
        var parsed = AllocateUnits.TryParse(new(input.To, input.Class, input.Quantity, input.Key), out var command, out var errors);
        Show("allocate", await SendAsync(AllocateForm, input, parsed, command, errors, ct));
        await LoadAsync(ct);
        return Page();
    }

    // Done: say what moved, and show both forms afresh (new keys), keeping the class and destination chosen.
    private void Show(string form, RegistryCommandOutcome outcome)
    {
        if (outcome is not RegistryCommandOutcome.Completed { Facts: var facts })
        {
            return;
        }
        Done = Text.T("reg.done." + form, facts.Quantity.Value.ToString("N0", CultureInfo.CurrentCulture), facts.Class is { } c ? RegistryQueries.SerialsText(c, facts.Blocks) : "");
        ModelState.Clear();
        IssueInput = new FormInput { Class = IssueInput.Class };
        AllocateInput = new FormInput { Class = AllocateInput.Class, To = AllocateInput.To };
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        (Destinations, Classes) = await registry.QueryAsync((l, _) =>
            ((IReadOnlyList<RegistryAccount>)[.. l.Accounts.Where(a => a.Kind == AccountKind.Holding && a.State != AccountState.Closed)],
                l.IssuedClasses), ct);
        IssueInput.Key ??= IdempotencyKeys.NewText(KeyOrigin.Web);
        AllocateInput.Key ??= IdempotencyKeys.NewText(KeyOrigin.Web);
    }

    public sealed class FormInput : IKeyedInput
    {
        public string? To { get; set; }

        public string? Class { get; set; }

        public long? Quantity { get; set; }

        public string? Key { get; set; }
    }
}
