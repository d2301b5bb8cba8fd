using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Registry;
using OpenEts.Server.Auth;
using OpenEts.Server.Pages.Registry;
using RegistryAccount = OpenEts.Domain.Registry.Account;

namespace OpenEts.Server.Pages.Offsets;

/// <summary>
/// A holder retires offset credits (自愿注销) for a named beneficiary and purpose, through the registry's
/// <see cref="RetireUnits"/>: the retirement is listed publicly and the units never move again.
/// </summary>
[Authorize(Roles = Access.RegistryHolders)]
public sealed class RetireModel(RegistryService registry, RegistryCommandHandler handler) : RegistryPageModel(handler)
{
    private static readonly RegistryForm Form = new("retire", "from", "class", "quantity", "beneficiary", "purpose");

    [BindProperty]
    public RetireInput Input { get; set; } = new();

    /// <summary>The offset holdings of the accounts the user represents.</summary>
    public IReadOnlyList<(RegistryAccount Account, Holding Holding)> Holdings { get; private set; } = [];

    public async Task OnGetAsync([FromQuery(Name = "class")] string? unitClass, CancellationToken ct)
    {
        await LoadAsync(ct);
        var chosen = Holdings.Where(h => h.Holding.Class.ToString() == unitClass).Concat(Holdings).Take(1).ToList();
        Input = new RetireInput
        {
            From = chosen.Count > 0 ? chosen[0].Account.Number.Value : null,
            Class = chosen.Count > 0 ? chosen[0].Holding.Class.ToString() : null,
            Key = IdempotencyKeys.NewText(KeyOrigin.Web),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var parsed = RetireUnits.TryParse(new(Input.From, Input.Class, Input.Quantity, Input.Beneficiary, Input.Purpose, Input.Key),
            out var command, out var errors);
        if (await SendAsync(Form, Input, parsed, command, errors, ct) is RegistryCommandOutcome.Completed)
        {
            return Redirect("/Registry/Retirements");
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var user = RegistryService.UserOf(User.Actor().UserName);
        Holdings = await registry.QueryAsync<IReadOnlyList<(RegistryAccount, Holding)>>((l, _) =>
            [.. l.Accounts.Where(a => a.IsRepresentative(user) && a.State != AccountState.Closed && a.Kind is AccountKind.Holding or AccountKind.Investor)
                .SelectMany(a => l.HoldingsOf(a.Number).Where(h => h.Class.IsOffset).Select(h => (a, h)))], ct);
    }

    public sealed class RetireInput : IKeyedInput
    {
        public string? From { get; set; }

        public string? Class { get; set; }

        public long? Quantity { get; set; }

        public string? Beneficiary { get; set; }

        public string? Purpose { get; set; }

        public string? Key { get; set; }
    }
}
