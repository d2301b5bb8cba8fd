using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

// Carbon inclusion's forms and public page as a browser posts and reads them, in Chinese: each refusal names its field and
// its rule, and a withheld figure is never shown as a number.
public sealed class InclusionFormsPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("-5", "数量：须为 ≥ 0 的数字")]
    [InlineData("abc", "数量：“abc”不是数字")]
    [InlineData("", "数量：此项必填。")]
    // A kilometre is counted to the metre: before, the refusal spoke of tonnes (吨数最多保留 3 位小数).
    [InlineData("5.12345", "数量：最多保留 3 位小数（公里精确到 1 米，千瓦时精确到 1 瓦时）")]
    public async Task RecordForm_BadQuantity_NamesTheFieldAndItsRule(string quantity, string expected)
    {
        var citizen = await PageSession.SignInAsync(server, "citizen");
        var at = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

        var shown = await citizen.PostAsync(new PageForm("record", "citizen", "/Inclusion/Me?handler=Record", "EventId",
            [new("Programme", "shenzhen-tanpuhui"), new("Behaviour", "bus"), new("Quantity", quantity), new("Minutes", ""), new("OccurredAt", at)]),
            "web-" + Guid.NewGuid().ToString("N"));

        Assert.Contains(expected, WebUtility.HtmlDecode(shown.Body), StringComparison.Ordinal);
        Assert.DoesNotContain("未计入：此项必填", shown.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordForm_MinutesNotANumber_IsRefusedNotCountedWithoutADuration()
    {
        var citizen = await PageSession.SignInAsync(server, "citizen");
        var at = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

        var shown = await citizen.PostAsync(new PageForm("record", "citizen", "/Inclusion/Me?handler=Record", "EventId",
            [new("Programme", "shenzhen-tanpuhui"), new("Behaviour", "bus"), new("Quantity", "5"), new("Minutes", "abc"), new("OccurredAt", at)]),
            "web-" + Guid.NewGuid().ToString("N"));

        var page = WebUtility.HtmlDecode(shown.Body);
        Assert.Contains("用时（分钟）：“abc”不是数字", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"recorded", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MePage_ARefusedActionIsListedAsNotCountedWithItsReasonNotAsZero()
    {
        var citizen = await PageSession.SignInAsync(server, "citizen");
        var at = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

        var shown = await citizen.PostAsync(new PageForm("record", "citizen", "/Inclusion/Me?handler=Record", "EventId",
            [new("Programme", "fuzhou-lvbao"), new("Behaviour", "metro"), new("Quantity", "10"), new("Minutes", "20"), new("OccurredAt", at)]),
            "web-" + Guid.NewGuid().ToString("N"));

        var recent = System.Text.RegularExpressions.Regex.Match(shown.Body, "<table class=\"registry\" id=\"recent\">.*?</table>",
            System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("<tr class=\"refused\">", recent, StringComparison.Ordinal);
        Assert.Contains("未计入：不予奖励的行为", recent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordForm_GuangzhouMetroOf10_IsRefusedAsTripsNotKm_AndATripLeftEmptyCounts515Point5GShownAsOneTrip()
    {
        var citizen = await PageSession.SignInAsync(server, "citizen");
        // Two days ago: yesterday's metro row is the coin-cap test's, on the same citizen.
        var before = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Date.AddDays(-2);
        Task<PostResult> Ride(string quantity, int hour) => citizen.PostAsync(new PageForm("record", "citizen", "/Inclusion/Me?handler=Record", "EventId",
            [new("Programme", "guangdong-tanpuhui"), new("Behaviour", "metro"), new("Quantity", quantity), new("Minutes", "1"),
                new("OccurredAt", before.AddHours(hour).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture))]),
            "web-" + Guid.NewGuid().ToString("N"));

        var tenKm = WebUtility.HtmlDecode((await Ride("10", 6)).Body);
        var oneTrip = WebUtility.HtmlDecode((await Ride("", 7)).Body);

        Assert.Contains("数量：该方法学按次计算地铁出行：每条记录为一次出行，数量为 1（可不填），不是公里数", tenKm, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"recorded-grams\"", tenKm, StringComparison.Ordinal);
        Assert.Contains("<strong id=\"recorded-grams\">515.5</strong>", oneTrip, StringComparison.Ordinal);
        Assert.Contains("地铁出行 <span class=\"recent-quantity nowrap\">1 次出行</span>", oneTrip, StringComparison.Ordinal);
        Assert.Contains("<option value=\"metro\" data-unit=\"trips\"", oneTrip, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordForm_ElectricityReadingForTheDayBeforeACountedReading_IsRefusedNamingTheLatestDayInChinese()
    {
        var citizen = await PageSession.SignInAsync(server, "citizen");
        // Five and six days back: days no other test of the class records electricity on.
        var fifth = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Date.AddDays(-5);
        Task<PostResult> Reading(DateTime day) => citizen.PostAsync(new PageForm("record", "citizen", "/Inclusion/Me?handler=Record", "EventId",
            [new("Programme", "shenzhen-tanpuhui"), new("Behaviour", "electricity"), new("Quantity", "2"),
                new("OccurredAt", day.AddHours(23).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture))]),
            "web-" + Guid.NewGuid().ToString("N"));
        string Day(DateTime day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var counted = WebUtility.HtmlDecode((await Reading(fifth)).Body);
        var late = WebUtility.HtmlDecode((await Reading(fifth.AddDays(-1))).Body);

        Assert.Contains("<strong id=\"recorded-grams\">399.21</strong>", counted, StringComparison.Ordinal);
        Assert.Contains($"时间：已记录至 {Day(fifth)} 的读数：{Day(fifth.AddDays(-1))} 的读数会改变其后已计入日期的自身 7 日均值", late, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"recorded-grams\"", late, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordForm_RidesPastTheDailyCoinCap_SayHowManyCoinsTheCapCut()
    {
        var citizen = await PageSession.SignInAsync(server, "citizen");
        var yesterday = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Date.AddDays(-1);
        string? cut = null;
        var page = "";

        // 20 km metro rides an hour apart, until the day's 50-coin cap cuts one.
        for (var ride = 0; ride < 12 && cut is null; ride++)
        {
            var at = yesterday.AddHours(7 + ride).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
            var shown = await citizen.PostAsync(new PageForm("record", "citizen", "/Inclusion/Me?handler=Record", "EventId",
                [new("Programme", "shenzhen-tanpuhui"), new("Behaviour", "metro"), new("Quantity", "20"), new("Minutes", "40"), new("OccurredAt", at)]),
                "web-" + Guid.NewGuid().ToString("N"));
            page = WebUtility.HtmlDecode(shown.Body);
            var match = System.Text.RegularExpressions.Regex.Match(page, "id=\"recorded-cut\">([^<]*)<");
            cut = match.Success ? match.Groups[1].Value : null;
        }

        Assert.NotNull(cut);
        Assert.Matches("^另有 [0-9]+ 个碳币未发放：每人每天最多发放 50 个碳币", cut);
        // The day's metro row keeps what the cap cut, at least this ride's.
        var thisRide = int.Parse(System.Text.RegularExpressions.Regex.Match(cut, "[0-9]+").Value, System.Globalization.CultureInfo.InvariantCulture);
        var row = System.Text.RegularExpressions.Regex.Match(page,
            "<tr class=\"daily-row\" data-behaviour=\"metro\"[^>]*><td class=\"nowrap\"><time datetime=\""
            + yesterday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "\">.*?</tr>",
            System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        var kept = System.Text.RegularExpressions.Regex.Match(row, "<span class=\"daily-cut\">因上限少得 ([0-9]+) 个碳币</span>");
        Assert.True(kept.Success, row);
        Assert.True(int.Parse(kept.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= thisRide, row);
    }

    [Fact]
    public async Task PrivacyPage_ShowsTheNicknameAndContactAndTheCitizenCorrectsThem()
    {
        using var anonymous = server.CreateClient();
        using var signedUp = await anonymous.PostAsJsonAsync("/api/v1/inclusion/signup",
            new { password = "correct-me-2026", consentVersion = "2026-11", agree = true, nickname = "小林", contact = "13800138000" }, Ct);
        var user = (await signedUp.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("userName").GetString()!;
        using var client = await server.SignedInAsync(user, "correct-me-2026");
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct);
        var token = ServerFactory.AntiforgeryToken(home);
        async Task<string> CorrectAsync(string nickname, string contact)
        {
            using var form = new FormUrlEncodedContent([new("Nickname", nickname), new("Contact", contact), new("__RequestVerificationToken", token)]);
            using var response = await client.PostAsync(new Uri("/Inclusion/Privacy?handler=Correct", UriKind.Relative), form, Ct);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        }

        var shown = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/Inclusion/Privacy", UriKind.Relative), Ct));
        var refused = await CorrectAsync("林同学", "not-a-phone");
        var corrected = await CorrectAsync("林同学", "lin@example.cn");
        var copy = await client.GetStringAsync(new Uri("/Inclusion/Privacy?handler=Export&format=json", UriKind.Relative), Ct);

        Assert.Matches("id=\"profile-nickname\"[^>]*value=\"小林\"", shown);
        Assert.Matches("id=\"profile-contact\"[^>]*value=\"13800138000\"", shown);
        Assert.Matches("id=\"profile-contact\"[^>]*/></label>\\s*<span class=\"field-error\">", refused);
        Assert.Matches("id=\"profile-contact\"[^>]*value=\"not-a-phone\"", refused);
        Assert.DoesNotContain("id=\"profile-corrected\"", refused, StringComparison.Ordinal);
        Assert.Contains("id=\"profile-corrected\"", corrected, StringComparison.Ordinal);
        Assert.Matches("id=\"profile-contact\"[^>]*value=\"lin@example.cn\"", corrected);
        Assert.Contains("\"contact\":\"lin@example.cn\"", copy, StringComparison.Ordinal);
        Assert.Contains("\"nickname\":\"林同学\"", copy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrivacyAndRequestsExport_AFormatThereIsNot_IsNamedAsTypedBesideTheLinks_AndNoFileIsSent()
    {
        using var citizen = await server.SignedInAsync("citizen-gz");
        using var regulator = await server.SignedInAsync("regulator");

        using var own = await citizen.GetAsync(new Uri("/Inclusion/Privacy?handler=Export&format=foo", UriKind.Relative), Ct);
        using var asked = await regulator.GetAsync(new Uri("/Inclusion/Requests?handler=Export&format=csv&UserName=citizen-gz", UriKind.Relative), Ct);
        using var xlsx = await citizen.GetAsync(new Uri("/Inclusion/Privacy?handler=Export&format=XLSX", UriKind.Relative), Ct);
        using var plain = await citizen.GetAsync(new Uri("/Inclusion/Privacy?handler=Export", UriKind.Relative), Ct);
        var ownPage = WebUtility.HtmlDecode(await own.Content.ReadAsStringAsync(Ct));
        var askedPage = WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync(Ct));

        Assert.Equal("text/html", own.Content.Headers.ContentType?.MediaType);
        Assert.Null(own.Content.Headers.ContentDisposition);
        Assert.Contains("<span class=\"field-error\" id=\"export-format-error\">格式：“foo”不是可选的格式，可选：json, xlsx；现显示：本页（未下载文件）</span>",
            ownPage, StringComparison.Ordinal);
        Assert.Contains("id=\"export-json\"", ownPage, StringComparison.Ordinal);
        Assert.Equal("text/html", asked.Content.Headers.ContentType?.MediaType);
        Assert.Contains("格式：“csv”不是可选的格式，可选：json, xlsx", askedPage, StringComparison.Ordinal);
        Assert.Contains("id=\"citizen-user\">citizen-gz</h2>", askedPage, StringComparison.Ordinal);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("application/json", plain.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ProgrammePage_ByTheCodeTheTotalsUse_ShowsTheVersionInForce()
    {
        using var anonymous = server.CreateClient();

        using var page = await anonymous.GetAsync(new Uri("/Inclusion/Programme?id=shenzhen-tanpuhui", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("深圳", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProgrammePage_InEnglish_CountsOneCoinAndSeveralCoins()
    {
        using var english = server.CreateClient();
        (await english.GetAsync(new Uri("/lang/en?returnUrl=%2F", UriKind.Relative), Ct)).Dispose();

        // Fuzhou 2018 pays 1 coin a bus ride and 5 an online hospital booking.
        var page = WebUtility.HtmlDecode(await english.GetStringAsync(new Uri("/Inclusion/Programme?id=fuzhou-lvbao-2018", UriKind.Relative), Ct));

        Assert.Contains("per action — 1 coin ", page, StringComparison.Ordinal);
        Assert.Contains("per action — 5 coins ", page, StringComparison.Ordinal);
        Assert.DoesNotContain("1 coins", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shenzhen-tanpuhui", "https://www.citysz.net/guonei/2022/0923/2022107136.html")]
    [InlineData("fuzhou-lvbao-2024", "http://www.xiaoshuotop.com/html/636b398376.html")]
    public async Task ProgrammePage_CitesItsSourcesAsLinksAndNoProjectFile(string programme, string address)
    {
        using var anonymous = server.CreateClient();

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri($"/Inclusion/Programme?id={programme}", UriKind.Relative), Ct));

        Assert.Contains($"<a href=\"{address}\" class=\"source-link\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("cards A", page, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"[\w-]+\.md\b", page);
    }

    [Fact]
    public async Task PartnerKeyForABehaviourTheProgrammeDoesNotReward_IsRefusedWithTheRule()
    {
        var regulator = await PageSession.SignInAsync(server, "regulator");
        using var api = await server.SignedInAsync("regulator");

        var page = await regulator.PostAsync(new PageForm("issue", "regulator", "/Inclusion/Partners?handler=Issue", "",
            [new("Name", "QA 公交"), new("Programme", "shenzhen-tanpuhui"), new("Behaviours", "bike"), new("PublicKey", "")]), null);
        using var refused = await api.PostAsJsonAsync("/api/v1/inclusion/partners",
            new { name = "QA 公交", programme = "shenzhen-tanpuhui", behaviours = "metro, bike" }, Ct);
        using var issued = await api.PostAsJsonAsync("/api/v1/inclusion/partners",
            new { name = "QA 地铁", programme = "shenzhen-tanpuhui", behaviours = "metro" }, Ct);

        Assert.Contains("行为：该方案不奖励此行为", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"issued-key\"", page.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("NotRewarded", problem.GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
    }

    [Fact]
    public async Task TotalsPage_DonationsOfFewerThanTheMinimumGroup_ShowTheWithheldMarkerNotZero()
    {
        using var citizen = await server.SignedInAsync("citizen-sz");
        (await citizen.PostAsJsonAsync("/api/v1/inclusion/donations",
            new { programme = "shenzhen-tanpuhui", cause = "tree-planting", coins = 7, idempotencyKey = "totals-donation" }, Ct)).EnsureSuccessStatusCode();
        using var anonymous = server.CreateClient();

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri("/Inclusion/Totals?Id=shenzhen-tanpuhui", UriKind.Relative), Ct));

        Assert.Matches("id=\"totals-donated\">少于 5 人，不公开<", page);
    }
}
