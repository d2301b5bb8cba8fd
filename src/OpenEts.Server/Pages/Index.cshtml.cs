using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Demo;
using OpenEts.Application.Organisations;
using OpenEts.Application.Storage;
using OpenEts.Application.Workbench;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Hosting;

namespace OpenEts.Server.Pages;

/// <summary>The landing page: public; after sign-in, the user's workbench (工作台: what waits for them) and the covered-entity list in numbers.</summary>
[AllowAnonymous]
public sealed class IndexModel(OrganisationService organisations, WorkbenchQueries workbench, DemoMode mode) : PageModel
{
    /// <summary>True on a demo: the landing page lists the demo sign-ins.</summary>
    public bool IsDemo => mode.IsDemo;

    /// <summary>
    /// A demo sign-in's role as the header names it once signed in: an exchange member of the exchange itself is its staff
    /// (交易所工作人员), as the layout's <c>ExchangeQueries.OverseesAsync</c> reads it; any other by its role.
    /// </summary>
    public static string RoleKey(DemoSignIn signIn)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        return signIn.Role == Role.ExchangeMember && DemoMarket.Organisations.Any(o =>
            o.Kind == OrganisationKind.Exchange && signIn.OrganisationCode is { } code && o.Code.Value.StartsWith(code[..17], StringComparison.Ordinal))
            ? "ExchangeStaff"
            : signIn.Role.ToString();
    }

    public Summary? Counts { get; private set; }

    /// <summary>What waits for the signed-in user, most urgent first; null for a visitor.</summary>
    public IReadOnlyList<WorkItem>? Work { get; private set; }

    /// <summary>A company representative's accounts at a glance: what each holds, per unit class; null for other roles.</summary>
    public IReadOnlyList<(string Account, IReadOnlyList<(string Class, long Tonnes)> Holdings)>? OwnAccounts { get; private set; }

    /// <summary>A company representative's cash: balance and what is available (not reserved for orders); null when none.</summary>
    public (decimal Balance, decimal Available)? OwnCash { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            Work = await workbench.ForAsync(User.Actor(), ct);
        }
        if (User.Identity?.IsAuthenticated == true && await workbench.OwnAccountsAsync(User.Actor(), ct) is { } own)
        {
            OwnAccounts = [.. own.Registry.Select(a =>
                (a.Account.Number.Value, (IReadOnlyList<(string, long)>)[.. a.Holdings.Select(h => (h.Class.ToString(), h.Total.Value))]))];
            OwnCash = own.Cash;
        }
        if (User.Identity?.IsAuthenticated == true && User.Actor().Role != Role.Citizen)
        {
            var list = await organisations.ListAsync(new OrganisationFilter(Kind: OrganisationKind.Company), ct);
            Counts = new Summary(list.Count, list.Where(o => o.Status != CoverageStatus.Left)
                .GroupBy(o => o.Sector).OrderBy(g => g.Key).Select(g => (g.Key.ToString(), g.Count())).ToList());
        }
    }

    public sealed record Summary(int Companies, List<(string Sector, int Count)> BySector);

    /// <summary>Where a workbench item is acted on.</summary>
    public static string LinkOf(WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Kind switch
        {
            WorkKind.ReportsToAct or WorkKind.ReportDue or WorkKind.ReportReturned => "/Mrv",
            WorkKind.ReportsUnsubmitted => "/Mrv#unsubmitted",
            WorkKind.ProjectsToAct => "/Offsets",
            WorkKind.TransfersToDecide or WorkKind.TransfersProposed when item.Account is { } account =>
                "/Registry/Account/" + Uri.EscapeDataString(account),
            WorkKind.TransfersToDecide or WorkKind.TransfersProposed => "/Registry",
            WorkKind.UnitsOwed => "/Compliance/Own",
            WorkKind.PlansToApprove => "/Allocation",
            WorkKind.EntitiesShort => "/Compliance/Overview",
            WorkKind.ClientMovesOffered => "/Exchange/Clients",
            WorkKind.BlockTradesToAnswer => "/Exchange/Blocks",
            _ => "/",
        };
    }
}
