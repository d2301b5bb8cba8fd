using System.Net;
using System.Text.RegularExpressions;
using OpenEts.Application.DualControl.Monitoring;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// The demo's energy side as a regulator reads it: the power plant is the key energy user KU-NX-0003, linked to its
/// monitored unit; its meters carry the limits the regulator set; its SO2 daily mean went over its limit on one day, which
/// the dashboard lists with links to the unit and to the company's card history, where the card the rules proposed from
/// that exceedance awaits an officer.
/// </summary>
public sealed partial class EnergyDemoStoryTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("regulator", true)]
    [InlineData("cement-a", true)]
    [InlineData("verifier", false)]
    [InlineData("exchange", false)]
    [InlineData("citizen-gz", false)]
    public async Task EnergyPage_LinksTheMonitoringDashboardOnlyForThoseWhoMayOpenIt(string user, bool linked)
    {
        using var client = await server.SignedInAsync(user);

        var page = await client.GetStringAsync("/Energy", Ct);
        using var dashboard = await client.GetAsync("/Energy/Monitoring", Ct);

        Assert.Equal(linked, page.Contains("href=\"/Energy/Monitoring\"", StringComparison.Ordinal));
        // The others are sent to the page that says they may not.
        Assert.Equal(linked ? HttpStatusCode.OK : HttpStatusCode.Found, dashboard.StatusCode);
        var to = dashboard.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.AbsolutePath : l.OriginalString.Split('?')[0]) : null;
        Assert.Equal(linked ? null : "/Account/Denied", to);
    }

    [Fact]
    public async Task EnergyPage_InEnglish_NamesThePlansPollutantsByTheirUsualSymbols_AndInChineseAsThePlanWritesThem()
    {
        using var chinese = await server.SignedInAsync("regulator");
        using var english = await server.SignedInAsync("regulator");
        (await english.GetAsync("/lang/en?returnUrl=%2F", Ct)).Dispose();

        var zh = WebUtility.HtmlDecode(await chinese.GetStringAsync("/Energy", Ct));
        var en = WebUtility.HtmlDecode(await english.GetStringAsync("/Energy", Ct));

        // The demo plan's totals (the region's and a unit's) are written 化学需氧量, 氨氮, 氮氧化物 and 挥发性有机物.
        Assert.Equal(["化学需氧量", "挥发性有机物", "氨氮", "氮氧化物"], PollutantCells().Matches(zh).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["COD", "NH3-N", "NOx", "VOCs"], PollutantCells().Matches(en).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal));
    }

    // A row of the pollutant totals' table: its unit's name, its kind, then the pollutant's cell.
    [GeneratedRegex("data-pollutant=\"[^\"]+\"[^>]*>\\s*<td>[^<]*<span[^<]*</span></td><td>[^<]*</td><td>([^<]+)</td>")]
    private static partial Regex PollutantCells();

    [Fact]
    public async Task Dashboard_DemoPowerPlant_LinksTheKeyUserTheSulphurExceedanceItsUnitAndItsProposedCard()
    {
        using var regulator = await server.SignedInAsync("regulator");

        var dashboard = WebUtility.HtmlDecode(await regulator.GetStringAsync("/Energy/Monitoring", Ct));
        var exceedance = ExceedanceRow().Match(dashboard);
        Assert.True(exceedance.Success, "the dashboard lists the power plant's SO2 exceedance");
        var unitLink = Regex.Match(exceedance.Value, "/Energy/Monitoring/Unit\\?id=(\\d+)");
        var historyLink = Regex.Match(exceedance.Value, "/Energy/Cards/Company\\?code=([0-9A-Z]+)");
        var unit = WebUtility.HtmlDecode(await regulator.GetStringAsync(unitLink.Value, Ct));
        var history = WebUtility.HtmlDecode(await regulator.GetStringAsync(historyLink.Value, Ct));

        Assert.Contains("珠江示范发电", exceedance.Value, StringComparison.Ordinal);
        Assert.Contains("SO2", exceedance.Value, StringComparison.Ordinal);
        Assert.Contains("data-keyuser=\"KU-NX-0003\"", dashboard, StringComparison.Ordinal);
        Assert.Contains($"data-unit=\"{unitLink.Groups[1].Value}\" data-keyuser=\"KU-NX-0003\"", dashboard, StringComparison.Ordinal);
        Assert.Contains(DemoMonitoring.SulphurMeter, unit, StringComparison.Ordinal);
        Assert.StartsWith("91440101MA5CY1001", historyLink.Groups[1].Value, StringComparison.Ordinal);
        // The card's trigger as read: its meter code and figures are kept whole in spans of their own.
        var trigger = System.Net.WebUtility.HtmlDecode(Regex.Replace(history, "<[^>]+>", ""));
        Assert.Contains($"SO2 {DemoMonitoring.SulphurMeter}", trigger, StringComparison.Ordinal);
        Assert.Contains("（均值，24 个读数）", trigger, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Limits_DemoPowerPlant_EachEnergyAndPollutantMeterHasItsLimit()
    {
        using var regulator = await server.SignedInAsync("regulator");

        var exceedances = await regulator.GetStringAsync("/api/v1/energy/monitoring/exceedances", Ct);
        var register = WebUtility.HtmlDecode(await regulator.GetStringAsync("/Energy/Monitoring/Register", Ct));

        Assert.Contains($"\"meter\":\"{DemoMonitoring.SulphurMeter}\"", exceedances, StringComparison.Ordinal);
        Assert.Contains("\"pollutant\":\"SO2\"", exceedances, StringComparison.Ordinal);
        foreach (var (meter, limit) in new[] { ("ZJ-E01", "1,100,000"), ("ZJ-G01", "220,000"), (DemoMonitoring.SulphurMeter, "100"), ("ZJ-NOX", "2,600") })
        {
            var row = Regex.Match(register, $"<li data-meter=\"{Regex.Escape(meter)}\">.*?</li>", RegexOptions.Singleline);
            Assert.True(row.Success, $"the register page lists {meter}");
            Assert.Contains(limit, row.Value, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("<tr data-meter=\"ZJ-SO2\"[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex ExceedanceRow();
}
