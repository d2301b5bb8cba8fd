using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenEts.Server.Pages;

/// <summary>
/// What a browser sees, with status 404, for an address or a record that does not exist: the address it asked for, a
/// link home and one back to the page it came from on this site. Reached by <see cref="Hosting.StatusPages"/>
/// re-executing a 404 that has no body.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class NotFoundModel : PageModel
{
    /// <summary>The address asked for (path and query), when the page answers for another address.</summary>
    public string? Address { get; private set; }

    /// <summary>The page on this site that linked here (the Referer), when there is one.</summary>
    public string? Back { get; private set; }

    public void OnGet()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        var asked = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        Address = asked is null ? null : asked.OriginalPath + asked.OriginalQueryString;
        Back = Uri.TryCreate(Request.Headers.Referer.ToString(), UriKind.Absolute, out var from)
            && string.Equals(from.Authority, Request.Host.Value, StringComparison.OrdinalIgnoreCase)
            && from.PathAndQuery != Address
            ? from.PathAndQuery
            : null;
    }
}
