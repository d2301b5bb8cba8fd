using Microsoft.AspNetCore.Authorization;
using OpenEts.Server.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Registry;

namespace OpenEts.Server.Pages;

/// <summary>
/// What a page form gets while the journal does not replay: 503 and the layout's banner naming the entry. Nothing
/// was saved. Reached by <see cref="Hosting.ReadOnlyMode"/> rewriting the refused post.
/// </summary>
[Authorize(Roles = Access.Everyone)]
public sealed class ReadOnlyModel(RegistryService registry) : PageModel
{
    public JournalBreak? Break { get; private set; }

    public void OnGet()
    {
        Break = registry.Break;
        if (Break is not null)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }
}
