using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Domain.Tests.Mrv;

public sealed class FactorImpactTests
{
    private static ReportInput Report(int year, params ReportLine[] lines) => new(Sector.Steel, year, "guangdong", lines, []);

    [Fact]
    public void List_CorrectedLimestoneFactor_ListsOnlyTheReportsUsingLimestoneWithTheirChange()
    {
        var current = DefaultFactors.Library;
        var limestone = current.Carbonate("limestone")!;
        var corrected = current.Publish("2026.2", "limestone factor corrected",
            carbonates: [limestone with { Factor = limestone.Factor with { Value = 0.44m + 0.01m } }]);
        var reports = new Dictionary<string, ReportInput>
        {
            ["A"] = Report(2017, new ReportLine("C1", SourceKind.Calcination, "limestone", 1000m, MeasureUnit.Tonne)),
            ["B"] = Report(2017, new ReportLine("C1", SourceKind.Calcination, "dolomite", 1000m, MeasureUnit.Tonne)),
            ["C"] = Report(2017, new ReportLine("C1", SourceKind.Calcination, "limestone", 3000m, MeasureUnit.Tonne)),
        };

        var impacts = FactorImpact.List(reports, current, corrected);

        // C: 3 000 × 0.440 = 1 320 → 3 000 × 0.450 = 1 350 (+30); A: 1 000 × 0.440 = 440 → 450 (+10); B unchanged.
        Assert.Equal([("C", 1320m, 1350m, 30m), ("A", 440m, 450m, 10m)],
            impacts.Select(i => (i.ReportId, i.OldTotal, i.NewTotal, i.Change)));
        Assert.Equal("2026.1", current.Version);
        Assert.Equal(0.440m, current.Carbonate("limestone")!.Factor.Value);
    }

    [Fact]
    public void List_New2017GridFactor_MovesThe2017ElectricityReportsOnly()
    {
        var current = DefaultFactors.Library;
        var published = current.Publish("2026.2", "2017 national factor published",
            grid: [new GridFactor(2017, GridRegions.National, new Figure("grid emission factor", 0.6m, MeasureUnit.TonneCo2PerMegawattHour,
                new Provenance.Default("test notice", "grid", "national", 2017, Confirmed: true)))]);
        var reports = new Dictionary<string, ReportInput>
        {
            ["2017"] = Report(2017, new ReportLine("E1", SourceKind.PurchasedElectricity, "grid", 100m, MeasureUnit.MegawattHour)),
            ["2023"] = Report(2023, new ReportLine("E1", SourceKind.PurchasedElectricity, "grid", 100m, MeasureUnit.MegawattHour)),
        };

        // 100 MWh × 0.6101 (2015 fallback) = 61.01 → 100 × 0.6 = 60: −1.01 t
        var impact = Assert.Single(FactorImpact.List(reports, current, published));
        Assert.Equal(("2017", -1.01m), (impact.ReportId, impact.Change));
    }

    [Fact]
    public void Publish_SameVersionLabel_Throws()
    {
        Assert.Throws<ArgumentException>(() => DefaultFactors.Library.Publish(DefaultFactors.Version, "no"));
    }
}
