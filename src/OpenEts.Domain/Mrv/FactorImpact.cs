namespace OpenEts.Domain.Mrv;

/// <summary>
/// The reports a factor correction would move, and by how much, before anyone applies it. Only reports that use a
/// changed factor (a fuel, carbonate, the heat factor, the grid factor their year and region resolve to, the
/// power-facility coal oxidation rate) are recomputed.
/// </summary>
public static class FactorImpact
{
    /// <summary>The reports whose total changes from <paramref name="current"/> to <paramref name="corrected"/>, largest change first.</summary>
    public static IReadOnlyList<ReportImpact> List(IEnumerable<KeyValuePair<string, ReportInput>> reports, FactorLibrary current,
        FactorLibrary corrected)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(corrected);
        var fuels = Changed(current.Fuels, corrected.Fuels);
        var carbonates = Changed(current.Carbonates, corrected.Carbonates);
        var heat = !Equals(current.HeatFactor, corrected.HeatFactor);
        var coal = !Equals(current.PowerFacilityCoalOxidation, corrected.PowerFacilityCoalOxidation);
        var grid = new Dictionary<(int, string), bool>();
        var impacts = new List<ReportImpact>();
        foreach (var (id, report) in reports)
        {
            if (!Touches(report, fuels, carbonates, heat, coal, GridChanged))
            {
                continue;
            }
            var before = MrvCalculator.Calculate(report, current).Total.Value;
            var after = MrvCalculator.Calculate(report, corrected).Total.Value;
            if (before != after)
            {
                impacts.Add(new ReportImpact(id, before, after));
            }
        }
        impacts.Sort((a, b) => Math.Abs(b.Change).CompareTo(Math.Abs(a.Change)) is var c && c != 0 ? c : string.CompareOrdinal(a.ReportId, b.ReportId));
        return impacts;

        bool GridChanged(int year, string region)
        {
            var key = (year, region);
            if (!grid.TryGetValue(key, out var changed))
            {
                changed = !Equals(current.GridFor(year, region), corrected.GridFor(year, region));
                grid[key] = changed;
            }
            return changed;
        }
    }

    private static bool Touches(ReportInput report, HashSet<string> fuels, HashSet<string> carbonates, bool heat, bool coal,
        Func<int, string, bool> gridChanged)
    {
        foreach (var line in report.Lines)
        {
            var touched = line.Kind switch
            {
                SourceKind.FuelCombustion => fuels.Contains(line.Material)
                    || (coal && report.Method == AccountingMethod.PowerFacility2022 && line.Material == "raw-coal"),
                SourceKind.PurchasedElectricity or SourceKind.ExportedElectricity => gridChanged(report.Year, report.Region),
                SourceKind.PurchasedHeat or SourceKind.ExportedHeat => heat,
                SourceKind.Calcination or SourceKind.CarbonateUse or SourceKind.Desulfurisation => carbonates.Contains(line.Material),
                _ => false,
            };
            if (touched)
            {
                return true;
            }
        }
        return false;
    }

    private static HashSet<string> Changed<T>(IReadOnlyDictionary<string, T> before, IReadOnlyDictionary<string, T> after)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (code, value) in after)
        {
            if (!before.TryGetValue(code, out var old) || !Equals(old, value))
            {
                changed.Add(code);
            }
        }
        foreach (var code in before.Keys)
        {
            if (!after.ContainsKey(code))
            {
                changed.Add(code);
            }
        }
        return changed;
    }
}
