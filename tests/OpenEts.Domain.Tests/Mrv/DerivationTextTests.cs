using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Domain.Tests.Mrv;

public sealed class DerivationTextTests
{
    [Fact]
    public void Lines_RawCoalReport_PrintsTheTreeDownToTheDefaultsWithTheirSources()
    {
        var report = new ReportInput(Sector.Power, 2017, "guangdong",
            [new ReportLine("L1", SourceKind.FuelCombustion, "raw-coal", 1000m, MeasureUnit.Tonne)], []);

        var lines = DerivationText.Lines(MrvCalculator.Calculate(report, DefaultFactors.Library).Total);

        Assert.Equal("total emissions = 1900.298849 tCO2  [E = Σ E_i]", lines[0]);
        Assert.Equal("└─ emissions = 1900.298849 tCO2  [E = AD × EF]", lines[1]);
        Assert.Equal("   ├─ activity data = 20908 GJ  [AD = FC × NCV]", lines[2]);
        Assert.Equal("   │  ├─ consumption = 1000 t  (reported: line L1)", lines[3]);
        Assert.Equal("   │  └─ NCV = 20.908 GJ/t  (default [1])", lines[4]);
        Assert.Equal("      └─ oxidation rate = 0.94 fraction  (default [3])", lines[7]);
        Assert.Equal("defaults:", lines[8]);
        Assert.Equal("  [1] 各种能源折标准煤及碳排放参考系数 (reference/mrv.md §3.3), 原煤 / NCV; NDRC 24-sector accounting guidelines, Annex defaults, 2013",
            lines[9]);
        Assert.Equal(12, lines.Count);
    }

    [Fact]
    public void Lines_UnconfirmedDefault_IsMarked()
    {
        var report = new ReportInput(Sector.Steel, 2017, "guangdong",
            [new ReportLine("C1", SourceKind.Calcination, "limestone", 10m, MeasureUnit.Tonne)], []);

        var text = DerivationText.Render(MrvCalculator.Calculate(report, DefaultFactors.Library).Total);

        Assert.Contains("carbonate emission factor = 0.44 tCO2/t  (default [2], UNCONFIRMED)", text, StringComparison.Ordinal);
        Assert.Contains("  [2] carbonate emission factors (reference/mrv.md §3.2), 石灰石; NDRC sector guidelines (commonly used value), 2013; [UNCONFIRMED]",
            text, StringComparison.Ordinal);
    }
}
