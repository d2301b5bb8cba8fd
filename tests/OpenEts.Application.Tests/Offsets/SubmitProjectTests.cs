using OpenEts.Application.Offsets;

namespace OpenEts.Application.Tests.Offsets;

// A project's location is a latitude and a longitude together: half of one is refused naming the half that is missing
// (it used to be dropped, filing the project with no location), and a bad longitude is named as the longitude.
public sealed class SubmitProjectTests
{
    private static SubmitProject.Form Form(decimal? latitude, decimal? longitude) =>
        new("FFCER", "FJ0102", "GD-HOLD-PAPER", "顺昌县杉木林森林经营碳汇项目（测试）", "AR-CM-003-V01", "14 造林和再造林", "forestry", "FJ", "南平市",
            "顺昌县", latitude, longitude, "26.80,117.80; 26.80,117.83; 26.77,117.83", "2018-01-01", "2037-12-31", 12_000, false, 100m, false);

    [Theory]
    [InlineData(26.79, null, "longitude")]
    [InlineData(null, 117.81, "latitude")]
    public void HalfALocation_IsRefusedNamingTheMissingHalf(double? latitude, double? longitude, string missing)
    {
        var parsed = SubmitProject.TryParse(Form((decimal?)latitude, (decimal?)longitude), out var command, out var errors);

        Assert.False(parsed);
        Assert.Null(command);
        var error = Assert.Single(errors);
        Assert.Equal((missing, "CoordinatePair"), (error.Field, error.Rule));
    }

    [Fact]
    public void BothHalves_LocateTheProject_AndNeitherLeavesItUnlocated()
    {
        Assert.True(SubmitProject.TryParse(Form(26.79m, 117.81m), out var located, out var errors), string.Join("; ", errors.Select(e => e.Message)));
        Assert.True(SubmitProject.TryParse(Form(null, null), out var unlocated, out errors), string.Join("; ", errors.Select(e => e.Message)));

        Assert.Equal((26.79m, 117.81m), located!.Details.Location is { } p ? (p.Latitude, p.Longitude) : default);
        Assert.Null(unlocated!.Details.Location);
    }

    [Fact]
    public void ALongitudeOutOfRange_IsNamedAsTheLongitude()
    {
        Assert.False(SubmitProject.TryParse(Form(26.79m, 190m), out _, out var errors));

        Assert.Equal(("longitude", "Coordinates"), Assert.Single(errors) is var e ? (e.Field, e.Rule) : default);
    }
}
