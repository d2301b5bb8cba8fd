using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Organisations;
using OpenEts.Application.Registry;
using OpenEts.Domain.DualControl.Targets;
using OpenEts.Domain.Identity;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>
/// The regulator loads monthly or quarterly regional statistics (energy use, GDP or value added), by .xlsx or API. All or
/// nothing: one bad row (or one region no adopted plan names) refuses the whole load. A row for a region and period
/// already loaded replaces it (statistics are revised); the journal keeps what was there.
/// </summary>
public sealed record RecordStatistics(IReadOnlyList<RecordStatistics.Line> Lines) : IEnergyTargetsCommand
{
    /// <summary>The most rows one load may hold.</summary>
    public const int MaxRows = 10_000;

    /// <summary>One read row and the row number people see (the sheet's row, or the body's index + 1).</summary>
    public sealed record Line(int Row, UnitCode Region, int Year, int FirstMonth, int Months, Tce Energy, EconomicOutput Output);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => EnergyTargetsRoles.Regulators;

    /// <summary>Reads rows; <paramref name="rowNumbers"/> gives each row's number (sheet rows), else index + 1.</summary>
    public static bool TryParse(IReadOnlyList<StatisticsRow> rows, [NotNullWhen(true)] out RecordStatistics? command, out IReadOnlyList<RowError> errors,
        IReadOnlyList<int>? rowNumbers = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = new List<RowError>();
        var lines = new List<Line>();
        if (rows.Count is 0 or > MaxRows)
        {
            list.Add(new RowError(0, "", "rows", "RowCount", $"rows: 1–{MaxRows} rows of statistics"));
        }
        for (var i = 0; i < rows.Count && list.Count < 200; i++)
        {
            var row = rows[i];
            var number = rowNumbers?[i] ?? i + 1;
            void Fail(string field, string rule, string message) => list.Add(new RowError(number, "", field, rule, message));
            if (!UnitCode.TryCreate(row.Region, out var region, out var reason))
            {
                Fail("region", "UnitCode", $"region: {reason}");
            }
            if (row.Year is not (>= 2000 and <= 2100))
            {
                Fail("year", "Year", "year: 2000–2100");
            }
            var months = row.Months ?? 1;
            if (months is not (1 or 3) || row.Month is not (>= 1 and <= 12) || (months == 3 && row.Month % 3 != 1))
            {
                Fail("month", "Period", "month and months: a month 1–12 (months 1), or a quarter starting in month 1, 4, 7 or 10 (months 3)");
            }
            if (!Tce.TryCreate(row.EnergyTce, out var energy, out var energyReason))
            {
                Fail("energyTce", "Tce", $"energyTce: {energyReason}");
            }
            if (!EconomicOutput.TryCreate(row.OutputWanYuan, out var output, out var outputReason))
            {
                Fail("outputWanYuan", "Output", $"outputWanYuan: {outputReason}");
            }
            lines.Add(new Line(number, region, row.Year ?? 0, row.Month ?? 0, months, energy, output));
        }
        foreach (var dup in lines.GroupBy(l => (l.Region, l.Year, l.FirstMonth, l.Months)).Where(g => g.Count() > 1))
        {
            list.Add(new RowError(dup.Last().Row, "", "region", "DuplicateRow", $"{dup.Key.Region} {dup.Key.Year}-{dup.Key.FirstMonth} appears more than once"));
        }
        errors = list;
        command = list.Count == 0 ? new RecordStatistics(lines) : null;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<EnergyTargetsOutcome> ExecuteAsync(EnergyTargetsWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var known = (await work.Data.LatestPlansAsync().ConfigureAwait(false))
            .SelectMany(p => p.Plan.Units.Where(u => u.Kind != UnitKind.KeyEnergyUser)).Select(u => u.Code).ToHashSet();
        var unknown = Lines.Where(l => !known.Contains(l.Region)).Take(50)
            .Select(l => new RowError(l.Row, "", "region", "UnknownRegion", $"region: no adopted plan names region {l.Region}")).ToList();
        if (unknown.Count > 0)
        {
            return new EnergyTargetsOutcome.RowsInvalid(unknown);
        }
        var saved = Lines.Select(l => new EnergyStatistic(l.Region, l.Year, l.FirstMonth, l.Months, l.Energy, l.Output, work.Now, work.Actor.UserName)).ToList();
        var replaced = await work.Data.SaveStatisticsAsync(saved).ConfigureAwait(false);
        await work.JournalAsync("statistics.recorded", string.Join(",", saved.Select(s => s.Region.Value).Distinct().Take(10)), new
        {
            rows = saved.Count,
            replaced,
            regions = saved.Select(s => s.Region.Value).Distinct(),
            years = saved.Select(s => s.Year).Distinct(),
            energyTce = saved.Aggregate(Tce.Zero, (sum, s) => sum + s.Energy).Value,
        }).ConfigureAwait(false);
        return new EnergyTargetsOutcome.Completed(new StatisticsLoaded(saved.Count, replaced));
    }
}
