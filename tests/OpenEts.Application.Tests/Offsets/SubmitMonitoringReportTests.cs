using OpenEts.Application.Offsets;

namespace OpenEts.Application.Tests.Offsets;

// A forestry report's evidence goes with the parameters it supports: evidence with none measured was dropped unseen and is
// now refused, and evidence is as long as the module's other long texts at most (it was unbounded, into the report and
// the journal).
public sealed class SubmitMonitoringReportTests
{
    private static SubmitMonitoringReport.Form Forestry(decimal? woodDensity, string? evidence) =>
        new(1, "2020-01-01", "2020-12-31", Species: "chinese-fir", AreaHectares: 120m, GrowthPerHectare: 8.5m, WoodDensity: woodDensity,
            Evidence: evidence);

    [Fact]
    public void EvidenceWithNoParameterMeasured_IsRefusedNamingTheEvidence()
    {
        Assert.False(SubmitMonitoringReport.TryParse(Forestry(null, "样地实测报告 2020-11"), out var command, out var errors));

        Assert.Null(command);
        Assert.Equal(("evidence", "EvidenceWithoutMeasurement"), Assert.Single(errors) is var e ? (e.Field, e.Rule) : default);
    }

    [Fact]
    public void EvidenceWithAMeasuredParameter_IsKeptWithIt()
    {
        Assert.True(SubmitMonitoringReport.TryParse(Forestry(0.38m, "样地实测报告 2020-11"), out var command, out var errors),
            string.Join("; ", errors.Select(e => e.Message)));

        Assert.Equal(("样地实测报告 2020-11", 0.38m), (command!.Forestry!.WoodDensity.Evidence(), command.Forestry.WoodDensity.Value));
    }

    [Fact]
    public void EvidenceLongerThanTheLongTextLimit_IsRefusedByLength()
    {
        var tooLong = new string('证', OffsetsFields.LongText + 1);

        Assert.False(SubmitMonitoringReport.TryParse(Forestry(0.38m, tooLong), out _, out var errors));

        Assert.Equal(("evidence", "Length"), Assert.Single(errors) is var e ? (e.Field, e.Rule) : default);
        Assert.True(SubmitMonitoringReport.TryParse(Forestry(0.38m, tooLong[..OffsetsFields.LongText]), out _, out _));
    }
}

// The verifier restates a forestry report's species parameters with its basis, as the owner states measured ones with
// evidence: a restated parameter with no basis, or a basis with nothing restated, is refused naming the basis.
public sealed class VerifyMonitoringReportTests
{
    [Fact]
    public void ARestatedParameterWithNoBasis_IsRefusedNamingTheBasis()
    {
        Assert.False(VerifyMonitoringReport.TryParse(new(1, "ok", WoodDensity: 0.25m), out var command, out var errors));

        Assert.Null(command);
        Assert.Equal(("restatedBasis", "BasisRequired"), Assert.Single(errors) is var e ? (e.Field, e.Rule) : default);
    }

    [Fact]
    public void ABasisWithNothingRestated_IsRefusedNamingTheBasis()
    {
        Assert.False(VerifyMonitoringReport.TryParse(new(1, "ok", Basis: "复测样地"), out _, out var errors));

        Assert.Equal(("restatedBasis", "BasisWithoutRestatement"), Assert.Single(errors) is var e ? (e.Field, e.Rule) : default);
    }

    [Fact]
    public void RestatedParametersWithTheirBasis_AreCarriedToTheCommand()
    {
        Assert.True(VerifyMonitoringReport.TryParse(new(1, "ok", ExpansionFactor: 1.5m, CarbonFraction: 0.5m, Basis: "复测样地"), out var command,
            out var errors), string.Join("; ", errors.Select(e => e.Message)));

        Assert.Equal(new RestatedParameters(1.5m, null, null, 0.5m, "复测样地"), command!.Parameters);
    }
}
