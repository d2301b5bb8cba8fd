using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Domain.Tests.Mrv;

// Figures beyond MrvLimits are errors on their line, never an overflow: the calculation never throws.
public sealed partial class MrvCalculatorTests
{
    [Theory]
    [InlineData("5000000000000000")]
    [InlineData("40000000000000000000000000000")]
    [InlineData("79228162514264337593543950335")]
    public void Calculate_AmountOverTheLargestAccepted_IsAnErrorNamingTheBound(string amount)
    {
        var line = new ReportLine("L1", SourceKind.FuelCombustion, "raw-coal", decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture),
            MeasureUnit.Tonne);

        var result = MrvCalculator.Calculate(Report(line), DefaultFactors.Library);

        var issue = Assert.Single(result.Issues);
        Assert.Equal(("L1", "amount", "TooLarge", IssueSeverity.Error), (issue.LineId, issue.Field, issue.Rule, issue.Severity));
        Assert.Contains("1,000,000,000,000", issue.Message, StringComparison.Ordinal);
        Assert.Equal(0m, result.Total.Value);
    }

    [Fact]
    public void Calculate_MeasuredValueOverTheLargestAccepted_IsAnError()
    {
        var line = new ReportLine("L1", SourceKind.FuelCombustion, "raw-coal", MrvLimits.MaxAmount, MeasureUnit.Tonne,
            [new MeasuredValue(ParameterKind.NetCalorificValue, 1e20m, "LAB-1", "GB/T 213")]);

        var result = MrvCalculator.Calculate(Report(line), DefaultFactors.Library);

        Assert.Equal("TooLarge", Assert.Single(result.Issues).Rule);
    }

    [Fact]
    public void Calculate_LinesAtTheLargestAmountsWithLargestFactors_StopAtTheLargestTotal()
    {
        var measured = new[]
        {
            new MeasuredValue(ParameterKind.NetCalorificValue, MrvLimits.MaxMeasured, "LAB-1", "GB/T 213"),
            new MeasuredValue(ParameterKind.CarbonContent, MrvLimits.MaxMeasured, "LAB-1", "GB/T 213"),
        };
        var lines = Enumerable.Range(1, 5).Select(i => new ReportLine($"L{i}", SourceKind.FuelCombustion, "raw-coal", MrvLimits.MaxAmount,
            MeasureUnit.Tonne, measured)).Append(new ReportLine("L6", SourceKind.FuelCombustion, "raw-coal", 1m, MeasureUnit.Tonne)).ToArray();

        var result = MrvCalculator.Calculate(Report(lines), DefaultFactors.Library);

        Assert.Equal(["L1", "L2", "L3", "L4", "L5"], result.Issues.Select(i => i.LineId));
        Assert.All(result.Issues, i => Assert.Equal("EmissionsTooLarge", i.Rule));
        Assert.Equal("L6", Assert.Single(result.Lines).LineId);
        Assert.True(Math.Abs(result.Total.Value) <= MrvLimits.MaxEmissions);
    }

    [Fact]
    public void Calculate_ManyLinesEachUnderTheBound_KeepTheTotalWithinTheLargest()
    {
        // Each line: 10¹¹ t of raw coal ≈ 1.9 × 10¹¹ tCO2; the sixth would take the total past 10¹².
        var lines = Enumerable.Range(1, 8).Select(i => new ReportLine($"L{i}", SourceKind.FuelCombustion, "raw-coal", 100_000_000_000m, MeasureUnit.Tonne))
            .ToArray();

        var result = MrvCalculator.Calculate(Report(lines), DefaultFactors.Library);

        Assert.Equal(5, result.Lines.Count);
        Assert.Equal(["L6", "L7", "L8"], result.Issues.Select(i => i.LineId));
        Assert.True(result.Total.Value <= MrvLimits.MaxEmissions);
        _ = OpenEts.Domain.Quantities.Tonnes.RoundForReport(result.Total.Value).Kilograms;
    }

    [Fact]
    public void Check_VanishingOutput_IsOutOfRangeWithoutOverflow()
    {
        var report = new ReportInput(Sector.Cement, 2022, "guangdong",
            [new ReportLine("L1", SourceKind.FuelCombustion, "raw-coal", MrvLimits.MaxAmount / 10, MeasureUnit.Tonne)],
            [new ProductionOutput(OutputKind.Clinker, 0.0000000000000000000001m, MeasureUnit.Tonne)]);
        var calculation = MrvCalculator.Calculate(report, DefaultFactors.Library);

        var warning = Assert.Single(MrvPlausibility.Check(report, calculation, lastYearTotal: 0.001m, PlausibilityRules.Default),
            w => w.Rule == "IntensityOutOfRange");

        Assert.Contains("over 1E+15", warning.Message, StringComparison.Ordinal);
    }
}
