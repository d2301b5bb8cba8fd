using OpenEts.Domain.Identity;
using OpenEts.Domain.Offsets;
using OpenEts.Domain.Registry;

namespace OpenEts.Domain.Tests.Offsets;

public sealed class ProgrammesTests
{
    private static ProjectDetails Forest(string province = "FJ", string methodology = "AR-CM-003-V01") => new("林场碳汇", methodology, "14",
        ProjectCategory.Forestry, province, "南平市", "顺昌县", null,
        [GeoPoint.From(26.8m, 117.8m), GeoPoint.From(26.8m, 117.83m), GeoPoint.From(26.77m, 117.83m)],
        new DateOnly(2016, 1, 1), new DateOnly(2035, 12, 31), 10_000, false, 100m, false);

    [Fact]
    public void Ffcer_ReviewedByTheForestryDepartmentApprovedByTheTradingOffice_MapsOntoVerifierAndRegulator()
    {
        var ffcer = Programmes.Of(UnitType.Ffcer);

        Assert.Equal((Role.Verifier, Role.Regulator), (ffcer.Validator, ffcer.Registrar));
        Assert.Contains("林业厅", ffcer.Reviewer, StringComparison.Ordinal);
        Assert.Contains("碳交办", ffcer.Approver, StringComparison.Ordinal);
        Assert.Equal("FJ0007", ffcer.ProjectCode(7));
        Assert.Equal("FFCER-FJ0001-<vintage>-<first>-<last>", ffcer.SerialFormat);
    }

    [Fact]
    public void CheckAgainst_ForestInFujian_Passes() =>
        Assert.Empty(Forest().CheckAgainst(Programmes.Of(UnitType.Ffcer)));

    [Fact]
    public void CheckAgainst_FfcerOutsideFujian_IsRefused() =>
        Assert.Equal(["HostOutsideProgramme"], Forest("GD").CheckAgainst(Programmes.Of(UnitType.Ffcer)).Select(e => e.Rule));

    [Fact]
    public void CheckAgainst_MethodologyTheProgrammeDoesNotAccept_IsRefused() =>
        Assert.Equal(["MethodologyNotAccepted"], Forest(methodology: "CM-001-V02").CheckAgainst(Programmes.Of(UnitType.Ffcer)).Select(e => e.Rule));

    [Fact]
    public void CheckAgainst_ForestWithoutBoundaryOrPreCdmOutsideCcer_NamesBoth()
    {
        var details = Forest() with { Boundary = [], PreCdm = true };

        var rules = details.CheckAgainst(Programmes.Of(UnitType.Ffcer)).Select(e => e.Rule);

        Assert.Equal(["BoundaryRequired", "PreCdmIsCcer"], rules);
    }

    [Fact]
    public void TryParseBoundary_ClosedRing_DropsTheClosingPoint()
    {
        Assert.True(GeoPoint.TryParseBoundary("26.8,117.8; 26.8,117.83; 26.77,117.83; 26.8,117.8", 100, out var boundary, out _));

        Assert.Equal(3, boundary.Count);
        Assert.False(GeoPoint.TryParseBoundary("26.8,117.8; 95,117.83; 26.77,117.83", 100, out _, out var reason));
        Assert.Contains("latitude", reason, StringComparison.Ordinal);
    }
}
