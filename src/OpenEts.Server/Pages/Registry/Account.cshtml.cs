using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Registry;
using RegistryAccount = OpenEts.Domain.Registry.Account;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;
using OpenEts.Server.Pages.Shared;

namespace OpenEts.Server.Pages.Registry;

/// <summary>
/// One registry account: holdings per unit class with serial blocks, pending transfer proposals (approve or reject for
/// a representative of the source who did not propose it), and the account's history with filters and paging.
/// </summary>
[Authorize(Roles = Access.RegistryReaders)]
public sealed class AccountModel(RegistryQueries queries, RegistryCommandHandler handler) : RegistryPageModel(handler)
{
    public const int PageSize = 20;

    // The approve and reject buttons carry their key (made when the page is shown) and show no field of their own.
    private static readonly RegistryForm Decision = new("decide");

    [BindProperty(SupportsGet = true, Name = "account")]
    public string Number { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? KindFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "class")]
    public string? ClassFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "done")]
    public string? Done { get; set; }

    /// <summary>The proposal just made on the transfer page, confirmed in a banner while it is pending here.</summary>
    [BindProperty(SupportsGet = true, Name = "proposed")]
    public long? Proposed { get; set; }

    /// <summary>The pending proposal named by <see cref="Proposed"/>, or null.</summary>
    public PendingProposal? JustProposed => Pending.FirstOrDefault(p => p.Proposal.Id.Value == Proposed && p.Own);

    public RegistryAccount? Info { get; private set; }

    public IReadOnlyList<Holding> Holdings { get; private set; } = [];

    public IReadOnlyList<PendingProposal> Pending { get; private set; } = [];

    public IReadOnlyList<RegistryHistoryRow> History { get; private set; } = [];

    public int HistoryTotal { get; private set; }

    public int LastPage { get; private set; } = 1;

    public IReadOnlyList<string> Kinds { get; private set; } = [];

    public IReadOnlyList<string> HistoryClasses { get; private set; } = [];

    /// <summary>Why the account was last blocked, unblocked or closed, or null.</summary>
    public string? StateReason { get; private set; }

    /// <summary>The user represents this holding or investor account, so may surrender or cancel from it.</summary>
    public bool MaySurrender { get; private set; }

    /// <summary>The user represents this open account and it holds units, so may propose a transfer out of it.</summary>
    public bool MayPropose { get; private set; }

    /// <summary>The user is the regulator, so may administer the account.</summary>
    public bool MayAdminister => User.Actor().Role is Role.Regulator;

    /// <summary>Why the last approve or reject was refused, or null.</summary>
    public string? ActionError => GeneralError;

    public string PageLink(int page) =>
        $"?kind={Uri.EscapeDataString(KindFilter ?? "")}&class={Uri.EscapeDataString(ClassFilter ?? "")}&p={page}";

    /// <summary>A filter or page number in the address the page could not use, named with what is shown instead.</summary>
    public AddressErrors Unread { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var asked = PageNumber;
        var result = await LoadAsync(ct) ?? Page();
        Unread.NamePage(ModelState, "p", asked, PageNumber, LastPage);
        return result;
    }

    public async Task<IActionResult> OnPostApproveAsync(long? proposal, string? key, CancellationToken ct)
    {
        var parsed = ApproveTransfer.TryParse(new(proposal, key), out var command, out var errors);
        return await AfterAsync(await SendAsync(Decision, null, parsed, command, errors, ct), "approved", ct);
    }

    public async Task<IActionResult> OnPostRejectAsync(long? proposal, string? key, CancellationToken ct)
    {
        var parsed = RejectTransfer.TryParse(new(proposal, null, key), out var command, out var errors);
        return await AfterAsync(await SendAsync(Decision, null, parsed, command, errors, ct), "rejected", ct);
    }

    // Done (or the same button pressed again): back to the account with a banner; else the account with the refusal.
    private async Task<IActionResult> AfterAsync(RegistryCommandOutcome outcome, string done, CancellationToken ct) =>
        outcome is RegistryCommandOutcome.Completed
            ? Redirect($"/Registry/Account/{Uri.EscapeDataString(Number)}?done={done}")
            : await LoadAsync(ct) ?? Page();

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!AccountNumber.TryCreate(Number, out var number))
        {
            return NotFound();
        }
        var read = await queries.AccountViewAsync(User.Actor(), number, Blank(KindFilter), Blank(ClassFilter), PageNumber, PageSize, ct);
        if (read is not AccountRead<AccountView>.Found { Value: var view })
        {
            return read is AccountRead<AccountView>.Forbidden ? Forbid() : NotFound();
        }
        (Info, Holdings, Pending, StateReason, MaySurrender, MayPropose) = (view.Account, view.Holdings, view.Pending, view.StateReason, view.MaySurrender, view.MayPropose);
        var history = view.History;
        (Kinds, HistoryClasses, HistoryTotal, LastPage, PageNumber, History) =
            (history.Kinds, history.Classes, history.Total, history.LastPage, history.Page, history.Rows);
        KindFilter = Applied("kind", KindFilter, history.Kind, history.Kinds);
        ClassFilter = Applied("class", ClassFilter, history.Class, history.Classes);
        return null;
    }

    private static string? Blank(string? typed) => string.IsNullOrEmpty(typed) ? null : typed;

    // A history filter naming nothing the history holds (an old or edited address) is named, and the history shown unfiltered.
    private string? Applied(string field, string? typed, string? applied, IReadOnlyList<string> values)
    {
        if (Blank(typed) is { } asked && applied is null)
        {
            Unbound.Name(Unread.ByField, Unbound.NotAmong(field, asked, values), Text.T("address.all"));
        }
        return applied;
    }
}
