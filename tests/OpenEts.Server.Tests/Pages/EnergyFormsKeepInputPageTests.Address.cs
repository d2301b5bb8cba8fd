using System.Net;
using System.Text.RegularExpressions;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// A period or year in an energy page's address that cannot be shown (?from=abc, ?year=abc): named beside its filter
/// input, which keeps the text as typed, while the page says which period or year it shows instead.
/// </summary>
public sealed partial class EnergyFormsKeepInputPageTests
{
    private async Task<string> GetAsync(string user, string url)
    {
        using var client = await server.SignedInAsync(user);
        return WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(url, UriKind.Relative), Ct));
    }

    private static string Shown(string body, string id)
    {
        var match = Regex.Match(body, $"<p class=\"hint\" id=\"{id}\">([^<]*)</p>");
        Assert.True(match.Success, $"the page says what it shows instead (#{id})");
        return match.Groups[1].Value;
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("2026-13-01")]
    public async Task MonitoringUnit_AFromInTheAddressThatIsNoDay_IsNamedAsTypedBesideIt_AndThePeriodShownIsSaid(string typed)
    {
        var unit = await PowerPlantUnitAsync();

        var page = await GetAsync("power-a", $"/Energy/Monitoring/Unit?id={unit}&from={Uri.EscapeDataString(typed)}&to=2026-01-31");

        Assert.Equal(typed, Value(page, "em-from"));
        Assert.Contains("type=\"text\"", Field(page, "em-from"), StringComparison.Ordinal);
        AssertMarked(page, "em-from");
        var error = Error(page, "em-from");
        Assert.Contains("起始日", error, StringComparison.Ordinal);
        Assert.Contains(typed, error, StringComparison.Ordinal);
        Assert.Equal("2026-01-31", Value(page, "em-to"));
        Assert.Empty(Error(page, "em-to"));
        Assert.Contains("2026-01-02 至 2026-01-31", Shown(page, "em-period-shown"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MonitoringUnit_AFromAfterTheTo_IsNamedBesideIt_AndThePeriodShownIsSaid()
    {
        var unit = await PowerPlantUnitAsync();

        var page = await GetAsync("power-a", $"/Energy/Monitoring/Unit?id={unit}&from=2026-03-10&to=2026-03-01");
        var plain = await GetAsync("power-a", $"/Energy/Monitoring/Unit?id={unit}&from=2026-03-01&to=2026-03-10");

        Assert.Equal("2026-03-10", Value(page, "em-from"));
        AssertMarked(page, "em-from");
        Assert.Contains("起始日", Error(page, "em-from"), StringComparison.Ordinal);
        Assert.Contains("2026-03-01 至 2026-03-10", Shown(page, "em-period-shown"), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"em-period-shown\"", plain, StringComparison.Ordinal);
        Assert.Empty(Error(plain, "em-from"));
    }

    [Fact]
    public async Task Monitoring_AFromInTheAddressThatIsNoDay_IsNamedBesideIt_AndTheDashboardOfTheDefaultPeriodIsShown()
    {
        var page = await GetAsync("regulator", "/Energy/Monitoring?from=abc");

        Assert.Equal("abc", Value(page, "em-from"));
        AssertMarked(page, "em-from");
        Assert.Contains("“abc”", Error(page, "em-from"), StringComparison.Ordinal);
        Assert.Matches(@"\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}", Shown(page, "em-period-shown"));
        Assert.Contains("id=\"em-regions\"", page, StringComparison.Ordinal);
    }

    // A day outside the platform's days (2000-01-01 to 2099-12-31) is quoted as typed, as a day that is no day is.
    [Fact]
    public async Task Monitoring_AFromOutsideThePlatformsDays_IsNamedAsTyped_AndTheRangeSaid()
    {
        var page = await GetAsync("regulator", "/Energy/Monitoring?from=1999-12-31");

        Assert.Equal("1999-12-31", Value(page, "em-from"));
        AssertMarked(page, "em-from");
        Assert.StartsWith("起始日：“1999-12-31”不在 2000-01-01 至 2099-12-31 之间", Error(page, "em-from"), StringComparison.Ordinal);
    }

    // A from after the to was told in the offsets' words (a monitoring report's period "in the same year"); it names both days.
    [Theory]
    [InlineData("/Energy/Monitoring?from=2026-03-10&to=2026-03-01", "起始日：“2026-03-10”晚于截止日 2026-03-01", "2026-03-01 至 2026-03-10")]
    [InlineData("/Energy/Monitoring?from=2024-01-01&to=2025-06-30", "起始日：“2024-01-01”至截止日 2025-06-30 超过 366 天", "2024-06-30 至 2025-06-30")]
    public async Task Monitoring_APeriodThatCannotBeShown_IsNamedWithBothDaysAsTyped_AndThePeriodShownIsSaid(string url, string named, string shown)
    {
        var page = await GetAsync("regulator", url);

        AssertMarked(page, "em-from");
        var error = Error(page, "em-from");
        Assert.StartsWith(named, error, StringComparison.Ordinal);
        Assert.DoesNotContain("监测期须在同一年内", error, StringComparison.Ordinal);
        Assert.DoesNotContain("计入期", error, StringComparison.Ordinal);
        Assert.Contains(shown, Shown(page, "em-period-shown"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitoring_AFromAfterTheToInEnglish_NamesBothDays()
    {
        using var client = await server.SignedInAsync("regulator");
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/Energy/Monitoring?from=2026-03-10&to=2026-03-01", UriKind.Relative), Ct));

        Assert.Equal("from: '2026-03-10' is after to, 2026-03-01", Error(page, "em-from"));
    }

    // The list under the filter repeated the error shown beside the box.
    [Theory]
    [InlineData("/Energy/Monitoring?from=abc")]
    [InlineData("/Energy/Monitoring?from=2026-03-10&to=2026-03-01")]
    public async Task Monitoring_ABadFromInTheAddress_IsNamedOnceBesideItsBox(string url)
    {
        var page = await GetAsync("regulator", url);

        var error = Error(page, "em-from");
        Assert.NotEmpty(error);
        Assert.Single(Regex.Matches(page, Regex.Escape(error)));
    }

    [Theory]
    [InlineData("regulator", "/Energy/Targets/KeyUsers")]
    [InlineData("regulator", "/Energy/Targets/Statistics")]
    [InlineData("regulator", "/Energy/Targets/Assess")]
    [InlineData("regulator", "/Energy/Targets/Accountability")]
    public async Task Targets_AYearInTheAddressThatIsNoNumber_IsNamedAsTypedBesideTheYearFilter_AndTheYearShownIsSaid(string user, string url)
    {
        var page = await GetAsync(user, url + "?year=abc");
        var plain = await GetAsync(user, url);

        Assert.Equal("abc", Value(page, "year"));
        AssertMarked(page, "year");
        var error = Error(page, "year");
        Assert.Contains("年度", error, StringComparison.Ordinal);
        Assert.Contains("“abc”", error, StringComparison.Ordinal);
        Assert.Contains(Value(plain, "year"), Shown(page, "year-shown"), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"year-shown\"", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyUsers_AYearInTheAddressNoTargetNames_IsNamedBesideTheYearFilter_AndTheYearShownIsSaid()
    {
        var page = await GetAsync("regulator", "/Energy/Targets/KeyUsers?year=1800");
        var plain = await GetAsync("regulator", "/Energy/Targets/KeyUsers");

        Assert.Equal("1800", Value(page, "year"));
        AssertMarked(page, "year");
        Assert.Contains("年度", Error(page, "year"), StringComparison.Ordinal);
        Assert.Contains(Value(plain, "year"), Shown(page, "year-shown"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Targets_AYearInTheAddressThatIsNoNumber_IsNamedBesideThePlansYearChoice()
    {
        var page = await GetAsync("regulator", "/Energy/Targets?year=abc");
        var plain = await GetAsync("regulator", "/Energy/Targets");

        var id = Regex.Match(page, "<select name=\"Year\" id=\"(year-[^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(id);
        AssertMarked(page, id);
        Assert.Contains("“abc”", Error(page, id), StringComparison.Ordinal);
        var year = Regex.Match(plain, "<option selected=\"selected\">(\\d+)</option>").Groups[1].Value;
        Assert.NotEmpty(year);
        Assert.Contains($"<option selected=\"selected\">{year}</option>", Field(page, id), StringComparison.Ordinal);
        Assert.Contains(year, Regex.Match(page, $"<span class=\"hint\" id=\"{id}-shown\">([^<]*)</span>").Groups[1].Value, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-invalid", Field(plain, id), StringComparison.Ordinal);
    }

    // An export asked for a year that is no number gave last year's workbook under the name asked for; the page names the year instead.
    [Theory]
    [InlineData("/Energy/Targets/Statistics?handler=Export&year=abc")]
    [InlineData("/Energy/Targets/Accountability?handler=Export&year=abc")]
    public async Task Targets_AnExportOfAYearThatIsNoNumber_IsNoFileButThePageNamingTheYear(string url)
    {
        using var client = await server.SignedInAsync("regulator");

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Equal("abc", Value(page, "year"));
        Assert.Contains("“abc”", Error(page, "year"), StringComparison.Ordinal);
    }
}
