using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Tests.Infrastructure;
using OpenEts.Server.Tests.Pages;

namespace OpenEts.Server.Tests.Localization;

// What a user reads when a form, an upload or the API refuses, in Chinese (the default language): the field's label as its
// own module names it, the rule, and the same figures the English message gives; every error a form can find at once.
public sealed partial class ChineseMessagesTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, JsonElement Problem)> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        using var response = await client.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(Ct));
    }

    private static string FirstError(JsonElement problem, string field) => problem.GetProperty("errors").GetProperty(field)[0].GetString()!;

    [Fact]
    public async Task ExchangeOrder_OutsideTheBandOrAboveTheMaximum_StatesTheBandAndTheMaximum()
    {
        using var power = await server.SignedInAsync("power-a");

        var (bandStatus, band) = await SendAsync(power, HttpMethod.Post, "/api/v1/exchange/orders",
            new { instrument = "GDEA-2017", side = "buy", type = "limit", price = 25m, quantity = 100, idempotencyKey = "zh-band" });
        var (_, size) = await SendAsync(power, HttpMethod.Post, "/api/v1/exchange/orders",
            new { instrument = "GDEA-2017", side = "buy", type = "limit", price = 16.09m, quantity = 100_000, idempotencyKey = "zh-size" });

        Assert.Equal(HttpStatusCode.BadRequest, bandStatus);
        Assert.Equal("价格：须在涨跌幅限制 14.49–17.69 元/吨之内（16.09 元的 ±10 %）", FirstError(band, "price"));
        Assert.Equal("数量：单笔申报最多 99999 吨", FirstError(size, "quantity"));
    }

    [Theory]
    [InlineData("abc", "价格：“abc”不是数字")]
    [InlineData("16.005", "价格：元/吨，正数，最多两位小数")]
    public async Task ExchangeOrderForm_PriceNotANumberOrTooPrecise_SaysWhatIsWrongWithThePrice(string price, string expected)
    {
        var session = await PageSession.SignInAsync(server, "power-a");

        var shown = await session.PostAsync(new PageForm("order", "power-a", "/Exchange?handler=Place", "IdempotencyKey",
            [new("Instrument", "GDEA-2017"), new("Side", "sell"), new("Type", "limit"), new("Price", price), new("Quantity", "300")]), PageSession.NewKey());

        Assert.Contains(expected, shown.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("价格：此项必填", shown.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExchangeListing_MinimumTakeAboveTheQuantity_NamesTheMinimumTakeAndItsLimits()
    {
        using var power = await server.SignedInAsync("power-a");

        var (_, problem) = await SendAsync(power, HttpMethod.Post, "/api/v1/exchange/listings",
            new { instrument = "GDEA-2017", side = "sell", price = 16.50m, quantity = 1_000, minimumTake = 2_000, idempotencyKey = "zh-take" });

        Assert.Equal("最小成交量：须为交易单位 1 吨的正整数倍，且不超过挂牌数量 1000 吨", FirstError(problem, "minimumTake"));
    }

    [Fact]
    public async Task InclusionRedemption_BadCode_IsLabelledAsARedemptionCode()
    {
        var merchant = await PageSession.SignInAsync(server, "paper-a");

        var shown = await merchant.PostAsync(new PageForm("confirm", "paper-a", "/Inclusion/Merchants?handler=Confirm", "", [new("Code", "ZZZ")]), null);

        Assert.Contains("兑换码：须为 12 位，只含 0–9 和 A–F", shown.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("统一社会信用代码：", shown.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InclusionTotals_WithoutTheirDays_NameTheDaysNotTransferAccounts()
    {
        using var regulator = await server.SignedInAsync("regulator");

        var (status, problem) = await SendAsync(regulator, HttpMethod.Get, "/api/v1/inclusion/programmes/shenzhen-tanpuhui/totals");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("起始日：此项必填。", FirstError(problem, "from"));
        Assert.Equal("截止日：此项必填。", FirstError(problem, "to"));
        Assert.Equal("请求中有无效字段", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task MrvUpload_ANegativeLineAndANonNumericCell_NamesBothRowsWithTheirRules()
    {
        using var browser = await server.SignedInAsync("cement-a");
        var page = await browser.GetStringAsync(new Uri("/Mrv/Edit?year=2019", UriKind.Relative), Ct);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(TokenPattern().Match(page).Groups[1].Value), "__RequestVerificationToken");
        form.Add(new StringContent("2019"), "Input.Year");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(
            "kind,id,material,amount,unit,measured_mgo\nfuel-combustion,L1,raw-coal,-5,t,\nclinker-oxides,L2,clinker,1000,t,abc\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "two-bad-lines.csv");

        using var response = await browser.PostAsync(new Uri("/Mrv/Edit?handler=Upload", UriKind.Relative), form, Ct);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = FileErrorsList().Match(body).Groups[1].Value;
        var errors = FileErrorPattern().Matches(list).Select(m => Regex.Replace(m.Groups[1].Value, @"\s+", " ").Trim()).ToList();
        Assert.Equal(
        [
            "two-bad-lines.csv · 行 2 · 列 D (amount) · 排放源 L1 的数量为负数（-5），数量不能为负数。",
            "two-bad-lines.csv · 行 3 · 列 F (measured_mgo) · “abc”不是数字",
        ], errors);
    }

    [Fact]
    public async Task Organisation_BadCheckCharacterAndEmptyName_NamesBothWithTheExpectedCharacterAndTheLimit()
    {
        using var regulator = await server.SignedInAsync("regulator");
        const string first17 = "91440000123456789";
        var expected = CreditCode.CheckCharacter(first17);
        var typed = expected == '0' ? '1' : '0';

        var (status, problem) = await SendAsync(regulator, HttpMethod.Post, "/api/v1/organisations",
            new { code = first17 + typed, name = "", sector = "power", region = "广州市" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal($"统一社会信用代码：校验码不正确：第 18 位应为“{expected}”，而不是“{typed}”（GB 32100-2015）。", FirstError(problem, "code"));
        Assert.Equal("名称：长度须为 1–100 个字符。", FirstError(problem, "name"));
    }

    [Fact]
    public async Task SignUp_BadContactAndShortPassword_NamesBothAtOnce()
    {
        using var visitor = server.CreateClient();
        var page = await visitor.GetStringAsync(new Uri("/Inclusion/SignUp", UriKind.Relative), Ct);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value,
            ["Nickname"] = "小林", ["Contact"] = "not-a-contact", ["Password"] = "a", ["ConsentVersion"] = "2026-11", ["Agree"] = "true",
        });

        using var response = await visitor.PostAsync(new Uri("/Inclusion/SignUp", UriKind.Relative), form, Ct);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Contains("联系方式：请填写 11 位手机号或邮箱，或留空", body, StringComparison.Ordinal);
        Assert.Contains("密码：太短：至少 12 个字符。", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignUp_StatesTheRulesBeforeSubmittingAndKeepsTheConsentTickAfterAnError()
    {
        using var visitor = server.CreateClient();
        var page = WebUtility.HtmlDecode(await visitor.GetStringAsync(new Uri("/Inclusion/SignUp", UriKind.Relative), Ct));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value,
            ["Nickname"] = "小林", ["Contact"] = "13800138000", ["Password"] = "short", ["ConsentVersion"] = "2026-11", ["Agree"] = "true",
        });

        using var response = await visitor.PostAsync(new Uri("/Inclusion/SignUp", UriKind.Relative), form, Ct);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Contains("至少 12 个字符，不能是常见密码。", page, StringComparison.Ordinal);
        Assert.Contains("可不填；最多 32 个字符。", page, StringComparison.Ordinal);
        Assert.DoesNotMatch("id=\"signup-agree\"[^>]*checked", page);
        Assert.Contains("密码：太短：至少 12 个字符。", body, StringComparison.Ordinal);
        Assert.Matches("id=\"signup-agree\"[^>]*checked", body);
    }

    [Fact]
    public async Task ApiAnswersTheFrameworkWrites_AreInTheRequestLanguage()
    {
        using var regulator = await server.SignedInAsync("regulator");

        var (missingStatus, missing) = await SendAsync(regulator, HttpMethod.Post, "/api/v1/organisations", new { name = "缺代码公司" });
        var (notFoundStatus, notFound) = await SendAsync(regulator, HttpMethod.Get, "/api/v1/organisations/91350100M000100Y44");

        Assert.Equal(HttpStatusCode.BadRequest, missingStatus);
        Assert.Equal("请求中有无效字段", missing.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, notFoundStatus);
        Assert.Equal(("未找到", "没有该地址或该记录。"), (notFound.GetProperty("title").GetString(), notFound.GetProperty("detail").GetString()));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("""<ul class="plain" id="file-errors">(.*?)</ul>""", RegexOptions.Singleline)]
    private static partial Regex FileErrorsList();

    [GeneratedRegex("<li>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex FileErrorPattern();
}
