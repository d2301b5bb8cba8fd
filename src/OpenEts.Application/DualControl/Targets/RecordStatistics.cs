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
/// already loaded replaces it (statistics are revised); the journal keeps what was there. Every error of every row is
/// reported in one answer: the cells read, the rules and the regions no plan names (<see cref="Read"/>).
/// </summary>
public sealed record RecordStatistics(IReadOnlyList<RecordStatistics.Line> Lines) : IEnergyTargetsCommand
{
    /// <summary>The most rows one load may hold.</summary>
    public const int MaxRows = 10_000;

    /// <summary>The most row errors one answer lists.</summary>
    public const int MaxErrors = 200;

    // The fields in the template's order: a row's errors are listed in it.
    private static readonly string[] FieldOrder = ["region", "year", "month", "months", "energyTce", "outputWanYuan"];

    /// <summary>One read row and the row number people see (the sheet's row, or the body's index + 1).</summary>
    public sealed record Line(int Row, UnitCode Region, int Year, int FirstMonth, int Months, Tce Energy, EconomicOutput Output);

    /// <summary>A row's region as read, for the check that an adopted plan names it (bad rows' regions included).</summary>
    public sealed record RegionAt(int Row, UnitCode Region);

    /// <summary>The errors found while reading the rows; the load is refused with them and the plan check's, together.</summary>
    public IReadOnlyList<RowError> ReadErrors { get; init; } = [];

    /// <summary>Every row whose region reads, good or bad otherwise, so that the plan check names it in the same answer.</summary>
    public IReadOnlyList<RegionAt> Regions { get; init; } = [];

    /// <summary>
    /// Where a file holds each field: its column letter and the header the file gives it (月份), so that an error names the
    /// column as the file does. Empty for rows sent as JSON.
    /// </summary>
    public IReadOnlyDictionary<string, (string Column, string Header)> Columns { get; init; } =
        new Dictionary<string, (string Column, string Header)>();

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => EnergyTargetsRoles.Regulators;

    /// <summary>Reads rows and succeeds only when no row has an error (the plan check is the handler's).</summary>
    public static bool TryParse(IReadOnlyList<StatisticsRow> rows, [NotNullWhen(true)] out RecordStatistics? command, out IReadOnlyList<RowError> errors,
        IReadOnlyList<int>? rowNumbers = null)
    {
        var read = Read(rows, out var refused, rowNumbers);
        errors = read?.ReadErrors ?? refused;
        command = read is { ReadErrors.Count: 0 } ? read : null;
        return command is not null;
    }

