using System.Text.RegularExpressions;

namespace OpenEts.Server.Tests.Pages;

public sealed partial class AddressValuesPageTests
{
    [Fact]
    public async Task MrvReports_AYearThatIsNoNumber_IsNamedBesideItsBoxAsTyped_AndEveryYearIsShown()
    {
        var page = await PageAsync("regulator", "/Mrv?year=abc");

        Named(FieldError(page, "reports-year"), "abc", "全部");
        KeptInBox(page, "reports-year", "abc");
    }

    [Fact]
    public async Task MrvEdit_AYearOutsideTheReportingYears_IsNamedWithTheRange_AndNoFormIsOfferedThatSavingWouldRefuse()
    {
        var page = await PageAsync("cement-a", "/Mrv/Edit?year=3000");
        var plain = await PageAsync("cement-a", "/Mrv/Edit?year=2030");

        Assert.Contains("<li>报告年度：须在 2005 至 2100 之间。</li>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"upload-form\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Save", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"not-editable\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"upload-form\"", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("2005 至 2100", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmissionTotals_AYearThatIsNoNumberOrHasNoReports_IsNamedAsTyped_AndTheYearShownIsSaid()
    {
        foreach (var page in new[] { "/Disclosure", "/Mrv/Dashboard" })
        {
            var typed = await PageAsync("regulator", page + "?year=abc");
            var none = await PageAsync("regulator", page + "?year=1999");

            Named(Banner(typed), "abc", "");
            Named(Banner(none), "1999", "");
            Assert.DoesNotContain("id=\"address-error\"", await PageAsync("regulator", page), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task MrvPlan_AYearThatIsNoNumber_IsNamedBesideItsBoxAsTyped_AndTheYearOpenedIsSaid()
    {
        var page = await PageAsync("power-a", "/Mrv/Plan?year=abc");
        var opened = Regex.Match(page, "<h1>[^<]*· (\\d{4})</h1>").Groups[1].Value;

        Named(FieldError(page, "plan-year"), "abc", opened);
        KeptInBox(page, "plan-year", "abc");
    }

    [Fact]
    public async Task MrvEdit_AYearThatIsNoNumber_IsNamedAsTyped_AndTheYearOpenedIsSaid()
    {
        var page = await PageAsync("cement-a", "/Mrv/Edit?year=abc");
        var plain = await PageAsync("cement-a", "/Mrv/Edit");

        var year = Regex.Match(plain, "<input type=\"hidden\" name=\"Input.Year\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.NotEmpty(year);
        Named(Regex.Match(page, "id=\"report-error\">(.*?)</ul>", RegexOptions.Singleline).Groups[1].Value, "abc", year);
        Assert.DoesNotContain("id=\"report-error\"", plain, StringComparison.Ordinal);
    }
}
