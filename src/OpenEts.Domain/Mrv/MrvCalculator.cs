using System.Globalization;

namespace OpenEts.Domain.Mrv;

/// <summary>
/// Computes a report's emissions from its lines and a factor library, keeping the derivation of every figure.
/// Pure: no I/O, no clock. Formulas and their sources are in docs/mrv.md: fuel combustion and purchased electricity
/// (reference/mrv.md §3.2, confirmed); heat (default factor [UNCONFIRMED]); clinker, calcination, carbonate use and
/// desulfurisation (formula structure [UNCONFIRMED]: the guideline texts were not retrieved); the power-facility
/// guideline (2022) as its own <see cref="AccountingMethod"/>. Nothing is rounded here (docs/mrv.md, "Rounding").
/// </summary>
public static partial class MrvCalculator
{
    /// <summary>44/12: the mass ratio of CO2 to carbon.</summary>
    public const decimal CarbonToCo2 = 44m / 12m;

    /// <summary>44/56: the mass ratio of CO2 to CaO (clinker, CaO/MgO route).</summary>
    public const decimal CaOToCo2 = 44m / 56m;

    /// <summary>44/40: the mass ratio of CO2 to MgO (clinker, CaO/MgO route).</summary>
    public const decimal MgOToCo2 = 44m / 40m;

