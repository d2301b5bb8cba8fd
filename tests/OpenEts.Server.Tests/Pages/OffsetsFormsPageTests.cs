using System.Net;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// The offsets pages' forms keep what was typed: a form posted with one bad field shows again with every field as the user
/// filled it (inputs, choices, ticks, text), the bad one marked with its error beside it; a number the form cannot read is
/// refused as typed rather than taken as missing or left out.
/// </summary>
public sealed partial class OffsetsFormsPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private const string SubmitUrl = "/Offsets/Submit";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly KeyValuePair<string, string>[] WindProject =
    [
        new("Input.Programme", "CCER"), new("Input.Account", "GD-HOLD-POWER"), new("Input.Title", "阳江风电场（表单测试）"),
        new("Input.Methodology", "CM-001-V02"), new("Input.Category", "Wind"), new("Input.Province", "GD"), new("Input.City", "阳江市"),
        new("Input.CreditingStart", "2020-01-01"), new("Input.CreditingEnd", "2029-12-31"), new("Input.ExpectedPerYear", "15000"),
        new("Input.GasSharePercent", "100"),
    ];

    [Fact]
    public async Task Submit_OneBadField_ShowsEveryFieldAsTypedAndMarksTheBadOne()
    {
        var page = await PageSession.SignInAsync(server, "power-a");

        var result = await page.PostAsync(new PageForm("project", "power-a", SubmitUrl, "Input.CreditingEnd",
        [
            new("Input.Programme", "PHCER"), new("Input.Account", "GD-HOLD-POWER"), new("Input.Title", "梅州光伏（表单测试）"),
            new("Input.Methodology", "GD-PH-PV-V01"), new("Input.SectoralScope", "能源"), new("Input.Category", "Solar"),
            new("Input.Province", "GD"), new("Input.City", "梅州市"), new("Input.County", "大埔县"), new("Input.Latitude", "24.35"),
            new("Input.Longitude", "116.7"), new("Input.Boundary", "24.3,116.7; 24.3,116.8; 24.4,116.8"),
            new("Input.CreditingStart", "2020-01-01"), new("Input.ExpectedPerYear", "8000"), new("Input.GasSharePercent", "55.5"),
            new("Input.DesignatedArea", "true"),
        ]), "2029-13-01");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("PHCER", Selected(result.Body, "programme"));
        Assert.Equal("GD-HOLD-POWER", Selected(result.Body, "account"));
        Assert.Equal("GD-PH-PV-V01", Selected(result.Body, "methodology"));
        Assert.Equal("Solar", Selected(result.Body, "category"));
        Assert.Equal("GD", Selected(result.Body, "province"));
        Assert.Equal("梅州光伏（表单测试）", Value(result.Body, "title"));
        Assert.Equal("能源", Value(result.Body, "scope"));
        Assert.Equal("大埔县", Value(result.Body, "county"));
        Assert.Equal("24.35", Value(result.Body, "latitude"));
        Assert.Equal("116.7", Value(result.Body, "longitude"));
        Assert.Equal("24.3,116.7; 24.3,116.8; 24.4,116.8", TextArea(result.Body, "boundary"));
        Assert.Equal("2020-01-01", Value(result.Body, "crediting-start"));
        Assert.Equal("2029-13-01", Value(result.Body, "crediting-end"));
        Assert.Equal("8000", Value(result.Body, "expected"));
        Assert.Equal("55.5", Value(result.Body, "gas-share"));
        Assert.False(Checked(result.Body, "pre-cdm"));
        Assert.True(Checked(result.Body, "designated-area"));
        Assert.True(Marked(result.Body, "crediting-end"), "the bad field is marked invalid and described by its error");
        Assert.StartsWith("计入期结束", FieldError(result.Body, "crediting-end"), StringComparison.Ordinal);
        Assert.False(Marked(result.Body, "crediting-start"));
        Assert.Contains("id=\"submit-error\"", result.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_FirstVisit_OffersAFullGasShare()
    {
        using var owner = await server.SignedInAsync("power-a");

        var body = WebUtility.HtmlDecode(await owner.GetStringAsync(SubmitUrl, Ct));

        Assert.Equal("100", Value(body, "gas-share"));
        Assert.Null(Selected(body, "programme"));
        var form = Regex.Match(body, "<form [^>]*id=\"project-form\">.*?</form>", RegexOptions.Singleline).Value;
        Assert.DoesNotContain("class=\"\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Programmes_InEnglish_AreNamedInEnglish_AndInChineseAsTheirRulesWriteThem()
    {
        using var chinese = await server.SignedInAsync("power-a");
        using var english = await server.SignedInAsync("power-a");
        (await english.GetAsync("/lang/en?returnUrl=%2F", Ct)).Dispose();

        var zh = WebUtility.HtmlDecode(await chinese.GetStringAsync(SubmitUrl, Ct));
        var en = WebUtility.HtmlDecode(await english.GetStringAsync(SubmitUrl, Ct));
        var register = WebUtility.HtmlDecode(await english.GetStringAsync("/Offsets", Ct));

        Assert.Contains("<option value=\"CCER\">国家核证自愿减排量（CCER）</option>", zh, StringComparison.Ordinal);
        Assert.Contains("<option value=\"FFCER\">Fujian Forestry Certified Emission Reductions (FFCER)</option>", en, StringComparison.Ordinal);
        Assert.Contains("<td>Guangdong Carbon Inclusion Certified Emission Reductions (PHCER)</td>", register, StringComparison.Ordinal);
        Assert.DoesNotContain("国家核证自愿减排量", en + register, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WithoutAWorkbook_LeavesTheProjectFormAsOffered()
    {
        var page = await PageSession.SignInAsync(server, "power-a");

        var result = await page.PostAsync(new PageForm("import", "power-a", SubmitUrl + "?handler=Import", "Workbook", []), null);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("id=\"submit-error\"", result.Body, StringComparison.Ordinal);
        Assert.Equal("100", Value(result.Body, "gas-share"));
        Assert.DoesNotContain("aria-invalid", result.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Input.Latitude", "latitude", "abc", "纬度")]
    [InlineData("Input.ExpectedPerYear", "expected", "１００", "年预计减排量")]
    [InlineData("Input.GasSharePercent", "gas-share", "1e30", "CO2 与 CH4")]
    public async Task Submit_UnreadableNumber_IsRefusedAsTypedAndNothingIsFiled(string field, string id, string typed, string label)
    {
        var page = await PageSession.SignInAsync(server, "power-a");
        var form = new PageForm("project", "power-a", SubmitUrl, field, [.. WindProject.Where(f => f.Key != field), new("Input.Longitude", "111.98")]);

        var result = await page.PostAsync(form, typed);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal(typed, Value(result.Body, id));
        Assert.True(Marked(result.Body, id));
        Assert.Contains($"“{typed}”", FieldError(result.Body, id), StringComparison.Ordinal);
        Assert.StartsWith(label, FieldError(result.Body, id), StringComparison.Ordinal);
        Assert.Equal("阳江风电场（表单测试）", Value(result.Body, "title"));
    }

    // The start tag of the element with this id.
    private static string Tag(string body, string id)
    {
        var match = Regex.Match(body, $"<(input|select|textarea)\\b[^>]*\\bid=\"{Regex.Escape(id)}\"[^>]*>");
        Assert.True(match.Success, $"no field #{id}");
        return match.Value;
    }

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    // The start tag of the field named so (in a form whose fields have no id).
    private static string Named(string form, string name)
    {
        var match = Regex.Match(form, $"<(input|select|textarea) name=\"{Regex.Escape(name)}\"[^>]*>");
        Assert.True(match.Success, $"no field {name}");
        return match.Value;
    }

    private static string? Value(string body, string id) => Attribute(Tag(body, id), "value");

    private static bool Checked(string body, string id) => Regex.IsMatch(Tag(body, id), "\\schecked(=|\\s|/|>)");

    private static string TextArea(string body, string id) =>
        Regex.Match(body, $"<textarea\\b[^>]*\\bid=\"{Regex.Escape(id)}\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline).Groups[1].Value;

    // The value of the select's chosen option, or null when none is marked selected.
    private static string? Selected(string body, string id)
    {
        var select = Regex.Match(body, $"<select\\b[^>]*\\bid=\"{Regex.Escape(id)}\"[^>]*>(.*?)</select>", RegexOptions.Singleline);
        Assert.True(select.Success, $"no select #{id}");
        var chosen = Regex.Matches(select.Groups[1].Value, "<option\\b[^>]*>").Where(o => Regex.IsMatch(o.Value, "\\sselected(=|\\s|>)")).ToList();
        return chosen.Count == 0 ? null : Attribute(Assert.Single(chosen).Value, "value");
    }

    // Marked as the registry pages mark a bad field: invalid, and described by its error beside it.
    private static bool Marked(string body, string id)
    {
        var tag = Tag(body, id);
        return (Attribute(tag, "class") ?? "").Split(' ').Contains("invalid") && Attribute(tag, "aria-invalid") == "true"
            && Attribute(tag, "aria-describedby") == $"{id}-error";
    }

    private static string FieldError(string body, string id) =>
        Regex.Match(body, $"<span class=\"field-error\" id=\"{Regex.Escape(id)}-error\">([^<]*)</span>").Groups[1].Value;
}
