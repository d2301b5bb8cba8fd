using System.Globalization;

namespace OpenEts.Domain.Mrv;

public static partial class MrvCalculator
{
    // Fuel combustion (reference/mrv.md §3.2, confirmed): AD = FC × NCV; EF = CC × OF × 44/12; E = AD × EF.
    private static Figure? Combustion(ReportLine line, FactorLibrary library, bool power, List<MrvIssue> issues)
    {
        var fuel = library.Fuel(line.Material);
        if (fuel is null)
        {
            issues.Add(UnknownMaterial(line, library));
            return null;
        }
        if (!UnitIs(line, fuel.AmountUnit, fuel.NameEn, issues))
        {
            return null;
        }
        var consumption = Reported(line, "consumption");
        var ncv = Override(line, ParameterKind.NetCalorificValue, fuel.Ncv);
        var carbon = Override(line, ParameterKind.CarbonContent, fuel.CarbonContent);
        // The power-facility guideline fixes coal's oxidation rate (99 %) in place of the Annex default.
        var defaultOxidation = power && fuel.Code == "raw-coal" && library.PowerFacilityCoalOxidation is { } coal ? coal : fuel.Oxidation;
        var oxidation = Override(line, ParameterKind.OxidationRate, defaultOxidation);
        var activity = new Figure("activity data", consumption.Value * ncv.Value, MeasureUnit.Gigajoule,
            new Provenance.Computed("AD = FC × NCV", [consumption, ncv]));
        var factor = new Figure("emission factor", carbon.Value * oxidation.Value * CarbonToCo2, MeasureUnit.TonneCo2PerGigajoule,
            new Provenance.Computed("EF = CC × OF × 44/12", [carbon, oxidation]));
        return new Figure("emissions", activity.Value * factor.Value, MeasureUnit.TonneCo2,
            new Provenance.Computed("E = AD × EF", [activity, factor]));
    }

    // Purchased / exported electricity (reference/mrv.md §3.2, confirmed): E = AD (MWh) × EF_grid of the year and region.
    private static Figure? Electricity(ReportLine line, ReportInput report, FactorLibrary library, List<MrvIssue> issues, bool deducted)
    {
        if (!UnitIs(line, MeasureUnit.MegawattHour, "electricity", issues))
        {
            return null;
        }
        var grid = library.GridFor(report.Year, report.Region);
        if (grid is null)
        {
            issues.Add(Error(line, "material", "NoGridFactor", string.Create(CultureInfo.InvariantCulture,
                $"line {line.Id}: factor library {library.Version} has no grid factor for {report.Year} ({report.Region} or national)")));
            return null;
        }
        var factor = Measured(line, ParameterKind.EmissionFactor, grid.Factor.Name, grid.Factor.Unit) ?? OfYear(grid, report.Year);
        if (factor.Source is Provenance.Default { Year: var y } && y != report.Year)
        {
            // With its figures, so that the message in Chinese names the year asked for and the factor used as the English does.
            FormattableString message =
                $"line {line.Id}: library {library.Version} has no grid factor for {report.Year}; the {grid.Region} factor of {grid.Year} ({grid.Factor.Value} tCO2/MWh) is used, unconfirmed for {report.Year}";
            issues.Add(new MrvIssue(line.Id, ParameterKinds.Code(ParameterKind.EmissionFactor), "GridFactorOfAnotherYear", IssueSeverity.Warning,
                Text.Figures.Sentence(message)) { Figures = Text.Figures.Of(message) });
        }
        var electricity = Reported(line, "electricity");
        var value = electricity.Value * factor.Value;
        return new Figure("emissions", deducted ? -value : value, MeasureUnit.TonneCo2,
            new Provenance.Computed(deducted ? "E = −AD × EF_grid" : "E = AD × EF_grid", [electricity, factor]));
    }

    // A factor published for another year stands in for the report's year: it is unconfirmed for that year.
    private static Figure OfYear(GridFactor grid, int year) =>
        grid.Year == year || grid.Factor.Source is not Provenance.Default d
            ? grid.Factor
            : grid.Factor with
            {
                Source = d with
                {
                    Row = string.Create(CultureInfo.InvariantCulture, $"{d.Row}; nearest published year {grid.Year} used for {year}"),
                    Confirmed = false,
                },
            };

    // Purchased / exported heat: E = AD (GJ) × EF_heat, the library's default heat factor [UNCONFIRMED, commonly 0.11].
    private static Figure? Heat(ReportLine line, FactorLibrary library, List<MrvIssue> issues, bool deducted)
    {
        if (!UnitIs(line, MeasureUnit.Gigajoule, "heat", issues))
        {
            return null;
        }
        var factor = library.HeatFactor is { } heatFactor
            ? Override(line, ParameterKind.EmissionFactor, heatFactor)
            : Measured(line, ParameterKind.EmissionFactor, "heat emission factor", MeasureUnit.TonneCo2PerGigajoule);
        if (factor is null)
        {
            issues.Add(Error(line, ParameterKinds.Code(ParameterKind.EmissionFactor), "NoHeatFactor",
                $"line {line.Id}: factor library {library.Version} has no heat factor and none was measured"));
            return null;
        }
        var heat = Reported(line, "heat");
        var value = heat.Value * factor.Value;
        return new Figure("emissions", deducted ? -value : value, MeasureUnit.TonneCo2,
            new Provenance.Computed(deducted ? "E = −AD × EF_heat" : "E = AD × EF_heat", [heat, factor]));
    }
}