    /// <summary>
    /// Computes every line and the total; lines in error are reported in the issues and left out. Under
    /// <see cref="AccountingMethod.PowerFacility2022"/> purchased electricity goes to
    /// <see cref="ReportCalculation.Auxiliary"/>, and heat and process lines are outside the boundary (errors). Figures
    /// over <see cref="MrvLimits"/> are errors too, so that no input makes it throw and the total stays within
    /// ±<see cref="MrvLimits.MaxEmissions"/>.
    /// </summary>
    public static ReportCalculation Calculate(ReportInput report, FactorLibrary library)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(library);
        var issues = new List<MrvIssue>();
        var lines = new List<LineEmission>();
        var auxiliary = new List<LineEmission>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var power = report.Method == AccountingMethod.PowerFacility2022;
        decimal sum = 0, auxiliarySum = 0;
        for (var index = 0; index < report.Lines.Count; index++)
        {
            var line = report.Lines[index];
            var first = issues.Count;
            // Every check runs on every line, a repeated id included: a duplicate that stopped the checks hid the line's
            // other errors until the id was mended and the report sent again.
            var duplicate = !seen.Add(line.Id);
            if (duplicate)
            {
                issues.Add(Error(line, "id", "DuplicateLine", $"line id '{line.Id}' appears more than once"));
            }
            var amountValid = true;
            if (line.Amount < 0)
            {
                issues.Add(ErrorOf(line, "amount", "NegativeAmount", $"the amount of line {line.Id} is negative ({line.Amount})"));
                amountValid = false;
            }
            else if (line.Amount > MrvLimits.MaxAmount)
            {
                issues.Add(ErrorOf(line, "amount", "TooLarge",
                    $"{line.Amount} is more than {MrvLimits.MaxAmount:N0}, the largest amount accepted (line {line.Id})"));
                amountValid = false;
            }
            var measuredValid = MeasuredValuesValid(line, issues);
            Figure? emissions = null;
            if (measuredValid && power && line.Kind is not (SourceKind.FuelCombustion or SourceKind.PurchasedElectricity or SourceKind.ExportedElectricity))
            {
                issues.Add(Error(line, "kind", "OutsideBoundary",
                    $"line {line.Id}: {SourceKinds.Name(line.Kind, english: true)} is outside the power-facility guideline's boundary (combustion and electricity)"));
            }
            else if (measuredValid)
            {
                // An amount in error is checked as zero, so that the line's material, unit and factors are checked too.
                var checkedLine = amountValid ? line : line with { Amount = 0 };
                emissions = checkedLine.Kind switch
                {
                    SourceKind.FuelCombustion => Combustion(checkedLine, library, power, issues),
                    SourceKind.PurchasedElectricity => Electricity(checkedLine, report, library, issues, deducted: false),
                    SourceKind.ExportedElectricity => Electricity(checkedLine, report, library, issues, deducted: true),
                    SourceKind.PurchasedHeat => Heat(checkedLine, library, issues, deducted: false),
                    SourceKind.ExportedHeat => Heat(checkedLine, library, issues, deducted: true),
                    SourceKind.ClinkerOxides => ClinkerOxides(checkedLine, issues),
                    SourceKind.ClinkerFactor => ClinkerFactor(checkedLine, issues),
                    _ => Carbonate(checkedLine, library, issues),
                };
            }
            // Each finding names the line's position too: two lines that share an id are told apart by it.
            for (var k = first; k < issues.Count; k++)
            {
                issues[k] = issues[k] with { LineIndex = index };
            }
            if (emissions is null || duplicate || !amountValid)
            {
                continue;
            }
            var isAuxiliary = power && line.Kind == SourceKind.PurchasedElectricity;
            var before = isAuxiliary ? auxiliarySum : sum;
            if (Math.Abs(before + emissions.Value) > MrvLimits.MaxEmissions)
            {
                issues.Add(ErrorOf(line, "amount", "EmissionsTooLarge",
                    $"line {line.Id} would take the report's emissions past {MrvLimits.MaxEmissions:N0} tCO2, the largest accepted") with { LineIndex = index });
                continue;
            }
            if (isAuxiliary)
            {
                auxiliarySum += emissions.Value;
                auxiliary.Add(new LineEmission(line.Id, line.Kind, emissions));
            }
            else
            {
                sum += emissions.Value;
                lines.Add(new LineEmission(line.Id, line.Kind, emissions));
            }
        }
        var inputs = new Figure[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            inputs[i] = lines[i].Emissions;
        }
        var total = new Figure("total emissions", sum, MeasureUnit.TonneCo2, new Provenance.Computed("E = Σ E_i", inputs));
        return new ReportCalculation(total, lines, issues, library.Version) { Auxiliary = auxiliary, Method = report.Method };
    }

    private static bool MeasuredValuesValid(ReportLine line, List<MrvIssue> issues)
    {
        var before = issues.Count;
        var parameters = new HashSet<ParameterKind>();
        foreach (var measured in line.Measured)
        {
            var field = ParameterKinds.Code(measured.Parameter);
            if (!parameters.Add(measured.Parameter))
            {
                issues.Add(Error(line, field, "DuplicateMeasurement", $"line {line.Id}: {field} is measured twice"));
            }
            else if (!ParameterKinds.AppliesTo(line.Kind, measured.Parameter))
            {
                // A value the formula would not read was accepted and ignored: the company or verifier believed it counted.
                issues.Add(ErrorOf(line, field, "MeasurementNotApplicable",
                    $"line {line.Id} ({SourceKinds.Code(line.Kind)}) has no {field}: it measures {ParameterKinds.CodesFor(line.Kind)}"));
            }
            else if (measured.Value < 0)
            {
                issues.Add(Error(line, field, "NegativeMeasurement", $"line {line.Id}: measured {field} is negative"));
            }
            else if (measured.Value > 1 && measured.Parameter is ParameterKind.OxidationRate or ParameterKind.MassFraction
                         or ParameterKind.CaOContent or ParameterKind.MgOContent)
            {
                issues.Add(Error(line, field, "BadFraction", $"line {line.Id}: measured {field} is a fraction from 0 to 1, not {Invariant(measured.Value)}"));
            }
            else if (measured.Value > MrvLimits.MaxMeasured)
            {
                issues.Add(ErrorOf(line, field, "TooLarge",
                    $"{measured.Value} is more than {MrvLimits.MaxMeasured:N0}, the largest measured {field} accepted (line {line.Id})"));
            }
            else if (string.IsNullOrWhiteSpace(measured.Evidence) || string.IsNullOrWhiteSpace(measured.Rule))
            {
                issues.Add(Error(line, field, "MissingEvidence", $"line {line.Id}: measured {field} needs its evidence and measurement rule"));
            }
        }
        return issues.Count == before;
    }

    private static Figure Reported(ReportLine line, string name) =>
        new(name, line.Amount, line.Unit, new Provenance.Reported($"line {line.Id}"));

    private static Figure? Measured(ReportLine line, ParameterKind parameter, string name, MeasureUnit unit)
    {
        foreach (var measured in line.Measured)
        {
            if (measured.Parameter == parameter)
            {
                return new Figure(name, measured.Value, unit, new Provenance.Measured(measured.Evidence, measured.Rule, measured.AdjustedBy));
            }
        }
        return null;
    }

    private static Figure Override(ReportLine line, ParameterKind parameter, Figure fallback) =>
        Measured(line, parameter, fallback.Name, fallback.Unit) ?? fallback;

    private static bool UnitIs(ReportLine line, MeasureUnit unit, string what, List<MrvIssue> issues)
    {
        if (line.Unit == unit)
        {
            return true;
        }
        issues.Add(ErrorOf(line, "unit", "WrongUnit", $"{what} is reported in {MeasureUnits.Symbol(unit)}, not {MeasureUnits.Symbol(line.Unit)} (line {line.Id})"));
        return false;
    }

    // A fuel or carbonate the library has not, named with the choices (figures as a monitoring plan's UnknownMaterial), so that
    // the message in Chinese says which material and what to write instead.
    private static MrvIssue UnknownMaterial(ReportLine line, FactorLibrary library) =>
        ErrorOf(line, "material", "UnknownMaterial",
            $"{SourceKinds.Code(line.Kind)} '{line.Material}' is not in factor library {library.Version}: one of {string.Join(", ", (library.MaterialsFor(line.Kind) ?? []).Order(StringComparer.Ordinal))} (line {line.Id})");

    private static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static MrvIssue Error(ReportLine line, string field, string rule, string message) =>
        new(line.Id, field, rule, IssueSeverity.Error, message);

    // An error whose sentence names figures (the amount found): they go with it, for a message in another language.
    private static MrvIssue ErrorOf(ReportLine line, string field, string rule, FormattableString message) =>
        new(line.Id, field, rule, IssueSeverity.Error, Text.Figures.Sentence(message)) { Figures = Text.Figures.Of(message) };
}
