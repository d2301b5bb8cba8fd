using System.Globalization;

namespace OpenEts.Domain.Mrv;

/// <summary>
/// Computes a report's emissions from its lines and a factor library, keeping the derivation of every figure.
/// Pure: no I/O, no clock. Formulas: reference/mrv.md §3.2 (fuel combustion, purchased electricity).
/// </summary>
public static class MrvCalculator
{
    /// <summary>44/12: the mass ratio of CO2 to carbon.</summary>
    public const decimal CarbonToCo2 = 44m / 12m;

    /// <summary>Computes every line and the total; lines in error are reported in the issues and left out.</summary>
    public static ReportCalculation Calculate(ReportInput report, FactorLibrary library)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(library);
        var issues = new List<MrvIssue>();
        var lines = new List<LineEmission>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in report.Lines)
        {
            if (!seen.Add(line.Id))
            {
                issues.Add(Error(line, "id", "DuplicateLine", $"line id '{line.Id}' appears more than once"));
                continue;
            }
            if (line.Amount < 0)
            {
                issues.Add(Error(line, "amount", "NegativeAmount", $"the amount of line {line.Id} is negative ({line.Amount})"));
                continue;
            }
            var emissions = line.Kind switch
            {
                SourceKind.FuelCombustion => Combustion(line, library, issues),
                SourceKind.PurchasedElectricity => Electricity(line, report, library, issues, deducted: false),
                SourceKind.ExportedElectricity => Electricity(line, report, library, issues, deducted: true),
                _ => Unsupported(line, issues),
            };
            if (emissions is not null)
            {
                lines.Add(new LineEmission(line.Id, line.Kind, emissions));
            }
        }
        var total = new Figure(
            "total emissions", lines.Sum(l => l.Emissions.Value), MeasureUnit.TonneCo2,
            new Provenance.Computed("E = Σ E_i", [.. lines.Select(l => l.Emissions)]));
        return new ReportCalculation(total, lines, issues, library.Version);
    }

    private static Figure? Combustion(ReportLine line, FactorLibrary library, List<MrvIssue> issues)
    {
        var fuel = library.Fuel(line.Material);
        if (fuel is null)
        {
            issues.Add(Error(line, "material", "UnknownMaterial", $"line {line.Id}: fuel '{line.Material}' is not in factor library {library.Version}"));
            return null;
        }
        if (line.Unit != fuel.AmountUnit)
        {
            issues.Add(Error(line, "unit", "WrongUnit", $"line {line.Id}: {fuel.NameEn} is reported in {fuel.AmountUnit}, not {line.Unit}"));
            return null;
        }
        var consumption = new Figure("consumption", line.Amount, line.Unit, new Provenance.Reported($"line {line.Id}"));
        var ncv = Override(line, ParameterKind.NetCalorificValue, fuel.Ncv);
        var carbon = Override(line, ParameterKind.CarbonContent, fuel.CarbonContent);
        var oxidation = Override(line, ParameterKind.OxidationRate, fuel.Oxidation);
        var activity = new Figure("activity data", consumption.Value * ncv.Value, MeasureUnit.Gigajoule,
            new Provenance.Computed("AD = FC × NCV", [consumption, ncv]));
        var factor = new Figure("emission factor", carbon.Value * oxidation.Value * CarbonToCo2, MeasureUnit.TonneCo2PerGigajoule,
            new Provenance.Computed("EF = CC × OF × 44/12", [carbon, oxidation]));
        return new Figure("emissions", activity.Value * factor.Value, MeasureUnit.TonneCo2,
            new Provenance.Computed("E = AD × EF", [activity, factor]));
    }

    private static Figure? Electricity(ReportLine line, ReportInput report, FactorLibrary library, List<MrvIssue> issues, bool deducted)
    {
        if (line.Unit != MeasureUnit.MegawattHour)
        {
            issues.Add(Error(line, "unit", "WrongUnit", $"line {line.Id}: electricity is reported in MWh, not {line.Unit}"));
            return null;
        }
        var grid = library.GridFor(report.Year, report.Region);
        if (grid is null)
        {
            issues.Add(Error(line, "material", "NoGridFactor", string.Create(CultureInfo.InvariantCulture,
                $"line {line.Id}: factor library {library.Version} has no grid factor for {report.Year} ({report.Region} or national)")));
            return null;
        }
        var electricity = new Figure("electricity", line.Amount, MeasureUnit.MegawattHour, new Provenance.Reported($"line {line.Id}"));
        var factor = Override(line, ParameterKind.EmissionFactor, grid.Factor);
        var value = electricity.Value * factor.Value;
        return new Figure("emissions", deducted ? -value : value, MeasureUnit.TonneCo2,
            new Provenance.Computed(deducted ? "E = −AD × EF_grid" : "E = AD × EF_grid", [electricity, factor]));
    }

    private static Figure? Unsupported(ReportLine line, List<MrvIssue> issues)
    {
        issues.Add(Error(line, "kind", "UnsupportedSource", $"line {line.Id}: source kind {line.Kind} is not computed yet"));
        return null;
    }

    private static Figure Override(ReportLine line, ParameterKind parameter, Figure fallback)
    {
        var measured = line.Measured.FirstOrDefault(m => m.Parameter == parameter);
        return measured is null
            ? fallback
            : fallback with { Value = measured.Value, Source = new Provenance.Measured(measured.Evidence, measured.Rule) };
    }

    private static MrvIssue Error(ReportLine line, string field, string rule, string message) =>
        new(line.Id, field, rule, IssueSeverity.Error, message);
}
