using OpenEts.Application.Mrv;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Tests.Mrv;

public sealed class MrvReviewTests
{
    private static readonly ReportInput Report = new(Sector.Cement, 2017, "guangdong",
    [
        new ReportLine("L1", SourceKind.FuelCombustion, "raw-coal", 1000m, MeasureUnit.Tonne),
        new ReportLine("L2", SourceKind.FuelCombustion, "diesel", 10m, MeasureUnit.Tonne),
    ], [new ProductionOutput(OutputKind.Clinker, 2500m, MeasureUnit.Tonne, null)]);

    [Fact]
    public void Issue_9_Check_LineWhoseSourceIsNotInTheMonitoringPlan_IsAWarningNamingTheLine()
    {
        var plan = new MonitoringPlan(1, 2017, [new PlanSource(SourceKind.FuelCombustion, "RAW-COAL", "default factors", "weighbridge", "per delivery")],
            DateTimeOffset.UnixEpoch);

        var checkedReport = MrvReview.Check(Report, plan);

        var issue = Assert.Single(checkedReport.Issues, i => i.Rule == MrvReview.NotInMonitoringPlan);
        Assert.Equal(("L2", IssueSeverity.Warning), (issue.LineId, issue.Severity));
        Assert.Contains("diesel", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WithoutAMonitoringPlan_RaisesNoPlanWarning()
    {
        var checkedReport = MrvReview.Check(Report, plan: null);

        Assert.DoesNotContain(checkedReport.Issues, i => i.Rule == MrvReview.NotInMonitoringPlan);
    }
}
