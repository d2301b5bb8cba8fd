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

    public async Task OnGetAsync(CancellationToken ct) => Rows = await statistics.TableAsync(ct);

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
        Rows = await statistics.TableAsync(ct);
        return Page();
    }
}