    /// <summary>
    /// Reads rows into a command that carries every row's errors (<see cref="ReadErrors"/>), to be refused together with the
    /// plan check's; null, with <paramref name="refused"/>, only when the load as a whole is refused (no rows, too many).
    /// <paramref name="rowNumbers"/> gives each row's number (sheet rows), else index + 1; <paramref name="cellErrors"/> are
    /// the file's cells that did not read as numbers, whose fields are not reported a second time.
    /// </summary>
    public static RecordStatistics? Read(IReadOnlyList<StatisticsRow> rows, out IReadOnlyList<RowError> refused,
        IReadOnlyList<int>? rowNumbers = null, IReadOnlyList<RowError>? cellErrors = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count is 0 or > MaxRows)
        {
            refused = [new RowError(0, "", "rows", "RowCount", $"rows: 1–{MaxRows} rows of statistics")];
            return null;
        }
        refused = [];
        var unread = (cellErrors ?? []).ToLookup(e => e.Row, e => e.Field);
        var list = new List<RowError>(cellErrors ?? []);
        var lines = new List<Line>();
        var regions = new List<RegionAt>();
        var periods = new List<Line>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var number = rowNumbers?[i] ?? i + 1;
            var before = list.Count;
            void Fail(string field, string rule, string message)
            {
                if (!unread[number].Contains(field))
                {
                    list.Add(new RowError(number, "", field, rule, message));
                }
            }
            // A blank cell (or a field left out) is required, not out of range.
            void Missing(string field) => Fail(field, "Required", $"{field} is required");
            var regionValid = UnitCode.TryCreate(row.Region, out var region, out var reason);
            if (regionValid)
            {
                regions.Add(new RegionAt(number, region));
            }
            else if (string.IsNullOrWhiteSpace(row.Region))
            {
                Missing("region");
            }
            else
            {
                Fail("region", "UnitCode", $"region: {reason}");
            }
            if (row.Year is null)
            {
                Missing("year");
            }
            else if (row.Year is not (>= 2000 and <= 2100))
            {
                Fail("year", "Year", "year: 2000–2100");
            }
            var months = row.Months ?? 1;
            if (row.Month is null)
            {
                Missing("month");
            }
            else if (months is not (1 or 3) || row.Month is not (>= 1 and <= 12) || (months == 3 && row.Month % 3 != 1))
            {
                Fail("month", "Period", "month and months: a month 1–12 (months 1), or a quarter starting in month 1, 4, 7 or 10 (months 3)");
            }
            var energy = Tce.Zero;
            var output = default(EconomicOutput);
            if (row.EnergyTce is null)
            {
                Missing("energyTce");
            }
            else if (!Tce.TryCreate(row.EnergyTce, out energy, out var energyReason))
            {
                Fail("energyTce", "Tce", $"energyTce: {energyReason}");
            }
            if (row.OutputWanYuan is null)
            {
                Missing("outputWanYuan");
            }
            else if (!EconomicOutput.TryCreate(row.OutputWanYuan, out output, out var outputReason))
            {
                Fail("outputWanYuan", "Output", $"outputWanYuan: {outputReason}");
            }
            var line = new Line(number, region, row.Year ?? 0, row.Month ?? 0, months, energy, output);
            var bad = list.Skip(before).Select(e => e.Field).Concat(unread[number]).ToHashSet();
            if (bad.Count == 0)
            {
                lines.Add(line);
            }
            // A row whose region and period read can repeat another's, whatever else is wrong with it.
            if (!bad.Overlaps(["region", "year", "month", "months"]))
            {
                periods.Add(line);
            }
        }
        foreach (var dup in periods.GroupBy(l => (l.Region, l.Year, l.FirstMonth, l.Months)).Where(g => g.Count() > 1))
        {
            // Every repeat names the row it repeats, so that the clerk finds both.
            var first = dup.First();
            foreach (var again in dup.Skip(1))
            {
                FormattableString message = $"region: {first.Region.Value} {first.Year}-{first.FirstMonth} is already given in row {first.Row}";
                list.Add(new RowError(again.Row, "", "region", "DuplicateRow", Domain.Text.Figures.Sentence(message)) { Figures = Domain.Text.Figures.Of(message) });
            }
        }
        return new RecordStatistics(lines) { ReadErrors = Ordered(list), Regions = regions };
    }

    private static RowError Unknown(int row, string region)
    {
        FormattableString message = $"region: no adopted plan names region {region}";
        return new RowError(row, "", "region", "UnknownRegion", Domain.Text.Figures.Sentence(message)) { Figures = Domain.Text.Figures.Of(message) };
    }

    /// <summary>Beijing's day at <paramref name="now"/>: a period is over once the day after its last has begun there.</summary>
    public static DateOnly BeijingDay(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);

    // A month or quarter not yet over in Beijing has no statistics yet (a 2031 row loaded in 2026 is a typo).
    private static RowError? NotOver(Line line, DateTimeOffset now)
    {
        var today = BeijingDay(now);
        var end = new DateOnly(line.Year, line.FirstMonth, 1).AddMonths(line.Months);
        if (today >= end)
        {
            return null;
        }
        var period = line.Months == 3 ? $"{line.Year}-Q{(line.FirstMonth + 2) / 3}" : $"{line.Year}-{line.FirstMonth:D2}";
        var day = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        FormattableString message = $"month: the period {period} has not ended yet; today is {day}";
        return new RowError(line.Row, "", "month", "PeriodNotOver", Domain.Text.Figures.Sentence(message)) { Figures = Domain.Text.Figures.Of(message) };
    }

    private static List<RowError> Ordered(IEnumerable<RowError> errors) =>
        [.. errors.OrderBy(e => e.Row).ThenBy(e => Array.IndexOf(FieldOrder, e.Field) is var k and >= 0 ? k : FieldOrder.Length).Take(MaxErrors)];

    /// <summary>This load as read from a file whose fields are at <paramref name="columns"/>: its errors named by them.</summary>
    public RecordStatistics In(IReadOnlyDictionary<string, (string Column, string Header)> columns)
    {
        var placed = this with { Columns = columns };
        return placed with { ReadErrors = [.. ReadErrors.Select(placed.Placed)] };
    }

    // An error named where the file holds its field (column letter and header), when it came from a file.
    private RowError Placed(RowError error) =>
        Columns.TryGetValue(error.Field, out var at) ? error with { Column = at.Column, Header = at.Header } : error;

    /// <inheritdoc/>
    public async Task<EnergyTargetsOutcome> ExecuteAsync(EnergyTargetsWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var known = (await work.Data.LatestPlansAsync().ConfigureAwait(false))
            .SelectMany(p => p.Plan.Units.Where(u => u.Kind != UnitKind.KeyEnergyUser)).Select(u => u.Code).ToHashSet();
        var unknown = Regions.Where(r => !known.Contains(r.Region))
            .Select(r => Unknown(r.Row, r.Region.Value));
        var errors = Ordered(ReadErrors.Concat(unknown).Concat(Lines.Select(l => NotOver(l, work.Now)).OfType<RowError>()));
        if (errors.Count > 0)
        {
            return new EnergyTargetsOutcome.RowsInvalid([.. errors.Select(Placed)]);
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
