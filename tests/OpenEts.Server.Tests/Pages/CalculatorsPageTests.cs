using System.Net;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// The calculators page with numbers it cannot read: each is named by its label as typed (not a number, too large, not a
/// whole number), kept in its field, and no result is shown — never a default used or a claim left unchecked.
/// </summary>
public sealed class CalculatorsPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Calc=pv&Pv.CapacityKw=abc&Pv.FullLoadHours=1000", "Pv.CapacityKw", "abc", "装机容量：“abc”不是数字")]
    [InlineData("Calc=pv&Pv.CapacityKw=１０００&Pv.FullLoadHours=1000", "Pv.CapacityKw", "１０００", "装机容量：“１０００”不是数字")]
    [InlineData("Calc=pv&Pv.CapacityKw=七百七十&Pv.FullLoadHours=1000", "Pv.CapacityKw", "七百七十", "装机容量：“七百七十”不是数字")]
    [InlineData("Calc=pv&Pv.CapacityKw=1e30&Pv.FullLoadHours=1000", "Pv.CapacityKw", "1e30", "装机容量：“1e30”过大")]
    [InlineData("Calc=pv&Pv.CapacityKw=100&Pv.FullLoadHours=1000&Pv.ClaimedTonnes=１００", "Pv.ClaimedTonnes", "１００", "声称减排量：“１００”不是数字")]
    [InlineData("Calc=pv&Pv.CapacityKw=100&Pv.FullLoadHours=1000&Pv.GridYear=abc", "Pv.GridYear", "abc", "电网因子年份：“abc”不是数字")]
    [InlineData("Calc=apu&Apu.FlightsPerDay=770&Apu.FuelPerStayKg=155&Apu.FuelFactor=abc", "Apu.FuelFactor", "abc", "燃油排放因子：“abc”不是数字")]
    [InlineData("Calc=apu&Apu.FlightsPerDay=770&Apu.FuelPerStayKg=155&Apu.ElectricityPerStayKwh=abc", "Apu.ElectricityPerStayKwh", "abc",
        "每架次桥载用电：“abc”不是数字")]
    [InlineData("Calc=apu&Apu.FlightsPerDay=770&Apu.FuelPerStayKg=155&Apu.DaysPerYear=365.5", "Apu.DaysPerYear", "365.5", "年运行天数：“365.5”不是整数")]
    [InlineData("Calc=boiler&Boiler.BaselineFuel=raw-coal&Boiler.BaselineAmount=100&Boiler.ElectricityMwh=abc", "Boiler.ElectricityMwh", "abc",
        "年用电：“abc”不是数字")]
    public async Task Calculate_ANumberItCannotRead_NamesTheFieldKeepsTheTextAndShowsNoResult(string query, string input, string typed,
        string expected)
    {
        using var client = server.CreateClient();

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/Energy/Calculators?" + query, Ct));

        Assert.Contains(expected, page, StringComparison.Ordinal);
        Assert.Contains($"name=\"{input}\" value=\"{typed}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"result\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("此项必填", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calculate_AHalfFilledFuel_IsRefusedNamingTheMissingField()
    {
        using var client = server.CreateClient();

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(
            "/Energy/Calculators?Calc=boiler&Boiler.BaselineFuel=raw-coal&Boiler.BaselineAmount=100&Boiler.NewFuel=natural-gas", Ct));

        Assert.Contains("新燃料年用量：填了新燃料时必填", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"result\"", page, StringComparison.Ordinal);
    }
}
