using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.DualControl.Targets;
using OpenEts.Domain.DualControl.Targets;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;
using OpenEts.Server.Pages.Energy.Targets;

namespace OpenEts.Server.Pages.Energy;

/// <summary>
/// Energy dual control (能耗双控), public: the 晴雨表 of a round as a province tile map and a table (cities too), the
/// pollutant totals' 晴雨表 from the pollutant load meters, and the year's grades; links to the regulator's and key users' pages and to monitoring, cards and calculators.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(EnergyTargetsQueries queries, TimeProvider clock) : PageModel
{
    public string Period { get; private set; } = "";

    public IReadOnlyList<string> Periods { get; private set; } = [];

    public WarningTable? Table { get; private set; }

    public string? PeriodError { get; private set; }

    public PollutantTable? Pollutants { get; private set; }

    public IReadOnlyList<AccountabilityRow> Grades { get; private set; } = [];

    public string MapJson { get; private set; } = "{}";

    public bool IsOverseer { get; private set; }

    public async Task OnGetAsync(string? period, CancellationToken ct)
    {
        var year = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), DisplayTime.Zone).Year;
        Periods = [.. new[] { year, year - 1 }.SelectMany(y => new[] { $"{y}", $"{y}-Q3", $"{y}-H1", $"{y}-M4", $"{y}-Q1" })];
        Period = string.IsNullOrWhiteSpace(period) ? $"{year - 1}" : period.Trim().ToUpperInvariant();
        var actor = User.Identity?.IsAuthenticated == true ? User.Actor() : null;
        IsOverseer = EnergyTargetsQueries.IsOverseer(actor);
        if (!WarningPeriod.TryParse(Period, out var p, out var reason))
        {
            // The energy period's own text: rule.Period alone is a monitoring period's (offsets, carbon inclusion).
            PeriodError = Text.IsEnglish ? reason : $"“{Period}”：{Text.T("rule.Period.period")}";
            return;
        }
        Table = await queries.WarningsAsync(actor, p, ct);
        Pollutants = await queries.PollutantWarningsAsync(actor, p, ct);
        Grades = await queries.AccountabilityAsync(actor, p.Year, ct);
        var levels = Table.Rows.Where(r => r.Kind == UnitKind.Province).ToDictionary(r => r.Unit.Value, r => r.Overall);
        MapJson = JsonSerializer.Serialize(new
        {
            tiles = ProvinceTiles.All.Select(t => new
            {
                code = t.Code,
                name = t.Name,
                row = t.Row,
                col = t.Column,
                level = levels.TryGetValue(t.Code, out var l) ? l.ToString() : nameof(WarningLevel.NoData),
            }),
            labels = Enum.GetValues<WarningLevel>().ToDictionary(l => l.ToString(), l => Text.T("energy.level." + l)),
        });
    }
}
