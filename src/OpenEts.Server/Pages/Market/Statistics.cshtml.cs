using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Exchange.MarketData;
using OpenEts.Application.Files;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Market;

/// <summary>
/// The public table of published market statistics (累计成交统计), like the seed newsletter's table of the pilots: every
/// row with turnover ÷ volume beside the published average, inconsistent rows flagged; an .xlsx export and template; the
/// import for the regulator and the exchange operator.
/// </summary>
[AllowAnonymous]
[RequestSizeLimit(TabularLimits.MaxUploadRequestBytes)]
public sealed class StatisticsModel(MarketStatisticsService statistics) : PageModel
{
    public IReadOnlyList<CheckedStatistic> Rows { get; private set; } = [];

    public StatisticsImportOutcome? Result { get; private set; }

    /// <summary>Whether the signed-in user may import (the use case's role list, not the page's).</summary>
    public bool MayImport => User.Identity?.IsAuthenticated == true && MarketDataRoles.ImportStatistics.Contains(User.Actor().Role);

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>
    /// After an import, what it did (the file's rows, added, replaced, the file's rows flagged, and the rows flagged in the
    /// whole table), from the redirect's query; null otherwise.
    /// </summary>
    public (int Rows, int Added, int Replaced, int Flagged, int FlaggedInAll)? Imported { get; private set; }

    public async Task OnGetAsync([FromQuery] int? rows, [FromQuery] int? added, [FromQuery] int? replaced, [FromQuery] int? flagged,
        [FromQuery] int? flaggedInAll, CancellationToken ct)
    {
        Imported = rows is { } n && added is { } a && replaced is { } r && flagged is { } f && flaggedInAll is { } all ? (n, a, r, f, all) : null;
        Rows = await statistics.TableAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        StatisticsSheet.WriteXlsx(buffer, await statistics.TableAsync(ct));
        return File(buffer.ToArray(), TabularWriter.XlsxContentType, "碳市场累计成交统计.xlsx");
    }

    public IActionResult OnGetTemplate()
    {
        using var buffer = new MemoryStream();
        StatisticsSheet.WriteTemplate(buffer);
        return File(buffer.ToArray(), TabularWriter.XlsxContentType, "碳市场累计成交统计模板.xlsx");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        StatisticsSheet sheet;
        var fileName = Upload?.FileName ?? "";
        if (Upload is null)
        {
            sheet = StatisticsSheet.Read(Stream.Null, "");
        }
        else if (Upload.Length > TabularLimits.MaxFileBytes)
        {
            sheet = StatisticsSheet.TooLarge();
        }
        else
        {
            await using var content = Upload.OpenReadStream();
            sheet = StatisticsSheet.Read(content, Upload.FileName);
        }
        Result = await statistics.ImportAsync(User.Actor(), sheet, fileName, ct);
        if (Result is StatisticsImportOutcome.Forbidden)
        {
            return Forbid();
        }
        // An import that went through answers with a redirect, so that reloading the page does not send the file again.
        if (Result is StatisticsImportOutcome.Imported ok)
        {
            return Redirect(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"/Market/Statistics?rows={ok.Rows}&added={ok.Added}&replaced={ok.Replaced}&flagged={ok.Flagged.Count}&flaggedInAll={ok.FlaggedInAll}"));
        }
        Rows = await statistics.TableAsync(ct);
        return Page();
    }
}
