using System.Text.RegularExpressions;

namespace OpenEts.Server.Tests.Pages;

public sealed partial class AddressValuesPageTests
{
    // The value a date box shows, as the page wrote it.
    private static string BoxValue(string page, string id) =>
        Regex.Match(page, $"id=\"{Regex.Escape(id)}\" type=\"[a-z]+\" value=\"([^\"]*)\"").Groups[1].Value;

    // A date box keeps the text the address gave, marked, as a text box (a date box would show it empty).
    private static void KeptInDateBox(string page, string id, string typed) =>
        Assert.Contains($"id=\"{id}\" type=\"text\" value=\"{typed}\" class=\"invalid\"", page, StringComparison.Ordinal);

    [Fact]
    public async Task InclusionQuality_ADayThatDoesNotRead_IsNamedBesideItsBoxAsTyped_WithTheSpanShown()
    {
        var plain = await PageAsync("regulator", "/Inclusion/Quality");
        var page = await PageAsync("regulator", "/Inclusion/Quality?from=abc&to=2026-13-45");

        var shown = $"{BoxValue(plain, "quality-from")} 至 {BoxValue(plain, "quality-to")}";
        Named(FieldError(page, "quality-from"), "abc", shown);
        Named(FieldError(page, "quality-to"), "2026-13-45", shown);
        KeptInDateBox(page, "quality-from", "abc");
        KeptInDateBox(page, "quality-to", "2026-13-45");
        Assert.Equal("", FieldError(plain, "quality-from"));
    }

    [Fact]
    public async Task InclusionQuality_ASpanOutOfOrderOrTooLongOrAnUnknownProgramme_IsNamedAsTyped_WithWhatIsShown()
    {
        var swapped = await PageAsync("regulator", "/Inclusion/Quality?from=2026-03-01&to=2026-02-01");
        var tooLong = await PageAsync("regulator", "/Inclusion/Quality?from=2024-01-01&to=2026-01-01");
        var programme = await PageAsync("regulator", "/Inclusion/Quality?programme=foo");

        Named(FieldError(swapped, "quality-from"), "2026-03-01", "2026-02-01 至 2026-03-01");
        Assert.Equal("2026-02-01", BoxValue(swapped, "quality-to"));
        Named(FieldError(tooLong, "quality-from"), "2024-01-01", "2025-01-01 至 2026-01-01");
        Named(FieldError(programme, "quality-programme"), "foo", "全部项目");
        KeptAsChoice(programme, "foo");
    }

    [Fact]
    public async Task InclusionAggregate_AnUnknownProgrammeOrADayThatDoesNotRead_IsNamedAsTyped_WithWhatIsShown()
    {
        var plain = await PageAsync("regulator", "/Inclusion/Aggregate");
        var programme = await PageAsync("regulator", "/Inclusion/Aggregate?Programme=foo");
        var day = await PageAsync("regulator", "/Inclusion/Aggregate?PeriodStart=abc");
        var before = await PageAsync("regulator", "/Inclusion/Aggregate?PeriodStart=2026-03-01&PeriodEnd=2026-02-01");

        var first = Regex.Match(plain, "<option value=\"([^\"]+)\" selected").Groups[1].Value;
        var shown = $"{BoxValue(plain, "period-start")} 至 {BoxValue(plain, "period-end")}";
        Assert.NotEmpty(first);
        Named(FieldError(programme, "period-programme"), "foo", first);
        KeptAsChoice(programme, "foo");
        Assert.DoesNotContain("id=\"not-overseen\"", programme, StringComparison.Ordinal);
        Named(FieldError(day, "period-start"), "abc", shown);
        KeptInDateBox(day, "period-start", "abc");
        Named(FieldError(before, "period-end"), "2026-02-01", shown);
        Assert.Equal("", FieldError(plain, "period-start"));
    }

    [Fact]
    public async Task InclusionSample_AnAggregationThatIsNoNumberOrNoneKnown_IsNamedAsTyped_AndNoneIsShownToDraw()
    {
        var typed = await PageAsync("verifier", "/Inclusion/Sample?id=abc");
        var unknown = await PageAsync("verifier", "/Inclusion/Sample?id=999999");
        var bare = await PageAsync("verifier", "/Inclusion/Sample");

        Named(Banner(typed), "abc", "无");
        Named(Banner(unknown), "999999", "无");
        foreach (var page in new[] { typed, unknown, bare })
        {
            Assert.Contains("id=\"sample-choose\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"draw-submit\"", page, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("id=\"address-error\"", bare, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InclusionTrail_AnAggregationOrReportThatIsNoNumberOrNoneKnown_IsNamedAsTyped_AndNoneIsShown()
    {
        var both = await PageAsync("regulator", "/Inclusion/Trail?id=abc&report=999998");
        var unknown = await PageAsync("regulator", "/Inclusion/Trail?id=999999");
        var report = await PageAsync("auditor", "/Inclusion/Trail?report=x1");
        var bare = await PageAsync("regulator", "/Inclusion/Trail");

        Named(Banner(both), "abc", "无");
        Named(Banner(both), "999998", "无");
        Assert.Contains("汇总编号：“abc”不是数字", Banner(both), StringComparison.Ordinal);
        Assert.Contains("监测报告编号：没有提交编号为“999998”的监测报告的汇总", Banner(both), StringComparison.Ordinal);
        Named(Banner(unknown), "999999", "无");
        Named(Banner(report), "x1", "无");
        foreach (var page in new[] { both, unknown, report, bare })
        {
            Assert.Contains("id=\"trail-choose\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"trail-phcer\"", page, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("id=\"address-error\"", bare, StringComparison.Ordinal);
    }
}
