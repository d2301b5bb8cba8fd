using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// Bad input gets a clear error and loses nothing, on the energy pages: a form posted with one bad field comes back
/// with every field as typed or chosen, the bad one marked and named beside it; a figure that is not a number is refused
/// as typed. On the demo, the power plant (power-a) is monitored (meters ZJ-*) and is the key energy user KU-NX-0003;
/// the regulator decides the cards.
/// </summary>
public sealed partial class EnergyFormsKeepInputPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The opening tag of the input or select <paramref name="id"/> (a select with its options).</summary>
    private static string Field(string body, string id)
    {
        var match = Regex.Match(body, $"<select[^>]* id=\"{id}\".*?</select>|<input[^>]* id=\"{id}\"[^>]*>", RegexOptions.Singleline);
        Assert.True(match.Success, $"the page shows #{id}");
        return match.Value;
    }

    private static string Value(string body, string id) => Regex.Match(Field(body, id), "value=\"([^\"]*)\"").Groups[1].Value;

    private static string Error(string body, string id) => Regex.Match(body, $"<span class=\"field-error\" id=\"{id}-error\">([^<]*)</span>").Groups[1].Value;

    private static void AssertMarked(string body, string id)
    {
        var field = Field(body, id);
        Assert.Contains("class=\"invalid\"", field, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", field, StringComparison.Ordinal);
        Assert.Contains($"aria-describedby=\"{id}-error\"", field, StringComparison.Ordinal);
    }

    // The power plant's own monitored unit, as its representative reaches it from the monitoring list.
    private async Task<string> PowerPlantUnitAsync()
    {
        using var power = await server.SignedInAsync("power-a");
        var list = WebUtility.HtmlDecode(await power.GetStringAsync("/Energy/Monitoring", Ct));
        var unit = Regex.Match(list, "/Energy/Monitoring/Unit\\?id=(\\d+)").Groups[1].Value;
        Assert.NotEmpty(unit);
        return unit;
    }

    [Fact]
    public async Task MonitoringUnit_FaultWithBadDay_KeepsMeterAndDescriptionAndNamesTheDay()
    {
        var unit = await PowerPlantUnitAsync();
        var page = await PageSession.SignInAsync(server, "power-a");

        var result = await page.PostAsync(new PageForm("fault", "power-a", $"/Energy/Monitoring/Unit?id={unit}&handler=Fault", "Day",
            [new("Meter", "ZJ-G01"), new("Description", "采集终端通讯中断（测试）")]), "2026-13-45");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.DoesNotContain("id=\"em-done\"", result.Body, StringComparison.Ordinal);
        Assert.Contains("<option selected=\"selected\">ZJ-G01</option>", Field(result.Body, "em-fault-meter"), StringComparison.Ordinal);
        Assert.Equal("2026-13-45", Value(result.Body, "em-fault-day"));
        Assert.Equal("采集终端通讯中断（测试）", Value(result.Body, "em-fault-description"));
        AssertMarked(result.Body, "em-fault-day");
        Assert.Contains("报告日期", Error(result.Body, "em-fault-day"), StringComparison.Ordinal);
        Assert.Empty(Error(result.Body, "em-fault-description"));
        Assert.Empty(Value(result.Body, "em-calibration-day"));
    }

    [Fact]
    public async Task MonitoringUnit_CalibrationWithoutCertificate_KeepsMeterDayAndReplacedAndNamesTheCertificate()
    {
        var unit = await PowerPlantUnitAsync();
        var page = await PageSession.SignInAsync(server, "power-a");

        var result = await page.PostAsync(new PageForm("calibration", "power-a", $"/Energy/Monitoring/Unit?id={unit}&handler=Calibration", "Certificate",
            [new("Meter", "ZJ-G01"), new("Day", "2026-01-05"), new("Replaced", "true")]), " ");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("<option selected=\"selected\">ZJ-G01</option>", Field(result.Body, "em-calibration-meter"), StringComparison.Ordinal);
        Assert.Equal("2026-01-05", Value(result.Body, "em-calibration-day"));
        Assert.Contains("checked=\"checked\"", Field(result.Body, "em-calibration-replaced"), StringComparison.Ordinal);
        AssertMarked(result.Body, "em-calibration-certificate");
        Assert.Contains("校准证书", Error(result.Body, "em-calibration-certificate"), StringComparison.Ordinal);
        Assert.Empty(Value(result.Body, "em-fault-day"));
    }

    [Fact]
    public async Task KeyUsers_DesignateWithBadCreditCode_KeepsCodeNameAndCityAndNamesTheOrganisation()
    {
        var page = await PageSession.SignInAsync(server, "regulator");

        var result = await page.PostAsync(new PageForm("designate", "regulator", "/Energy/Targets/KeyUsers?handler=Designate", "Organisation",
            [new("Code", "KU-NX-0099"), new("Name", "测试热电有限公司"), new("City", "NX-YC")]), "91440101MA5CY1001X");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.DoesNotContain("id=\"done\"", result.Body, StringComparison.Ordinal);
        Assert.Contains("id=\"energy-error\"", result.Body, StringComparison.Ordinal);
        Assert.Equal("KU-NX-0099", Value(result.Body, "designate-code"));
        Assert.Equal("测试热电有限公司", Value(result.Body, "designate-name"));
        Assert.Equal("NX-YC", Value(result.Body, "designate-city"));
        Assert.Equal("91440101MA5CY1001X", Value(result.Body, "designate-organisation"));
        AssertMarked(result.Body, "designate-organisation");
        Assert.NotEmpty(Error(result.Body, "designate-organisation"));
        Assert.Empty(Error(result.Body, "designate-code"));
    }

    [Theory]
    [InlineData("１００")]
    [InlineData("abc")]
    [InlineData("1e30")]
    public async Task KeyUsers_ReportWithUnreadableEnergy_IsRefusedAsTypedAndKeepsTheOtherFields(string typed)
    {
        var page = await PageSession.SignInAsync(server, "power-a");

        var result = await page.PostAsync(new PageForm("report", "power-a", "/Energy/Targets/KeyUsers?handler=Report", "EnergyTce",
            [new("KeyUser", "KU-NX-0003"), new("Year", "2025"), new("ValueAddedWanYuan", "5000.5")]), typed);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.DoesNotContain("id=\"done\"", result.Body, StringComparison.Ordinal);
        Assert.Contains("<option value=\"KU-NX-0003\" selected=\"selected\">", Field(result.Body, "report-keyuser"), StringComparison.Ordinal);
        Assert.Equal("2025", Value(result.Body, "report-year"));
        Assert.Equal("5000.5", Value(result.Body, "report-valueadded"));
        Assert.Equal(typed, Value(result.Body, "report-energy"));
        AssertMarked(result.Body, "report-energy");
        var error = Error(result.Body, "report-energy");
        Assert.Contains("能源消费量", error, StringComparison.Ordinal);
        Assert.Contains(typed, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cards_DecideWithTooLongEvidence_KeepsTheEvidenceInThatCardsRowAndNamesIt()
    {
        using var regulator = await server.SignedInAsync("regulator");
        var cards = WebUtility.HtmlDecode(await regulator.GetStringAsync("/Energy/Cards", Ct));
        var card = Regex.Match(cards, "<tr id=\"card-(\\d+)\" data-status=\"Proposed\"").Groups[1].Value;
        Assert.NotEmpty(card);
        var page = await PageSession.SignInAsync(server, "regulator");
        var evidence = "现场检查笔录" + new string('证', 4000);

        var result = await page.PostAsync(new PageForm("decide", "regulator", "/Energy/Cards?handler=Decide", "evidence",
            [new("card", card), new("decision", "confirm")]), evidence);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.DoesNotContain("id=\"cards-done\"", result.Body, StringComparison.Ordinal);
        Assert.Contains($"<tr id=\"card-{card}\" data-status=\"Proposed\"", result.Body, StringComparison.Ordinal);
        Assert.Equal(evidence, Value(result.Body, $"evidence-{card}"));
        AssertMarked(result.Body, $"evidence-{card}");
        Assert.Contains("证据", Error(result.Body, $"evidence-{card}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cards_RecordWithUnreadableMeasured_IsRefusedAsTypedAndKeepsTheOtherFields()
    {
        var page = await PageSession.SignInAsync(server, "regulator");
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var result = await page.PostAsync(new PageForm("record", "regulator", "/Energy/Cards?handler=Record", "Violation.Measured",
            [new("Violation.Organisation", "91441800MA5CY1002B"), new("Violation.Jurisdiction", "tianjin"), new("Violation.Kind", "concentrationExceedance"),
                new("Violation.ObservedOn", yesterday), new("Violation.Parameter", "SO2"), new("Violation.Limit", "50"), new("Violation.Unit", "mg/m³"),
                new("Violation.Evidence", "在线监测记录（测试）")]), "12O");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.DoesNotContain("id=\"cards-done\"", result.Body, StringComparison.Ordinal);
        Assert.Equal("12O", Value(result.Body, "record-measured"));
        Assert.Equal("50", Value(result.Body, "record-limit"));
        Assert.Equal("SO2", Value(result.Body, "record-parameter"));
        AssertMarked(result.Body, "record-measured");
        var error = Error(result.Body, "record-measured");
        Assert.Contains("实测值", error, StringComparison.Ordinal);
        Assert.Contains("12O", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyUsers_AYearInTheAddressThatIsNoNumber_IsNamed_AndLastYearIsShown()
    {
        using var regulator = await server.SignedInAsync("regulator");

        var page = WebUtility.HtmlDecode(await regulator.GetStringAsync(new Uri("/Energy/Targets/KeyUsers?year=abc", UriKind.Relative), Ct));
        var plain = WebUtility.HtmlDecode(await regulator.GetStringAsync(new Uri("/Energy/Targets/KeyUsers", UriKind.Relative), Ct));

        Assert.Contains("“abc”", Regex.Match(page, "<div class=\"alert bad\" role=\"alert\" id=\"energy-error\">.*?</div>", RegexOptions.Singleline).Value,
            StringComparison.Ordinal);
        Assert.Equal(Regex.Match(plain, "<h1>.*?</h1>").Value, Regex.Match(page, "<h1>.*?</h1>").Value);
        Assert.DoesNotContain("id=\"energy-error\"", plain, StringComparison.Ordinal);
    }
}
