using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Registry;
using OpenEts.Domain.Registry;
using RegistryAccount = OpenEts.Domain.Registry.Account;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Registry;

/// <summary>The regulator issues units into the issuance account and allocates them to holding accounts.</summary>
[Authorize(Roles = Access.Regulator)]
public sealed class IssueModel(RegistryService registry, TimeProvider clock) : PageModel
{
    [BindProperty]
    public FormInput IssueInput { get; set; } = new();

    [BindProperty]
    public FormInput AllocateInput { get; set; } = new();

    public IReadOnlyList<RegistryAccount> Destinations { get; private set; } = [];

    public IReadOnlyList<UnitClass> Classes { get; private set; } = [];

    /// <summary>Errors by form and field, e.g. <c>issue.quantity</c>, <c>allocate.to</c>; <c>issue.</c> for others.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Done { get; private set; }

    public string? Err(string field) => Errors.GetValueOrDefault(field);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        var unitClass = Validate("issue", IssueInput, needsTo: false, out _);
        if (Errors.Count == 0)
        {
            var key = IdempotencyKey.From(IssueInput.Key!);
            await RunAsync("issue", l => l.Issue(Actor, clock.GetUtcNow(), key, unitClass, IssueInput.Quantity!.Value), ct);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAllocateAsync(CancellationToken ct)
    {
        var unitClass = Validate("allocate", AllocateInput, needsTo: true, out var to);
        if (Errors.Count == 0)
        {
            var key = IdempotencyKey.From(AllocateInput.Key!);
            await RunAsync("allocate", l => l.Allocate(Actor, clock.GetUtcNow(), key, to, unitClass, AllocateInput.Quantity!.Value), ct);
        }
        await LoadAsync(ct);
        return Page();
    }

    private UserId Actor => RegistryService.UserOf(User.Actor().UserName);

    private UnitClass Validate(string form, FormInput input, bool needsTo, out AccountNumber to)
    {
        to = default;
        if (needsTo && !AccountNumber.TryCreate(input.To?.Trim(), out to))
        {
            Errors[form + ".to"] = Text.T("reg.err.account");
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
            Errors[form + "."] = Text.T("reg.err.key");
        }
        return unitClass;
    }

    private async Task RunAsync(string form, Func<RegistryLedger, RegistryOutcome> request, CancellationToken ct)
    {
        var outcome = await registry.ExecuteAsync(clock.GetUtcNow(), request, ct);
        if (outcome is RegistryOutcome.Completed c)
        {
            Done = Text.T("reg.done." + form, c.Blocks.Sum(b => b.Count).ToString("N0", System.Globalization.CultureInfo.CurrentCulture),
                string.Join(", ", c.Blocks));
            ModelState.Clear();
            IssueInput = new FormInput { Class = IssueInput.Class };
            AllocateInput = new FormInput { Class = AllocateInput.Class, To = AllocateInput.To };
            return;
        }
        var r = (RegistryOutcome.Rejected)outcome;
        Errors[form + "." + (r.Field is "to" or "unitClass" or "quantity" ? r.Field : "")] = RegistryRows.Explain(r);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        (Destinations, Classes) = await registry.QueryAsync((l, _) =>
            ((IReadOnlyList<RegistryAccount>)[.. l.Accounts.Where(a => a.Kind == AccountKind.Holding && a.State != AccountState.Closed)],
                l.IssuedClasses), ct);
        IssueInput.Key ??= AccountModel.NewKey();
        AllocateInput.Key ??= AccountModel.NewKey();
    }

    public sealed class FormInput
    {
        public string? To { get; set; }

        public string? Class { get; set; }

        public long? Quantity { get; set; }

        public string? Key { get; set; }
    }
}
