using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Registry;
using RegistryAccount = OpenEts.Domain.Registry.Account;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Registry;

/// <summary>The registry accounts the user may see, with kind, holder, state and totals per unit class.</summary>
[Authorize(Roles = Access.RegistryReaders)]
public sealed class IndexModel(RegistryService registry) : PageModel
{
    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];

    /// <summary>The unit classes held by any listed account: one total column each.</summary>
    public IReadOnlyList<UnitClass> Classes { get; private set; } = [];

    public bool CanTransfer => User.Actor().Role is Role.CompanyRepresentative or Role.ExchangeMember;

    public bool CanIssue => User.Actor().Role is Role.Regulator;

    public bool CanVerify => User.Actor().Role is Role.Regulator or Role.Auditor;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = User.Actor();
        Accounts = await registry.QueryAsync((l, _) => l.Accounts.Where(a => RegistryQueries.MaySee(actor, a))
            .Select(a => new AccountRow(a, l.HoldingsOf(a.Number).ToDictionary(h => h.Class, h => h.Total.Value)))
            .ToList(), ct);
        Classes = [.. Accounts.SelectMany(a => a.Totals.Keys).Distinct().Order()];
    }

    public sealed record AccountRow(RegistryAccount Account, IReadOnlyDictionary<UnitClass, long> Totals);
}
