using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// /Energy/Monitoring/Register on the demo: the regulator registers meters and links units to key-user designations
/// (the demo power plant 91440101MA5CY1001 is monitored and designated KU-NX-0003; the cement works is KU-NX-0004);
/// every error names its field beside it; a company reads but has no forms.
/// </summary>
public sealed partial class EnergyRegisterPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private const string Url = "/Energy/Monitoring/Register";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Span(string body, string id) => WebUtility.HtmlDecode(Regex.Match(body, $"id=\"{id}\">([^<]*)<").Groups[1].Value);

    private async Task<long> PowerPlantUnitAsync()
    {
        using var regulator = await server.SignedInAsync("regulator");
        var units = await regulator.GetFromJsonAsync<JsonElement>("/api/v1/energy/monitoring/units", Ct);
        return units.EnumerateArray().Single(u => u.GetProperty("organisation").GetString()!.Contains("珠江", StringComparison.Ordinal)).GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task RegisterMeter_BadFields_EachErrorNamesItsFieldBesideIt()
    {
        var page = await PageSession.SignInAsync(server, "regulator");

        var result = await page.PostAsync(new PageForm("meter", "regulator", Url + "?handler=Meter", "MeterForm.Code",
            [new("MeterForm.Name", "新电表"), new("MeterForm.Kind", "Electricity"), new("MeterForm.Unit", "kWh"), new("MeterForm.Cadence", "Hourly"),
                new("MeterForm.DailyLimit", "-5")]), "");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.StartsWith("监测单位", Span(result.Body, "err-meter-unitId"), StringComparison.Ordinal);
        Assert.StartsWith("许可日用量", Span(result.Body, "err-meter-dailyLimit"), StringComparison.Ordinal);
        Assert.StartsWith("限值依据", Span(result.Body, "err-meter-limitBasis"), StringComparison.Ordinal);
        Assert.NotEmpty(Span(result.Body, "err-meter-code"));
        Assert.Empty(Span(result.Body, "err-meter-name"));
    }

    [Fact]
    public async Task RegisterMeter_ADailyLimitThatIsNoNumber_IsNamedAsTypedBesideIt_AndKeptInItsField()
    {
        var page = await PageSession.SignInAsync(server, "regulator");

        var result = await page.PostAsync(new PageForm("meter", "regulator", Url + "?handler=Meter", "MeterForm.Code",
            [new("MeterForm.Name", "新电表"), new("MeterForm.Kind", "Electricity"), new("MeterForm.Unit", "kWh"), new("MeterForm.Cadence", "Hourly"),
                new("MeterForm.DailyLimit", "1e30"), new("MeterForm.LimitBasis", "排污许可证")]), "EM-1E30");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("“1e30”", Span(result.Body, "err-meter-dailyLimit"), StringComparison.Ordinal);
        Assert.Matches("name=\"MeterForm.DailyLimit\"[^>]*value=\"1e30\"", result.Body);
        Assert.DoesNotContain("id=\"emr-done\"", result.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_PowerPlantToItsKeyUser_KeyUsersPageShowsItsDataQualityAndMonitoringShowsItsTargets()
    {
        var unit = await PowerPlantUnitAsync();
        var page = await PageSession.SignInAsync(server, "regulator");
        var link = new PageForm("link", "regulator", Url + "?handler=Link", "LinkForm.KeyUser", [new("LinkForm.UnitId", unit.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        var wrong = await page.PostAsync(link, "KU-NX-0004");
        var linked = await page.PostAsync(link, "KU-NX-0003");
        using var regulator = await server.SignedInAsync("regulator");
        var keyUsers = WebUtility.HtmlDecode(await regulator.GetStringAsync("/Energy/Targets/KeyUsers", Ct));
        var monitoring = WebUtility.HtmlDecode(await regulator.GetStringAsync("/Energy/Monitoring", Ct));

        Assert.StartsWith("重点用能单位", Span(wrong.Body, "err-link-keyUser"), StringComparison.Ordinal);
        Assert.Contains("id=\"emr-done\"", linked.Body, StringComparison.Ordinal);
        var row = RowPattern().Match(keyUsers);
        Assert.True(row.Success, "the key-users page shows KU-NX-0003's monitoring");
        Assert.Contains($"/Energy/Monitoring/Unit?id={unit}", row.Value, StringComparison.Ordinal);
        Assert.Contains(" %", row.Value, StringComparison.Ordinal);
        Assert.Contains("data-keyuser=\"KU-NX-0003\"", monitoring, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyUsersPage_EnergyBesideCarbon_NamesEachLinkedCompanyWithItsCode_AndNoneForTheOthers()
    {
        using var regulator = await server.SignedInAsync("regulator");

        var page = WebUtility.HtmlDecode(await regulator.GetStringAsync("/Energy/Targets/KeyUsers", Ct));

        var carbon = System.Text.RegularExpressions.Regex.Match(page, "<table class=\"registry\" id=\"carbon\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        string Row(string unit) => System.Text.RegularExpressions.Regex.Match(carbon, $"<tr data-unit=\"{unit}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("<td>珠江示范发电有限公司 <span class=\"mono\">91440101MA5CY10016</span></td>", Row("KU-NX-0003"), StringComparison.Ordinal);
        Assert.Contains("<td>北江示范水泥有限公司 <span class=\"mono\">91441800MA5CY1002B</span></td>", Row("KU-NX-0004"), StringComparison.Ordinal);
        Assert.Contains("<td> <span class=\"mono\"></span></td>", Row("KU-NX-0001"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_Company_ReadsItsOwnUnitWithoutForms()
    {
        using var cement = await server.SignedInAsync("cement-a");

        var body = WebUtility.HtmlDecode(await cement.GetStringAsync(Url, Ct));

        Assert.Contains("BJ-E01", body, StringComparison.Ordinal);
        Assert.DoesNotContain("ZJ-E01", body, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"meter-form\"", body, StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr data-unit=\"KU-NX-0003\">.*?<td class=\"monitoring\">.*?</td>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();
}
