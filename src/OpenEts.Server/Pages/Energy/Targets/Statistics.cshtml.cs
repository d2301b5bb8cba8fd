using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.DualControl.Targets;
using OpenEts.Application.Files;
using OpenEts.Application.Organisations;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Energy.Targets;

/// <summary>
/// Regional statistics: the regulator loads a workbook of monthly or quarterly energy use and GDP (all rows or none;
/// each bad cell named by row and column), downloads the template or a year's figures; the auditor reads them.
/// </summary>
[Authorize(Roles = Access.AuditReaders)]
[RequestSizeLimit(TabularLimits.MaxUploadRequestBytes)]
public sealed class StatisticsModel(EnergyTargetsQueries queries, EnergyTargetsCommandHandler handler, TimeProvider clock) : EnergyPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<EnergyStatistic> Rows { get; private set; } = [];

    public StatisticsLoaded? Loaded { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ReadAddressYear();
        await LoadAsync(ct);
    }

    public IActionResult OnGetTemplate()
    {
        using var buffer = new MemoryStream();
        StatisticsSheet.WriteTemplate(buffer);
        return File(buffer.ToArray(), TabularWriter.XlsxContentType, "地区能源统计模板.xlsx");
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        // An export of a year that is no number would be last year's file: the page names the year instead.
        ReadAddressYear();
        await LoadAsync(ct);
        if (AddressYear.Error is not null)
        {
            return Page();
        }
        using var buffer = new MemoryStream();
        StatisticsSheet.WriteXlsx(buffer, Rows);
        return File(buffer.ToArray(), TabularWriter.XlsxContentType, $"地区能源统计-{Year}.xlsx");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        (RecordStatistics? Command, IReadOnlyList<RowError> Errors) read;
        if (Upload is null)
        {
            read = StatisticsSheet.Read(Stream.Null, "");
        }
        else if (Upload.Length > TabularLimits.MaxFileBytes)
        {
            read = (null, [new RowError(0, "", "file", "FileTooLarge", TabularFile.TooLarge().Error!)]);
        }
        else
        {
            await using var content = Upload.OpenReadStream();
            read = StatisticsSheet.Read(content, Upload.FileName);
        }
        if (read.Command is { } command)
        {
            var outcome = await handler.HandleAsync(User.Actor(), command, ct);
            if (Report(outcome))
            {
                Loaded = (StatisticsLoaded)((EnergyTargetsOutcome.Completed)outcome).Result;
                Year ??= command.Lines.Max(l => l.Year);
            }
        }
        else if (read.Errors.Count == 0)
        {
            // Headers and no data rows (the template as downloaded): nothing loaded, nothing refused.
            Loaded = new StatisticsLoaded(0, 0);
        }
        else
        {
            FileRows(read.Errors);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Year ??= TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Localization.DisplayTime.Zone).Year - 1;
        Rows = await queries.StatisticsAsync(User.Actor(), null, Year.Value, ct);
    }
}
