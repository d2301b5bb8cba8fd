using System.Globalization;
using System.Net;
using OpenEts.Application.DualControl.Cards;
using OpenEts.Domain.DualControl.Cards;

namespace OpenEts.Server.Tests.Pages;

/// <summary>The cards page's forms from monitoring and for publishing, and its preview's address: each error beside its field, in that form only.</summary>
public sealed partial class EnergyFormsKeepInputPageTests
{
    private static string BeijingDay(int days) =>
        CardsTime.DayOf(DateTimeOffset.UtcNow).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static PageForm FromMonitoring(string to) => new("monitoring", "regulator", "/Energy/Cards?handler=FromMonitoring", "Monitoring.From",
        [new("Monitoring.Jurisdiction", "tianjin"), new("Monitoring.To", to), new("Monitoring.Region", "NX")]);

    [Theory]
    [InlineData("abc")]
    [InlineData("2026-13-01")]
    public async Task Cards_FromMonitoringWithUnreadableFrom_NamesItAsTypedBesideItAndKeepsTheOtherFields(string typed)
    {
        var page = await PageSession.SignInAsync(server, "regulator");

        var result = await page.PostAsync(FromMonitoring("2026-01-31"), typed);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.DoesNotContain("id=\"cards-done\"", result.Body, StringComparison.Ordinal);
        Assert.Equal(typed, Value(result.Body, "monitoring-from"));
        Assert.Contains("type=\"text\"", Field(result.Body, "monitoring-from"), StringComparison.Ordinal);
        AssertMarked(result.Body, "monitoring-from");
        var error = Error(result.Body, "monitoring-from");
        Assert.Contains("起始日", error, StringComparison.Ordinal);
        Assert.Contains(typed, error, StringComparison.Ordinal);
        Assert.Equal("2026-01-31", Value(result.Body, "monitoring-to"));
        Assert.Equal("NX", Value(result.Body, "monitoring-region"));
        // The jurisdiction chosen, named as its rules name it with its code.
        Assert.Contains("<option value=\"tianjin\" selected=\"selected\">天津市 (tianjin)</option>", Field(result.Body, "monitoring-jurisdiction"),
            StringComparison.Ordinal);
        Assert.Empty(Error(result.Body, "monitoring-to"));
        Assert.DoesNotContain("aria-invalid", Field(result.Body, "record-jurisdiction"), StringComparison.Ordinal);
    }

    // A day before the jurisdiction's first rules was judged by that first version, which was not yet in force.
    [Fact]
    public async Task Cards_ViolationObservedBeforeTheJurisdictionsFirstRules_IsRefusedBesideTheDayNamingTheFirstRules()
    {
        var page = await PageSession.SignInAsync(server, "regulator");

        var result = await page.PostAsync(new PageForm("record", "regulator", "/Energy/Cards?handler=Record", "Violation.ObservedOn",
            [new("Violation.Organisation", "91441800MA5CY1002B"), new("Violation.Jurisdiction", "tianjin"), new("Violation.Kind", "concentrationExceedance"),
                new("Violation.Parameter", "SO2"), new("Violation.Measured", "120"), new("Violation.Limit", "50"), new("Violation.Unit", "mg/m³"),
                new("Violation.Evidence", "在线监测记录（测试）")]), "2016-05-01");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.DoesNotContain("id=\"cards-done\"", result.Body, StringComparison.Ordinal);
        Assert.Equal("2016-05-01", Value(result.Body, "record-observedOn"));
        AssertMarked(result.Body, "record-observedOn");
        Assert.Contains("tianjin 在 2016-05-01 尚无施行中的红黄牌规则：其最早的规则 tianjin-2017 自 2017-01-01 起施行",
            Error(result.Body, "record-observedOn"), StringComparison.Ordinal);
        Assert.Equal("120", Value(result.Body, "record-measured"));
    }

