using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Files;
using OpenEts.Application.Organisations;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Organisations;

/// <summary>
/// Imports the list from .xlsx or .csv: every bad row is listed with its column (the first 100, and how many more), and
/// nothing is saved. An upload larger than the request limit is answered on this page, in its language, not with a bare
/// 400: the form is read here, inside a try, and the antiforgery token is checked right after it.
/// </summary>
[Authorize(Roles = Access.Regulator)]
[IgnoreAntiforgeryToken]
[RequestSizeLimit(DrainedRequestBytes)]
public sealed class ImportModel(OrganisationService organisations, TimeProvider clock, IAntiforgery antiforgery) : PageModel
{
    /// <summary>
    /// The largest import request read: the file limit (<see cref="TabularLimits.MaxFileBytes"/>) and 1 MB for the form
    /// around it. A file between the two is read and refused by the file limit; a larger request is not read at all.
    /// </summary>
    public const long MaxRequestBytes = TabularLimits.MaxFileBytes + (1L * 1024 * 1024);

    /// <summary>
    /// The largest request Kestrel lets through to this page (<see cref="TabularLimits.MaxUploadRequestBytes"/>). A form
    /// over <see cref="MaxRequestBytes"/> is not parsed, but its remaining bytes are read and thrown away, so that the
    /// browser finishes sending and receives the page naming the limit: a server that answers before the body is in
    /// closes the connection, and the browser shows a reset instead.
    /// </summary>
    public const long DrainedRequestBytes = TabularLimits.MaxUploadRequestBytes;

    // Set here rather than by [RequestFormLimits]: that attribute's limit is applied before the handler runs, where a
    // refusal is a bare 400 instead of this page.
    private static readonly FormOptions FormLimits = new() { MultipartBodyLengthLimit = MaxRequestBytes };

    public ImportOutcome? Result { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnGetTemplate()
    {
        using var buffer = new MemoryStream();
        OrganisationSheet.WriteXlsx(buffer, []);
        return File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "纳入企业名单模板.xlsx");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        IFormCollection form;
        try
        {
            form = await Request.ReadFormAsync(FormLimits, ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            // Over MaxRequestBytes (the form reader's InvalidDataException) or over DrainedRequestBytes (Kestrel's 413
            // BadHttpRequestException). Read the rest (up to DrainedRequestBytes, discarded) so that the page reaches the
            // browser.
            if (e is InvalidDataException)
            {
                await DrainAsync(ct);
            }
            Result = await organisations.ImportAsync(User.Actor(), OrganisationSheet.TooLarge(), clock.GetUtcNow(), ct);
            return Page();
        }
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }
        if (form.Files.GetFile("upload") is not { } upload)
        {
            Result = new ImportOutcome.Invalid([new RowError(0, "", "file", "Required", "choose a .xlsx or .csv file")]);
            return Page();
        }
        await using var content = upload.OpenReadStream();
        Result = await organisations.ImportAsync(User.Actor(), OrganisationSheet.Read(content, upload.FileName), clock.GetUtcNow(), ct);
        return Page();
    }

    private async Task DrainAsync(CancellationToken ct)
    {
        try
        {
            await Request.Body.CopyToAsync(Stream.Null, ct);
        }
        catch (BadHttpRequestException)
        {
            // Over DrainedRequestBytes after all: Kestrel closes the connection, whatever the page says.
        }
    }
}
