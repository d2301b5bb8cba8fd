using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Registry;
using OpenEts.Server.Pages.Shared;

namespace OpenEts.Server.Pages.Registry;

/// <summary>
/// The public retirement list (注销清单): who retired units on whose behalf and why, with serials and the units'
/// attributes, newest first, 100 a page. Open to everyone, signed in or not.
/// </summary>
[AllowAnonymous]
public sealed class RetirementsModel(RegistryQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? P { get; set; }

    public PublicPage<PublicRetirement> List { get; private set; } = new([], 1, 1, 0);

    /// <summary>A page number in the address the list could not show, named with the page shown instead.</summary>
    public AddressErrors Unread { get; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        List = await queries.RetirementsAsync(P ?? 1, ct);
        Unread.NamePage(ModelState, "p", P ?? 1, List.Page, List.PageCount);
    }
}
