using OpenEts.Application.DualControl.Monitoring;
using OpenEts.Domain.DualControl.Targets;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>
/// Builds the pollutant 晴雨表 from the plans and the load meters' sums. A monitored unit's load counts for the plan unit
/// it belongs to and for every unit above it: the key energy user it is linked to, else the plan unit whose code is the
/// monitored unit's region (a city or province registered by its code). Meters are matched to a target by pollutant
/// (<see cref="PollutantNames"/>: the plan's 氮氧化物 is a meter's NOx); a meter with no readings in the round, or in a
/// unit that is not a mass, adds nothing, and a target no meter measured is not rated.
/// </summary>
public static class PollutantBarometer
{
    /// <summary>The Beijing days a round covers: 1 January to the last day of its last month.</summary>
    public static (DateOnly From, DateOnly To) Days(WarningPeriod period) =>
        (new DateOnly(period.Year, 1, 1), new DateOnly(period.Year, period.Months, DateTime.DaysInMonth(period.Year, period.Months)));

    /// <summary>Rates every pollutant total of every plan in force in the round's year.</summary>
    public static PollutantTable Rate(IEnumerable<TargetPlan> plans, IReadOnlyList<PollutantLoad> loads, WarningPeriod period, bool withKeyUsers)
    {
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(loads);
        var rows = new List<PollutantRow>();
        foreach (var plan in plans.Where(p => p.FirstYear <= period.Year && period.Year <= p.LastYear))
        {
            var units = plan.Units.ToDictionary(u => u.Code);
            var under = new Dictionary<UnitCode, List<PollutantLoad>>();
            foreach (var load in loads.Where(l => l.Received > 0 && l.Meter.Pollutant is not null))
            {
                var home = load.KeyUser is { } k && UnitCode.TryCreate(k, out var key, out _) && units.ContainsKey(key) ? key
                    : UnitCode.TryCreate(load.Unit.Region, out var region, out _) && units.ContainsKey(region) ? region
                    : (UnitCode?)null;
                // Up the split to the region; bounded, though a plan that validated has no cycle.
                var at = home;
                for (var steps = 0; at is { } code && units.TryGetValue(code, out var unit) && steps <= units.Count; steps++)
                {
                    (under.TryGetValue(code, out var list) ? list : under[code] = []).Add(load);
                    at = unit.Parent;
                }
            }
            foreach (var unit in plan.Units.Where(u => withKeyUsers || u.Kind != UnitKind.KeyEnergyUser))
            {
                var mine = under.GetValueOrDefault(unit.Code) ?? [];
                foreach (var target in plan.PollutantsOf(unit))
                {
                    var measured = mine.Where(l => PollutantNames.Same(l.Meter.Pollutant!, target.Pollutant) && l.Tonnes is not null).ToList();
                    decimal? tonnes = measured.Count == 0 ? null : measured.Sum(l => l.Tonnes!.Value);
                    rows.Add(new PollutantRow(unit.Code, unit.Name, unit.Kind, unit.Parent, target,
                        PollutantWarning.Rate(target, plan.FirstYear, plan.LastYear, period, tonnes), measured.Count,
                        measured.Select(l => l.Unit.Id).Distinct().Count()));
                }
            }
        }
        var (from, to) = Days(period);
        return new PollutantTable(period, from, to, [.. rows.OrderBy(r => r.Kind).ThenBy(r => r.Unit.Value, StringComparer.Ordinal)]);
    }
}
