using OpenEts.Application.Inclusion;
using Xunit;

namespace OpenEts.Application.Tests.Inclusion;

public sealed class CitizenDataExportTests
{
    private static CitizenData At(DateTimeOffset at) => new("citizen-gz", "小林", null, at, "v1", null, [], [], [], [], []);

    [Fact]
    public void FileName_LateInTheUtcDay_CarriesTheCitizensBeijingDate()
    {
        // 2026-12-05 17:30 UTC is 2026-12-06 01:30 in Beijing: the citizen downloads on the 6th.
        var late = At(new DateTimeOffset(2026, 12, 5, 17, 30, 0, TimeSpan.Zero));
        var early = At(new DateTimeOffset(2026, 12, 5, 15, 59, 0, TimeSpan.Zero));

        Assert.Equal("openets-citizen-gz-20261206.xlsx", CitizenDataExport.FileName(late, "xlsx"));
        Assert.Equal("openets-citizen-gz-20261205.json", CitizenDataExport.FileName(early, "json"));
    }
}
