using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.DualControl.Monitoring;
using OpenEts.Server.Api;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Energy.Monitoring;

/// <summary>
/// Online monitoring's data-quality dashboard (在线监测数据质量): every region and unit over a period for the regulator and
/// the auditor, a company's own units for a company; units under 90 % completeness are flagged.
/// </summary>
[Authorize(Roles = Access.EnergyMonitoringReaders)]
public sealed class IndexModel(MonitoringQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public QualityOverview? Overview { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The regions' completeness as a bar chart (charts.js spec).</summary>
    public string ChartJson { get; private set; } = "{}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!EnergyMonitoringEndpoints.TryPeriod(From, To, out var from, out var to, out var errors))
        {
            Errors = [.. errors.Select(RuleText.Field)];
            return;
        }
        Overview = await queries.OverviewAsync(User.Actor(), Region, from, to, ct);
        if (Overview is { } o)
        {
            ChartJson = JsonSerializer.Serialize(new
            {
                kind = "bar",
                unit = "%",
                categories = o.Regions.Select(r => r.Region),
                series = new[]
                {
                    new
                    {
                        name = Text.T("em.completeness"),
                        data = o.Regions.Select(r => r.Quality.Completeness.Percent),
                        colors = o.Regions.Select(r => r.Quality.Completeness.IsFlagged ? "#c0392b" : "#2e7d32"),
                    },
                },
            });
        }
    }
}
