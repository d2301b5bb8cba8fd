using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Domain.Tests.Mrv;

public sealed class MrvPlausibilityTests
{
    private static IReadOnlyList<MrvIssue> Check(decimal limestone, decimal clinker, decimal? lastYear)
    {
        var report = new ReportInput(Sector.Cement, 2017, "guangdong",
            [new ReportLine("C1", SourceKind.Calcination, "limestone", limestone, MeasureUnit.Tonne)],
            [new ProductionOutput(OutputKind.Clinker, clinker, MeasureUnit.Tonne)]);
        return MrvPlausibility.Check(report, MrvCalculator.Calculate(report, DefaultFactors.Library), lastYear, PlausibilityRules.Default);
    }

    [Fact]
    public void Check_IntensityInRangeAndSmallChange_GivesNoWarning()
    {
        // 2 000 t limestone × 0.440 = 880 t over 1 000 t clinker = 0.88 t/t, inside 0.60–1.20; 880 vs 800 last year is +10 %
        Assert.Empty(Check(2000m, 1000m, 800m));
    }

    [Fact]
    public void Check_IntensityAboveTheSectorRange_IsAWarning()
    {
        // 2 000 × 0.440 = 880 t over 500 t clinker = 1.76 t/t > 1.20
        var warning = Assert.Single(Check(2000m, 500m, null));
        Assert.Equal((IssueSeverity.Warning, "IntensityOutOfRange"), (warning.Severity, warning.Rule));
    }

    [Fact]
    public void Check_ChangeOfMoreThan20PercentFromLastYear_IsAWarning()
    {
        // 880 t vs 700 t last year: +25.7 %
        var warning = Assert.Single(Check(2000m, 1000m, 700m));
        Assert.Equal("LargeChange", warning.Rule);
        Assert.Contains("25.7 %", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NoOutput_IsAWarning()
    {
        Assert.Equal("NoOutput", Assert.Single(Check(2000m, 0m, null)).Rule);
    }
}
