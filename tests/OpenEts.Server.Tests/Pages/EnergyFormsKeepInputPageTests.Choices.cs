using System.Text.RegularExpressions;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// A choice in an energy page's address that names nothing the page offers (?unit=XX, ?scheme=foo, a quarter before a
/// jurisdiction's card rules): named as typed beside its choice, which keeps it, with what the page shows instead; and a
/// form posted for another year leaves the year filter's year as the reader chose it.
/// </summary>
public sealed partial class EnergyFormsKeepInputPageTests
{
    // The choice id keeps typed as its chosen option and is marked; the page without it is not. Answers the error beside it.
    private static string NamedAsTyped(string page, string plain, string id, string typed)
    {
        Assert.Contains($"<option value=\"{typed}\" selected>{typed}</option>", Field(page, id), StringComparison.Ordinal);
        AssertMarked(page, id);
        Assert.DoesNotContain("aria-invalid", Field(plain, id), StringComparison.Ordinal);
        var error = Error(page, id);
        Assert.Contains($"“{typed}”", error, StringComparison.Ordinal);
        return error;
    }

    [Fact]
    public async Task Targets_AUnitInTheAddressNoPlanOffers_IsNamedAsTypedBesideTheTrendChoice_AndTheUnitShownIsSaid()
    {
        var page = await GetAsync("regulator", "/Energy/Targets?unit=XX");
        var plain = await GetAsync("regulator", "/Energy/Targets");

        var id = Regex.Match(page, "<select name=\"Unit\" id=\"(unit-[^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(id);
        var error = NamedAsTyped(page, plain, id, "XX");
        Assert.Contains("现显示：宁夏", error, StringComparison.Ordinal);
        Assert.Contains("id=\"trend\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_ASchemeInTheAddressThatNamesNone_IsNamedAsTypedBesideTheSchemeChoice_AndTheSchemeShownIsSaid()
    {
        var page = await GetAsync("regulator", "/Energy/Targets/Assess?scheme=foo");
        var plain = await GetAsync("regulator", "/Energy/Targets/Assess");

        var error = NamedAsTyped(page, plain, "scheme", "foo");
        Assert.Contains("考核办法", error, StringComparison.Ordinal);
        Assert.Contains("nx-city", error, StringComparison.Ordinal);
        Assert.Contains("现显示：", error, StringComparison.Ordinal);
    }

    // A unit no plan names was kept unnamed: the choice showed the first unit while the page assessed none.
    [Fact]
    public async Task Assess_AUnitInTheAddressNoPlanNames_IsNamedAsTypedBesideTheUnitChoice_AndTheUnitAssessedIsSaid()
    {
        var page = await GetAsync("regulator", "/Energy/Targets/Assess?unit=KU-NX-9999");
        var plain = await GetAsync("regulator", "/Energy/Targets/Assess?unit=KU-NX-0003");

        var error = NamedAsTyped(page, plain, "unit", "KU-NX-9999");
        var first = Regex.Match(Field(plain, "unit"), "<option value=\"([^\"]+)\">([^<]+)</option>");
        Assert.True(first.Success);
        Assert.Contains("KU-NX-0003", error, StringComparison.Ordinal);
        Assert.Contains("现显示：" + first.Groups[2].Value, error, StringComparison.Ordinal);
        Assert.Contains($"<input type=\"hidden\" name=\"Unit\" value=\"{first.Groups[1].Value}\" />", page, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"Unit\" value=\"KU-NX-0003\" />", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cards_PreviewOfAQuarterBeforeTheJurisdictionsRules_SaysThereIsNothingToPreviewAndNamesItsRules()
    {
        var page = await GetAsync("regulator", "/Energy/Cards?Jurisdiction=tianjin&Quarter=2010Q1");

        Assert.Equal("2010Q1", Value(page, "preview-quarter"));
        AssertMarked(page, "preview-quarter");
        var error = Error(page, "preview-quarter");
        Assert.Contains("2010Q1", error, StringComparison.Ordinal);
        Assert.Contains("tianjin-2017 自 2017-01-01 起施行", error, StringComparison.Ordinal);
        var none = Regex.Match(page, "<p class=\"alert bad\" id=\"preview-none\">(.*?)</p>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("tianjin 2010Q1 无可预览", none, StringComparison.Ordinal);
        Assert.Contains("href=\"#rules-tianjin-2017\"", none, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"publish-form\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cards_PreviewOfAJurisdictionWithoutRules_KeepsItAsTypedAndNamesTheJurisdictionsThatHaveRules()
    {
        var page = await GetAsync("regulator", "/Energy/Cards?Jurisdiction=GD&Quarter=2025Q3");

        Assert.Contains("<option value=\"GD\" selected>GD</option>", Field(page, "preview-jurisdiction"), StringComparison.Ordinal);
        AssertMarked(page, "preview-jurisdiction");
        var error = Error(page, "preview-jurisdiction");
        Assert.Contains("“GD”", error, StringComparison.Ordinal);
        Assert.Contains("jiangxi, qinghai, tianjin", error, StringComparison.Ordinal);
        Assert.Contains("tianjin", Shown(page, "preview-shown"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyUsers_AReportPostedForAnotherYear_LeavesTheYearFilterAtTheReadersYear()
    {
        var page = await PageSession.SignInAsync(server, "power-a");

        var result = await page.PostAsync(new PageForm("report", "power-a", "/Energy/Targets/KeyUsers?handler=Report&year=2025", "EnergyTce",
            [new("KeyUser", "KU-NX-0003"), new("Year", "2024"), new("ValueAddedWanYuan", "5000.5")]), "abc");

        Assert.Equal("2025", Value(result.Body, "year"));
        Assert.Contains("· 2025</h1>", result.Body, StringComparison.Ordinal);
        Assert.Equal("2024", Value(result.Body, "report-year"));
        Assert.Contains("action=\"/Energy/Targets/KeyUsers?year=2025&handler=Report\"", result.Body, StringComparison.Ordinal);
    }
}
