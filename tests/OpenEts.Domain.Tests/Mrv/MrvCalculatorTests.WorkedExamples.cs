using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Domain.Tests.Mrv;

// Every expected number below was worked out by hand from the formulas and defaults of reference/mrv.md
// (§3.2 formulas, §3.3 fuel table, §3.4 grid factors); the arithmetic is in the comment above each assertion.
public sealed partial class MrvCalculatorTests
{
    private static ReportInput Report(int year, string region, params ReportLine[] lines) =>
        new(Sector.Cement, year, region, lines, []);

    private static decimal Emissions(ReportLine line, int year = 2023, string region = "guangdong")
    {
        var result = MrvCalculator.Calculate(Report(year, region, line), DefaultFactors.Library);
        Assert.True(result.IsValid, string.Join("; ", result.Issues.Select(i => i.Message)));
        return Assert.Single(result.Lines).Emissions.Value;
    }

    [Fact]
    public void Calculate_1000TonnesOfRawCoal_IsTheHandWorkedFigure()
    {
        // AD = 1000 t × 20.908 GJ/t = 20 908 GJ; CC × OF = 0.02637 × 0.94 = 0.0247878 tC/GJ
        // E = 20 908 × 0.0247878 × 44/12 = 518.2633224 × 44 / 12 = 22 803.5861856 / 12 = 1 900.2988488 tCO2
        // (table check: 1.9003 kgCO2/kg × 1 000 t = 1 900.3 t)
        Assert.Equal(1900.2988488m, decimal.Round(Emissions(new("L1", SourceKind.FuelCombustion, "raw-coal", 1000m, MeasureUnit.Tonne)), 7));
    }

    [Fact]
    public void Calculate_50TonnesOfDiesel_IsTheHandWorkedFigure()
    {
        // AD = 50 × 42.652 = 2 132.6 GJ; CC × OF = 0.0202 × 0.98 = 0.019796
        // 2 132.6 × 0.019796 = 42.652 − 0.4350504 = 42.2169496; × 44 = 1 857.5457824; / 12 = 154.795481866… tCO2
        Assert.Equal(154.7954819m, decimal.Round(Emissions(new("L1", SourceKind.FuelCombustion, "diesel", 50m, MeasureUnit.Tonne)), 7));
    }

    [Fact]
    public void Calculate_100TenThousandNm3OfNaturalGas_IsTheHandWorkedFigure()
    {
        // AD = 100 × 10⁴ Nm³ × 389.31 GJ/10⁴Nm³ = 38 931 GJ; CC × OF = 0.0153 × 0.99 = 0.015147
        // 38 931 × 0.015147 = 583.965 + 5.722857 = 589.687857; × 44 = 25 946.265708; / 12 = 2 162.188809 tCO2
        // (table check: 2.1622 kgCO2/m³ × 10⁶ m³ = 2 162.2 t)
        Assert.Equal(2162.188809m, decimal.Round(
            Emissions(new("L1", SourceKind.FuelCombustion, "natural-gas", 100m, MeasureUnit.TenThousandNm3)), 7));
    }

    [Fact]
    public void Calculate_20TonnesOfFuelOil_IsTheHandWorkedFigure()
    {
        // AD = 20 × 41.816 = 836.32 GJ; CC × OF = 0.0211 × 0.98 = 0.020678
        // 836.32 × 0.020678 = 16.7264 + 0.56702496 = 17.29342496; × 44 = 760.91069824; / 12 = 63.409224853… tCO2
        Assert.Equal(63.4092249m, decimal.Round(Emissions(new("L1", SourceKind.FuelCombustion, "fuel-oil", 20m, MeasureUnit.Tonne)), 7));
    }

    [Fact]
    public void Calculate_MeasuredNcv_ReplacesTheDefaultAndNamesItsEvidence()
    {
        // 1000 t × 22.0 GJ/t (measured) × 0.02637 × 0.94 × 44/12 = 545.3316 × 44 / 12 = 23 994.5904 / 12 = 1 999.5492 tCO2
        var line = new ReportLine("L1", SourceKind.FuelCombustion, "raw-coal", 1000m, MeasureUnit.Tonne,
            [new MeasuredValue(ParameterKind.NetCalorificValue, 22.0m, "LAB-2017-031", "GB/T 213, per batch")]);

        var result = MrvCalculator.Calculate(Report(2023, "guangdong", line), DefaultFactors.Library);

        Assert.Equal(1999.5492m, decimal.Round(result.Total.Value, 7));
        Assert.Contains(DerivationText.Lines(result.Total), l => l.Contains("NCV = 22 GJ/t  (measured: LAB-2017-031; rule GB/T 213, per batch)", StringComparison.Ordinal));
    }

