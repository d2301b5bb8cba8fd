using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>The regions' statistics on /Energy/Targets/Statistics as the regulator reads them down a column.</summary>
public sealed partial class EnergyStatisticsPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    // The energy column dropped trailing zeros (286,840 under 329,865.803), so its months did not line up on the point.
    [Fact]
    public async Task Statistics_EveryMonthsEnergy_KeepsItsThreeDecimals()
    {
        var page = await server.PageAsync("regulator", "/Energy/Targets/Statistics?Year=2025");

        var table = Regex.Match(page, "<table class=\"registry\" id=\"statistics\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        var energy = Rows().Matches(table).Select(m => m.Groups[1].Value).ToList();
        Assert.True(energy.Count >= 12, $"{energy.Count} rows");
        Assert.All(energy, e => Assert.Matches(@"^\d{1,3}(,\d{3})*\.\d{3}$", e));
    }

    // A row's cells: region, year, first month, months, then the energy.
    [GeneratedRegex("<tr><td class=\"mono\">[^<]*</td><td>[^<]*</td><td>[^<]*</td><td>[^<]*</td><td class=\"num\">([^<]*)</td>")]
    private static partial Regex Rows();
}
