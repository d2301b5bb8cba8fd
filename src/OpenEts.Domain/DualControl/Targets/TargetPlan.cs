namespace OpenEts.Domain.DualControl.Targets;

/// <summary>
/// A region's five-year plan (五年规划 能耗双控目标) as one version of data: the energy-intensity reduction target (e.g. 15
/// for −15 %; Qinghai 10), the cap on the increase of total energy use over the baseline year (e.g. 11.2 Mtce), the
/// pollutant totals with their cuts, and the split province → cities → key energy users with yearly budgets. An adopted
/// version is never changed: a revision is a new version.
/// </summary>
/// <remarks>
/// The split rule: for every unit with children and every year, the children's budgets plus the unit's retained part
/// equal the unit's budget, to the kilogram (<see cref="Validate"/>). Figures come from the plan's
/// <paramref name="Source"/>; demo and example plans say where their numbers come from, or that they are invented.
/// </remarks>
public sealed record TargetPlan(
    UnitCode Region,
    int Version,
    string Name,
    int FirstYear,
    int LastYear,
    Tce BaselineEnergy,
    decimal IntensityReductionPercent,
    Tce TotalEnergyIncreaseCap,
    IReadOnlyList<PollutantTarget> Pollutants,
    IReadOnlyList<TargetUnit> Units,
    string Source)
{
    /// <summary>The region's own unit (the root of the split).</summary>
    public TargetUnit? Root => Units.FirstOrDefault(u => u.Code == Region);

    /// <summary>The unit with this code, or null.</summary>
    public TargetUnit? Unit(UnitCode code) => Units.FirstOrDefault(u => u.Code == code);

    /// <summary>
    /// The pollutant totals that bind <paramref name="unit"/>: the plan's for the region's own unit, else the unit's own
    /// (none when the plan gives it no pollutant budget).
    /// </summary>
    public IReadOnlyList<PollutantTarget> PollutantsOf(TargetUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.Code == Region ? Pollutants : unit.Pollutants ?? [];
    }

    /// <summary>The units whose parent is <paramref name="code"/>, in plan order.</summary>
    public IEnumerable<TargetUnit> ChildrenOf(UnitCode code) => Units.Where(u => u.Parent == code);

    /// <summary>Everything wrong with the plan; empty when it may be adopted.</summary>
    public IReadOnlyList<PlanProblem> Validate()
    {
        var problems = new List<PlanProblem>();
        void Fail(string rule, UnitCode unit, string message) => problems.Add(new PlanProblem(rule, unit.Value ?? "", message));
        if (FirstYear is < 2000 or > 2100 || LastYear < FirstYear || LastYear - FirstYear > 9)
        {
            Fail("PlanYears", Region, $"a plan runs 1–10 years from 2000 to 2100; {FirstYear}–{LastYear} does not");
            return problems;
        }
        if (IntensityReductionPercent is < -100 or > 100)
        {
            Fail("PlanPercent", Region, "the intensity-reduction target is a percentage between −100 and 100");
        }
        if (Root is not { } root)
        {
            Fail("NoRoot", Region, $"the split has no unit {Region} for the region itself");
            return problems;
        }
        if (root.Parent is not null)
        {
            Fail("RootHasParent", Region, "the region's own unit has no parent");
        }
        foreach (var duplicate in Units.GroupBy(u => u.Code).Where(g => g.Count() > 1))
        {
            Fail("DuplicateUnit", duplicate.Key, $"{duplicate.Key} appears {duplicate.Count()} times");
        }
        var codes = Units.Select(u => u.Code).ToHashSet();
        foreach (var unit in Units)
        {
            if (unit.Code != Region && (unit.Parent is not { } parent || !codes.Contains(parent)))
            {
                Fail("UnknownParent", unit.Code, $"{unit.Code} names parent {unit.Parent?.Value ?? "(none)"}, which is not in the split");
            }
            for (var year = FirstYear; year <= LastYear; year++)
            {
                if (unit.Years.Count(y => y.Year == year) != 1)
                {
                    Fail("YearBudgetMissing", unit.Code, $"{unit.Code} needs exactly one budget for {year}");
                }
            }
            if (unit.Years.Any(y => y.Year < FirstYear || y.Year > LastYear))
            {
                Fail("YearOutsidePlan", unit.Code, $"{unit.Code} has a budget outside {FirstYear}–{LastYear}");
            }
            if (unit.Code == Region && unit.Pollutants is { Count: > 0 })
            {
                Fail("RootPollutants", unit.Code, $"the region's own pollutant totals are the plan's pollutants, not {unit.Code}'s");
            }
            foreach (var twice in PollutantsOf(unit).GroupBy(p => PollutantNames.Key(p.Pollutant)).Where(g => g.Count() > 1))
            {
                Fail("DuplicatePollutant", unit.Code, $"{unit.Code} names the pollutant {twice.First().Pollutant} {twice.Count()} times");
            }
            if (unit.Years.Any(y => y.Retained > y.EnergyBudget))
            {
                Fail("RetainedOverBudget", unit.Code, $"{unit.Code} retains more than its budget");
            }
        }
        if (problems.Count > 0)
        {
            return problems;
        }
        if (HasCycle())
        {
            Fail("SplitCycle", Region, "the split's parents form a cycle");
            return problems;
        }
        foreach (var parent in Units)
        {
            var children = ChildrenOf(parent.Code).ToList();
            if (children.Count == 0)
            {
                continue;
            }
            for (var year = FirstYear; year <= LastYear; year++)
            {
                var own = parent.Year(year)!;
                var sum = children.Aggregate(own.Retained, (s, c) => s + c.Year(year)!.EnergyBudget);
                if (sum != own.EnergyBudget)
                {
                    Fail("SplitMismatch", parent.Code,
                        $"{year}: {parent.Code}'s children ({children.Count}) and retained part sum to {sum}, not its budget {own.EnergyBudget}");
                }
            }
        }
        var last = root.Year(LastYear)!.EnergyBudget;
        if (last > BaselineEnergy && last - BaselineEnergy > TotalEnergyIncreaseCap)
        {
            Fail("IncreaseOverCap", Region,
                $"the {LastYear} budget {last} is {last - BaselineEnergy} over the baseline {BaselineEnergy}; the plan caps the increase at {TotalEnergyIncreaseCap}");
        }
        return problems;
    }

    private bool HasCycle()
    {
        var parentOf = Units.Where(u => u.Parent is not null).ToDictionary(u => u.Code, u => u.Parent!.Value);
        foreach (var unit in Units)
        {
            var seen = new HashSet<UnitCode>();
            var at = unit.Code;
            while (parentOf.TryGetValue(at, out var next))
            {
                if (!seen.Add(at))
                {
                    return true;
                }
                at = next;
            }
        }
        return false;
    }
}
