using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Inclusion;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;
using OpenEts.Server.Pages.Shared;

namespace OpenEts.Server.Pages.Inclusion;

/// <summary>
/// The download of everything held about a citizen, for the citizen's own page and the regulator's requests page: the
/// file in the format the address asks for (<c>?format=json|xlsx</c>), or, for a format the copy is not written in, no file
/// and the format named as typed, so that the page says so rather than sending JSON in its place.
/// </summary>
internal static class CitizenDataDownload
{
    /// <summary>
    /// The file of <paramref name="userName"/>'s data (the signed-in citizen's when null), 404 when the reader may not
    /// have it; null when <paramref name="format"/> is none of the copy's, named in <paramref name="unread"/> for the page to show.
    /// </summary>
    public static async Task<IActionResult?> FileAsync(PageModel page, InclusionQueries queries, string? userName, string? format,
        AddressErrors unread, CancellationToken ct)
    {
        if (!CitizenDataExport.TryReadFormat(format, out var chosen, out var error))
        {
            Unbound.Name(unread.ByField, error, Text.T("incl.export.notdownloaded"));
            return null;
        }
        if (await queries.CitizenDataAsync(page.User.Actor(), userName, ct) is not { } data)
        {
            return page.NotFound();
        }
        var (content, contentType, fileName) = CitizenDataExport.File(data, chosen);
        return page.File(content, contentType, fileName);
    }
}
