using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Domain.Tests.Mrv;

public sealed class FactorCorrectionTests
{
    [Fact]
    public void ApplyTo_AGuangdong2024GridFactor_ReplacesTheNearestYearFallbackAndIsConfirmedWithItsNotice()
    {
        var correction = new FactorCorrection(FactorCorrectionKind.GridFactor, "Guangdong", 2024, 0.4000m, "公告（测试）");
        var report = new ReportInput(Sector.Paper, 2024, "guangdong",
            [new ReportLine("E1", SourceKind.PurchasedElectricity, "grid", 10_000m, MeasureUnit.MegawattHour)], []);

        var before = MrvCalculator.Calculate(report, DefaultFactors.Library);
        var after = MrvCalculator.Calculate(report, correction.ApplyTo(DefaultFactors.Library, "2026.2", "2024 factor"));

        // Before: Guangdong's 2023 factor stands in, 10 000 MWh × 0.4419 = 4 419 t; after: 10 000 × 0.4000 = 4 000 t.
        Assert.Equal(4_419m, before.Total.Value);
        Assert.Equal(4_000m, after.Total.Value);
        Assert.Equal("2026.2", after.FactorLibraryVersion);
        Assert.DoesNotContain(after.Issues, i => i.Rule == "GridFactorOfAnotherYear");
    }

    [Fact]
    public void Problem_UnknownFuelOxidationAboveOneOrNoSource_NamesTheFieldAndRule()
    {
        var library = DefaultFactors.Library;

        Assert.Equal(("target", "UnknownFuel"), Pick(new FactorCorrection(FactorCorrectionKind.FuelNcv, "peat", 2024, 10m, "n").Problem(library)));
        Assert.Equal(("value", "Range"), Pick(new FactorCorrection(FactorCorrectionKind.FuelOxidation, "diesel", 2024, 1.01m, "n").Problem(library)));
        Assert.Equal(("value", "Range"), Pick(new FactorCorrection(FactorCorrectionKind.HeatFactor, "", 2024, 0m, "n").Problem(library)));
        Assert.Equal(("source", "Required"), Pick(new FactorCorrection(FactorCorrectionKind.HeatFactor, "", 2024, 0.1m, " ").Problem(library)));
        Assert.Null(new FactorCorrection(FactorCorrectionKind.FuelOxidation, "diesel", 2024, 1m, "n").Problem(library));

        static (string, string) Pick((string Field, string Rule, string Message)? p) => (p!.Value.Field, p.Value.Rule);
    }
}
