using FsCheck;
using FsCheck.Fluent;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Domain.Tests.Mrv;

public sealed class MrvCalculatorPropertyTests
{
    private static readonly string[] FuelCodes = [.. DefaultFactors.Library.Fuels.Keys.Order(StringComparer.Ordinal)];

    // Amounts up to 10⁷ with 3 decimals, as reports carry them.
    private static readonly Gen<decimal> Amounts = Gen.Choose(0, int.MaxValue).Select(i => i / 1000m % 10_000_000m);

    private static readonly Gen<ReportLine> Lines =
        from kind in Gen.Elements(SourceKind.FuelCombustion, SourceKind.PurchasedElectricity, SourceKind.ExportedElectricity,
            SourceKind.PurchasedHeat, SourceKind.Calcination)
        from fuel in Gen.Elements(FuelCodes)
        from carbonate in Gen.Elements("limestone", "dolomite")
        from amount in Amounts
        from id in Gen.Choose(0, int.MaxValue)
        select kind switch
        {
            SourceKind.FuelCombustion => new ReportLine("F" + id, kind, fuel, amount, DefaultFactors.Library.Fuels[fuel].AmountUnit),
            SourceKind.Calcination => new ReportLine("C" + id, kind, carbonate, amount, MeasureUnit.Tonne),
            SourceKind.PurchasedHeat => new ReportLine("H" + id, kind, "heat", amount, MeasureUnit.Gigajoule),
            _ => new ReportLine("E" + id, kind, "grid", amount, MeasureUnit.MegawattHour),
        };

    private static ReportCalculation Calculate(params ReportLine[] lines) =>
        MrvCalculator.Calculate(new ReportInput(Sector.Steel, 2023, "guangdong", lines, []), DefaultFactors.Library);

    [Fact]
    public void Calculate_AnyLine_IsLinearInItsAmount() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Lines.ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(),
            (line, k) =>
            {
                var once = Calculate(line).Total.Value;
                var scaled = Calculate(line with { Amount = line.Amount * k }).Total.Value;
                // Exact up to decimal's 28 significant digits: far below 1 g.
                Assert.Equal(decimal.Round(once * k, 9), decimal.Round(scaled, 9));
            }));

    [Fact]
    public void Calculate_MeasuredValueEqualToTheDefault_ChangesNothing() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), Prop.ForAll(Gen.Elements(FuelCodes).ToArbitrary(), Amounts.ToArbitrary(),
            (code, amount) =>
            {
                var fuel = DefaultFactors.Library.Fuels[code];
                var plain = new ReportLine("L1", SourceKind.FuelCombustion, code, amount, fuel.AmountUnit);
                var measured = plain with
                {
                    Measured =
                    [
                        new MeasuredValue(ParameterKind.NetCalorificValue, fuel.Ncv.Value, "LAB-1", "GB/T 213"),
                        new MeasuredValue(ParameterKind.CarbonContent, fuel.CarbonContent.Value, "LAB-1", "GB/T 476"),
                        new MeasuredValue(ParameterKind.OxidationRate, fuel.Oxidation.Value, "LAB-1", "plant records"),
                    ],
                };
                Assert.Equal(Calculate(plain).Total.Value, Calculate(measured).Total.Value);
            }));

    [Fact]
    public void Calculate_AnyReport_TotalIsTheSumOfItsSources() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), Prop.ForAll(Lines.ArrayOf().ToArbitrary(), lines =>
        {
            var distinct = lines.DistinctBy(l => l.Id).ToArray();
            var whole = Calculate(distinct);
            var each = distinct.Sum(l => Calculate(l).Total.Value);
            Assert.Equal(each, whole.Total.Value);
            Assert.Equal(whole.Lines.Sum(l => l.Emissions.Value), whole.Total.Value);
        }));
}
