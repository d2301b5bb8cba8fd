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
    public ProposalRow? JustProposed => Pending.FirstOrDefault(p => p.Proposal.Id.Value == Proposed && p.Own);

    public RegistryAccount? Info { get; private set; }

    public IReadOnlyList<Holding> Holdings { get; private set; } = [];

    public IReadOnlyList<ProposalRow> Pending { get; private set; } = [];

    public IReadOnlyList<RegistryHistoryRow> History { get; private set; } = [];

    public int HistoryTotal { get; private set; }

    public int LastPage { get; private set; } = 1;

    public IReadOnlyList<string> Kinds { get; private set; } = [];

    public IReadOnlyList<string> HistoryClasses { get; private set; } = [];

    /// <summary>Why the account was last blocked, unblocked or closed, or null.</summary>
    public string? StateReason { get; private set; }

    /// <summary>The user represents this holding or investor account, so may surrender or cancel from it.</summary>
    public bool MaySurrender { get; private set; }

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
        var actor = User.Actor();
        var user = RegistryService.UserOf(actor.UserName);
        var read = await queries.AccountAsync(actor, number, (l, records, a) =>
        {
            Info = a;
            MaySurrender = a.IsRepresentative(user) && a.Kind is (AccountKind.Holding or AccountKind.Investor)
                && a.State != AccountState.Closed;
            StateReason = records.Select(r => r.Event).OfType<AccountStateChanged>().LastOrDefault(e => e.Account == number)?.Reason;
            Holdings = l.HoldingsOf(number);
            Pending = l.Proposals.Where(p => p.State == ProposalState.Pending && (p.From == number || p.To == number))
                .Select(p => new ProposalRow(p, l.FindAccount(p.From)?.IsRepresentative(user) == true, p.ProposedBy == user))
                .ToList();
            var history = RegistryQueries.History(l, records, number);
            Kinds = [.. history.Select(h => h.Kind).Distinct().Order(StringComparer.Ordinal)];
            HistoryClasses = [.. history.Where(h => h.Class is not null).Select(h => h.Class!).Distinct().Order(StringComparer.Ordinal)];
            KindFilter = Known("kind", KindFilter, Kinds);
            ClassFilter = Known("class", ClassFilter, HistoryClasses);
            var filtered = history
                .Where(h => string.IsNullOrEmpty(KindFilter) || h.Kind == KindFilter)
                .Where(h => string.IsNullOrEmpty(ClassFilter) || h.Class == ClassFilter)
                .ToList();
            HistoryTotal = filtered.Count;
            LastPage = Math.Max(1, (filtered.Count + PageSize - 1) / PageSize);
            PageNumber = Math.Clamp(PageNumber, 1, LastPage);
            History = filtered.AsEnumerable().Reverse().Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
            return true;
        }, ct);
        return read switch
        {
            AccountRead<bool>.NotFound => NotFound(),
            AccountRead<bool>.Forbidden => Forbid(),
            _ => null,
        };
    }

    /// <summary>A pending proposal and what the user may do with it.</summary>
    /// <param name="MayDecide">The user represents the source account (may reject; may approve unless they proposed it).</param>
    /// <param name="Own">The user proposed it, so may not approve it.</param>
    public sealed record ProposalRow(TransferProposal Proposal, bool MayDecide, bool Own);

    // A history filter naming nothing the history holds (an old or edited address) is named, and the history shown unfiltered.
    private string? Known(string field, string? typed, IReadOnlyList<string> values)
    {
        if (string.IsNullOrEmpty(typed) || values.Contains(typed))
        {
            return typed;
        }
        Unbound.Name(Unread.ByField, Unbound.NotAmong(field, typed, values), Text.T("address.all"));
        return null;
    }
}