    [Fact]
    public void Calculate_PurchasedElectricityInGuangdong2023_UsesTheProvincialFactor()
    {
        // 1 000 MWh × 0.4419 tCO2/MWh (广东 2023, 公告2025年第47号) = 441.9 tCO2
        Assert.Equal(441.9m, Emissions(new("L1", SourceKind.PurchasedElectricity, "grid", 1000m, MeasureUnit.MegawattHour)));
    }

    [Fact]
    public void Calculate_PurchasedElectricityIn2017_FallsBackToTheNearestEarlierNationalFactorFlaggedUnconfirmed()
    {
        // No 2017 factor: the nearest earlier national factor is 2015's 0.6101 [UNCONFIRMED]; 1 000 × 0.6101 = 610.1 tCO2
        var result = MrvCalculator.Calculate(
            Report(2017, "guangdong", new ReportLine("L1", SourceKind.PurchasedElectricity, "grid", 1000m, MeasureUnit.MegawattHour)),
            DefaultFactors.Library);

        Assert.Equal(610.1m, result.Total.Value);
        var factor = ((Provenance.Computed)result.Lines[0].Emissions.Source).Inputs[1];
        Assert.False(Assert.IsType<Provenance.Default>(factor.Source).Confirmed);
        var warning = Assert.Single(result.Issues);
        Assert.Equal((IssueSeverity.Warning, "GridFactorOfAnotherYear"), (warning.Severity, warning.Rule));
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Calculate_ClinkerByCaOAndMgO_IsTheHandWorkedFigure()
    {
        // 10 000 t clinker, CaO 0.65, MgO 0.02:
        // 10 000 × 0.65 × 44/56 = 286 000 / 56 = 5 107.142857142…; 10 000 × 0.02 × 44/40 = 220; E = 5 327.142857142… tCO2
        var line = new ReportLine("K1", SourceKind.ClinkerOxides, "clinker", 10000m, MeasureUnit.Tonne,
            [new MeasuredValue(ParameterKind.CaOContent, 0.65m, "LAB-K-1", "GB/T 176"),
             new MeasuredValue(ParameterKind.MgOContent, 0.02m, "LAB-K-1", "GB/T 176")]);

        Assert.Equal(5327.142857m, decimal.Round(Emissions(line), 6));
    }

    [Fact]
    public void Calculate_ClinkerWithoutMeasuredOxides_IsAnError()
    {
        var result = MrvCalculator.Calculate(
            Report(2017, "guangdong", new ReportLine("K1", SourceKind.ClinkerOxides, "clinker", 10m, MeasureUnit.Tonne)),
            DefaultFactors.Library);

        Assert.Equal(("cao", "MissingMeasurement"), (result.Issues[0].Field, result.Issues[0].Rule));
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Calculate_ClinkerByFactor_IsAmountTimesTheMeasuredFactor()
    {
        // 10 000 t × 0.52 tCO2/t (measured) = 5 200 tCO2
        var line = new ReportLine("K1", SourceKind.ClinkerFactor, "clinker", 10000m, MeasureUnit.Tonne,
            [new MeasuredValue(ParameterKind.EmissionFactor, 0.52m, "LAB-K-2", "plant clinker factor method")]);

        Assert.Equal(5200m, Emissions(line));
    }

    [Fact]
    public void Calculate_LimestoneAndDolomite_UseTheCommonFactors()
    {
        // 1 000 t limestone × 1 (purity) × 0.440 = 440 tCO2; 1 000 t dolomite × 0.477 = 477 tCO2;
        // 1 000 t limestone with measured purity 0.9: 1 000 × 0.9 × 0.440 = 396 tCO2
        Assert.Equal(440m, Emissions(new("C1", SourceKind.Calcination, "limestone", 1000m, MeasureUnit.Tonne)));
        Assert.Equal(477m, Emissions(new("C1", SourceKind.CarbonateUse, "dolomite", 1000m, MeasureUnit.Tonne)));
        Assert.Equal(396m, Emissions(new("C1", SourceKind.Desulfurisation, "limestone", 1000m, MeasureUnit.Tonne,
            [new MeasuredValue(ParameterKind.MassFraction, 0.9m, "LAB-S-3", "GB/T 3286.1")])));
    }

    [Fact]
    public void Calculate_PurchasedAndExportedHeat_UseTheDefaultHeatFactor()
    {
        // 1 000 GJ × 0.11 tCO2/GJ [UNCONFIRMED] = 110 tCO2 purchased; 200 GJ exported: −200 × 0.11 = −22; total 88
        var result = MrvCalculator.Calculate(Report(2017, "guangdong",
            new ReportLine("H1", SourceKind.PurchasedHeat, "heat", 1000m, MeasureUnit.Gigajoule),
            new ReportLine("H2", SourceKind.ExportedHeat, "heat", 200m, MeasureUnit.Gigajoule)), DefaultFactors.Library);

        Assert.Equal(88m, result.Total.Value);
    }

    [Fact]
    public void Calculate_PowerFacility2022_DeductsExportsAndKeepsPurchasedElectricityOutOfTheTotal()
    {
        // Coal at the guideline's fixed 99 % oxidation: 1 000 × 20.908 × 0.02637 × 0.99 = 545.8305204; × 44 / 12 = 2 001.3785748
        // Exported 100 MWh × 0.5306 (national 2023) = 53.06 deducted; total = 2 001.3785748 − 53.06 = 1 948.3185748 tCO2
        // Purchased 50 MWh × 0.5306 = 26.53 tCO2: an auxiliary item, not in the total.
        var report = new ReportInput(Sector.Power, 2023, "national",
            [new ReportLine("F1", SourceKind.FuelCombustion, "raw-coal", 1000m, MeasureUnit.Tonne),
             new ReportLine("E1", SourceKind.ExportedElectricity, "grid", 100m, MeasureUnit.MegawattHour),
             new ReportLine("E2", SourceKind.PurchasedElectricity, "grid", 50m, MeasureUnit.MegawattHour)],
            [], AccountingMethod.PowerFacility2022);

        var result = MrvCalculator.Calculate(report, DefaultFactors.Library);

        Assert.Equal(1948.3185748m, decimal.Round(result.Total.Value, 7));
        Assert.Equal(26.53m, Assert.Single(result.Auxiliary).Emissions.Value);
    }

    [Fact]
    public void Calculate_PowerFacility2022_ProcessLineIsOutsideTheBoundary()
    {
        var report = new ReportInput(Sector.Power, 2023, "national",
            [new ReportLine("D1", SourceKind.Desulfurisation, "limestone", 10m, MeasureUnit.Tonne)], [], AccountingMethod.PowerFacility2022);

        Assert.Equal("OutsideBoundary", Assert.Single(MrvCalculator.Calculate(report, DefaultFactors.Library).Issues).Rule);
    }

    [Theory]
    [InlineData(SourceKind.FuelCombustion, "raw-coal", -1, MeasureUnit.Tonne, "NegativeAmount", "amount")]
    [InlineData(SourceKind.FuelCombustion, "natural-gas", 5, MeasureUnit.Tonne, "WrongUnit", "unit")]
    [InlineData(SourceKind.PurchasedElectricity, "grid", 5, MeasureUnit.Gigajoule, "WrongUnit", "unit")]
    [InlineData(SourceKind.Calcination, "chalk", 5, MeasureUnit.Tonne, "UnknownMaterial", "material")]
    public void Calculate_BadLine_IsAnErrorNamingTheFieldAndRule(SourceKind kind, string material, int amount, MeasureUnit unit,
        string rule, string field)
    {
        var result = MrvCalculator.Calculate(Report(2023, "guangdong", new ReportLine("B1", kind, material, amount, unit)),
            DefaultFactors.Library);

        var issue = Assert.Single(result.Issues);
        Assert.Equal(("B1", field, rule, IssueSeverity.Error), (issue.LineId, issue.Field, issue.Rule, issue.Severity));
        Assert.Equal(0m, result.Total.Value);
    }

    [Fact]
    public void Calculate_MeasuredOxidationAboveOne_IsAnError()
    {
        var line = new ReportLine("L1", SourceKind.FuelCombustion, "raw-coal", 1m, MeasureUnit.Tonne,
            [new MeasuredValue(ParameterKind.OxidationRate, 94m, "LAB-1", "rule")]);

        Assert.Equal("BadFraction", Assert.Single(MrvCalculator.Calculate(Report(2023, "guangdong", line), DefaultFactors.Library).Issues).Rule);
    }
}
