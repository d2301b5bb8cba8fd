using System.Globalization;
using System.Text.Json;
using OpenEts.Application.DualControl.Targets;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Energy.Targets;

/// <summary>
/// Maps a <see cref="RegionTrend"/> onto the two chart specifications <c>wwwroot/js/charts.js</c> draws: energy (used in
/// each month as bars, used January → month against the linear path as lines, tce) and intensity (the fall January →
/// month against the year's milestone, %). A month without figures is null, a gap in the line.
/// </summary>
public static class TrendCharts
{
    public static (string Energy, string Intensity) Json(RegionTrend trend)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var months = trend.Months.Select(m => $"{trend.Year}-{m.Month.ToString("00", CultureInfo.InvariantCulture)}").ToList();
        var energy = JsonSerializer.Serialize(new
        {
            kind = "line",
            unit = "tce",
            categories = months,
            series = new object[]
            {
                new { name = Text.T("energy.trendtodate"), data = trend.Months.Select(m => m.EnergyToDate?.Value) },
                new { name = Text.T("energy.path"), data = trend.Months.Select(m => (decimal?)m.Path.Value), dashed = true, color = "#888888" },
                new { name = Text.T("energy.trendmonth"), data = trend.Months.Select(m => m.Energy?.Value), type = "bar", color = "#9ecae1" },
            },
        });
        var intensity = JsonSerializer.Serialize(new
        {
            kind = "line",
            unit = "%",
            categories = months,
            series = new object[]
            {
                new { name = Text.T("energy.intensityactual"), data = trend.Months.Select(m => m.IntensityReductionPercent) },
                new { name = Text.T("energy.milestone"), data = trend.Months.Select(_ => (decimal?)trend.IntensityTargetPercent), dashed = true, color = "#888888" },
            },
        });
        return (energy, intensity);
    }
}
