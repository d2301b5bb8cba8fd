using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Forms;
using OpenEts.Application.Offsets;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Offsets;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;
using OpenEts.Server.Pages.Shared;

namespace OpenEts.Server.Pages.Offsets;

/// <summary>
/// The offset project register (抵销项目): every public project (from validation on) with its programme, category, host
/// province and credits issued; signed in, also the projects a user may see before that and the ones waiting for
/// their role. Open to everyone.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(OffsetsQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Programme { get; set; }

    public IReadOnlyList<ProjectRow> Projects { get; private set; } = [];

    public IReadOnlyList<ProjectRow> Queue { get; private set; } = [];

    public Role? Role { get; private set; }

    /// <summary>A programme in the address that is none of them, named beside the choice; every programme's projects are listed.</summary>
    public AddressErrors Unread { get; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = User.Identity?.IsAuthenticated == true ? User.Actor() : null;
        Role = actor?.Role;
        var read = new FieldReader();
        var programme = OffsetsQueries.ProgrammeFilter(read, Programme);
        foreach (var unknown in read.Errors)
        {
            Unbound.Name(Unread.ByField, unknown, Text.T("address.all"));
        }
        Projects = await queries.ProjectsAsync(actor, programme?.Type, null, ct);
        Queue = actor is null || actor.Role is Domain.Identity.Role.Auditor or Domain.Identity.Role.Citizen or Domain.Identity.Role.ExchangeMember
            ? []
            : await queries.QueueAsync(actor, ct);
    }
}
