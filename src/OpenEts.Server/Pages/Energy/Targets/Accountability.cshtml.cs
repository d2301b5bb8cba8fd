using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.DualControl.Targets;
using OpenEts.Application.Files;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Energy.Targets;

/// <summary>The public accountability list of a year (考核结果): grades, veto, consequences, praise; .xlsx in the provinces' published shape.</summary>
[AllowAnonymous]
public sealed class AccountabilityModel(EnergyTargetsQueries queries, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<AccountabilityRow> Rows { get; private set; } = [];

    /// <summary>The year in the address when it is no number (?year=abc): named beside the year filter, which keeps it as typed.</summary>
    public AddressYear AddressYear { get; private set; } = AddressYear.None;

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A year in the address that is no number (?year=abc) is named; the page shows last year's list, and says so.
        AddressYear = AddressYear.Read(ModelState);
        Year ??= TimeZoneInfo.ConvertTime(clock.GetUtcNow(), DisplayTime.Zone).Year - 1;
        Rows = await queries.AccountabilityAsync(Signed, Year.Value, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        // An export of a year that is no number would be last year's file under the name asked for: the page names it instead.
        if (AddressYear.Read(ModelState).Error is not null)
        {
            await OnGetAsync(ct);
            return Page();
        }
        Year ??= TimeZoneInfo.ConvertTime(clock.GetUtcNow(), DisplayTime.Zone).Year - 1;
        using var buffer = new MemoryStream();
        await queries.WriteAccountabilityXlsxAsync(Signed, Year.Value, Text.T, buffer, ct);
        return File(buffer.ToArray(), TabularWriter.XlsxContentType, $"{Year}年度节能目标责任评价考核结果.xlsx");
    }

    private Application.Identity.Actor? Signed => User.Identity?.IsAuthenticated == true ? User.Actor() : null;
}
