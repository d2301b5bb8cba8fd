using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Domain.Tests.Mrv;

public sealed partial class MrvCalculatorTests
{
    private static ReportInput Report(params ReportLine[] lines) =>
        new(Sector.Cement, 2023, "guangdong", lines, []);

    [Fact]
    public void Calculate_OneTonneOfRawCoal_MatchesTheGuidelineTable()
    {
        // By hand: 20.908 GJ/t × 0.02637 tC/GJ × 0.94 × 44/12 = 1.900298849… tCO2 (table: 1.9003 kgCO2/kg).
        var result = MrvCalculator.Calculate(Report(new ReportLine("L1", SourceKind.FuelCombustion, "raw-coal", 1m, MeasureUnit.Tonne)),
            DefaultFactors.Library);

        Assert.True(result.IsValid);
        Assert.Equal(1.9003m, decimal.Round(result.Total.Value, 4));
    }

    [Fact]
    public void Calculate_UnknownFuel_IsAnErrorNamingTheLine()
    {
        var result = MrvCalculator.Calculate(Report(new ReportLine("L7", SourceKind.FuelCombustion, "peat", 5m, MeasureUnit.Tonne)),
            DefaultFactors.Library);

        var issue = Assert.Single(result.Issues);
        Assert.Equal(("L7", "UnknownMaterial"), (issue.LineId, issue.Rule));
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Calculate_RepeatedLineIdWithOtherErrors_ReportsEveryErrorOfTheLineAtItsPosition()
    {
        var result = MrvCalculator.Calculate(Report(
                new ReportLine("L1", SourceKind.FuelCombustion, "raw-coal", 1m, MeasureUnit.Tonne),
                new ReportLine("L1", SourceKind.FuelCombustion, "peat", -5m, MeasureUnit.Tonne)),
            DefaultFactors.Library);

        Assert.Equal([("L1", 1, "DuplicateLine"), ("L1", 1, "NegativeAmount"), ("L1", 1, "UnknownMaterial")],
            result.Issues.Select(i => (i.LineId, i.LineIndex ?? -1, i.Rule)));
        Assert.Equal(1.9003m, decimal.Round(result.Total.Value, 4));
    }
}
