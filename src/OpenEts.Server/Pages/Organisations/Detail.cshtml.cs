using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Organisations;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Journal;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Organisations;

/// <summary>One organisation and its history of changes.</summary>
[Authorize(Roles = Access.MarketParticipants)]
public sealed class DetailModel(OrganisationService organisations) : PageModel
{
    public Organisation? Organisation { get; private set; }

    public IReadOnlyList<JournalEntry> History { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public bool CanEdit => Roles.ManagesEntityList(User.Actor().Role);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Organisation = await organisations.FindAsync(code, ct);
        if (Organisation is null)
        {
            return NotFound();
        }
        History = await organisations.HistoryAsync(Organisation.Code, ct);
        return Page();
    }
}