    [Fact]
    public async Task Cards_FromMonitoringFromBeforeTheJurisdictionsFirstRules_IsRefusedBesideTheFromDay()
    {
        var page = await PageSession.SignInAsync(server, "regulator");

        var result = await page.PostAsync(FromMonitoring("2016-12-31"), "2016-12-01");

        Assert.DoesNotContain("id=\"cards-done\"", result.Body, StringComparison.Ordinal);
        AssertMarked(result.Body, "monitoring-from");
        Assert.Contains("tianjin 在 2016-12-01 尚无施行中的红黄牌规则：其最早的规则 tianjin-2017 自 2017-01-01 起施行",
            Error(result.Body, "monitoring-from"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cards_FromMonitoringToAfterToday_IsRefusedBesideTheToDayAndKeepsThePeriod()
    {
        var page = await PageSession.SignInAsync(server, "regulator");
        var (from, to) = (BeijingDay(-3), BeijingDay(5));

        var result = await page.PostAsync(FromMonitoring(to), from);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("id=\"cards-error\"", result.Body, StringComparison.Ordinal);
        Assert.Equal(from, Value(result.Body, "monitoring-from"));
        Assert.Equal(to, Value(result.Body, "monitoring-to"));
        AssertMarked(result.Body, "monitoring-to");
        Assert.Contains("截止日", Error(result.Body, "monitoring-to"), StringComparison.Ordinal);
        Assert.Empty(Error(result.Body, "monitoring-from"));
    }

    [Theory]
    [InlineData("", "季度尚未结束")] // "": the quarter under way, whose list is published once it is over
    [InlineData("2026Q5", "2026Q3")] // no quarter: the error says how one is written
    public async Task Cards_PublishRefused_NamesTheQuarterAsPostedBesideItInThePublishFormOnly(string posted, string said)
    {
        var page = await PageSession.SignInAsync(server, "regulator");
        var quarter = posted.Length > 0 ? posted : Quarter.Of(CardsTime.DayOf(DateTimeOffset.UtcNow)).ToString();

        var result = await page.PostAsync(new PageForm("publish", "regulator", "/Energy/Cards?handler=Publish", "Quarter", [new("Jurisdiction", "tianjin")]), quarter);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.DoesNotContain("id=\"cards-done\"", result.Body, StringComparison.Ordinal);
        Assert.Equal(quarter, Value(result.Body, "publish-quarter"));
        Assert.Equal("tianjin", Value(result.Body, "publish-jurisdiction"));
        AssertMarked(result.Body, "publish-quarter");
        var error = Error(result.Body, "publish-quarter");
        Assert.Contains("季度", error, StringComparison.Ordinal);
        Assert.Contains(said, error, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-invalid", Field(result.Body, "preview-quarter"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cards_PreviewOfAQuarterInTheAddressThatIsNoQuarter_IsNamedBesideIt_AndTheQuarterPreviewedInsteadIsSaid()
    {
        using var regulator = await server.SignedInAsync("regulator");
        var previous = Quarter.Of(CardsTime.DayOf(DateTimeOffset.UtcNow)).Previous.ToString();

        var page = WebUtility.HtmlDecode(await regulator.GetStringAsync(new Uri("/Energy/Cards?Jurisdiction=tianjin&Quarter=abc", UriKind.Relative), Ct));
        var plain = WebUtility.HtmlDecode(await regulator.GetStringAsync(new Uri("/Energy/Cards", UriKind.Relative), Ct));

        Assert.Equal("abc", Value(page, "preview-quarter"));
        AssertMarked(page, "preview-quarter");
        Assert.Contains("季度", Error(page, "preview-quarter"), StringComparison.Ordinal);
        Assert.Contains($"tianjin {previous}", page[page.IndexOf("id=\"preview-shown\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Equal(previous, Value(page, "publish-quarter"));
        Assert.DoesNotContain("aria-invalid", Field(page, "publish-quarter"), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"preview-shown\"", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-invalid", Field(plain, "preview-quarter"), StringComparison.Ordinal);
    }
}
