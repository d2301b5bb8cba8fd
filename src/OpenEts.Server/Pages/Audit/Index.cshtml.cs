using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Audit;
using OpenEts.Application.Storage;
using OpenEts.Domain.Journal;
using OpenEts.Server.Auth;
using OpenEts.Server.Pages.Shared;

namespace OpenEts.Server.Pages.Audit;

/// <summary>The audit log (who, when, what, before/after) and hash-chain verification: regulator and auditor.</summary>
[Authorize(Roles = Access.AuditReaders)]
public sealed class IndexModel(AuditLog log) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Subject { get; set; }

    [BindProperty(SupportsGet = true, Name = "actor")]
    public string? ActorName { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public AuditPage? Entries { get; private set; }

    public (long Checked, JournalBreak? Break)? Verified { get; private set; }

    /// <summary>A page number in the address the log could not show, named with the page shown instead.</summary>
    public AddressErrors Unread { get; } = new();

    // A kind chosen from the list matches that kind only; any other text (an older link) still matches as a prefix.
    public async Task OnGetAsync(CancellationToken ct)
    {
        Entries = await log.PageAsync(User.Actor(), AuditKinds.IsKnown(Kind)
            ? new JournalFilter(Subject, ActorName, Kind: Kind)
            : new JournalFilter(Subject, ActorName, KindPrefix: Kind), PageNumber, ct);
        if (Entries is { } shown)
        {
            Unread.NamePage(ModelState, "p", PageNumber, shown.Page, Math.Max(1, (shown.Total + AuditLog.PageSize - 1) / AuditLog.PageSize));
        }
    }

    public async Task OnGetVerifyAsync(CancellationToken ct)
    {
        Verified = await log.VerifyAsync(ct);
        await OnGetAsync(ct);
    }
}
