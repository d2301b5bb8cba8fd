using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OpenEts.Application.Storage;
using OpenEts.Server.Pages.Audit;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>The audit log names each entry's kind in the reader's language and lists its payload as labelled fields.</summary>
public sealed partial class AuditPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("zh-CN", 1234, "转移申请", "转出账户", "转入账户", "数量", "1,234 吨")]
    [InlineData("en", 1235, "Transfer proposed", "From account", "To account", "Quantity", "1,235 t")]
    public async Task Index_ATransferProposed_ShowsItsNameQuantityAndAccountsWithTheRawJsonInDetails(string language, int units, string name,
        string fromLabel, string toLabel, string quantityLabel, string quantity)
    {
        using var powerA = await server.SignedInAsync("power-a");
        using var proposed = await powerA.PostAsJsonAsync("/api/v1/registry/transfers", new
        {
            from = "GD-HOLD-POWER", to = "GD-HOLD-CEMENT", @class = "GDEA-2017", quantity = units, idempotencyKey = "audit-words-" + language,
        }, Ct);
        using var regulator = await server.SignedInAsync("regulator");
        regulator.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3D" + language + "%7Cuic%3D" + language);

        var page = WebUtility.HtmlDecode(await regulator.GetStringAsync("/Audit?kind=registry.transfer.proposed", Ct));

        Assert.Equal(HttpStatusCode.OK, proposed.StatusCode);
        var row = Assert.Single(Rows().Matches(page).Select(m => m.Value), r => r.Contains($"\"quantity\":{units}", StringComparison.Ordinal));
        var fields = Fields().Matches(row).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim());
        Assert.Contains(name, Regex.Replace(row, "<[^>]+>", " "), StringComparison.Ordinal);
        Assert.Contains("<code class=\"muted\" title=\"registry.transfer.proposed\">registry.transfer.proposed</code>", row, StringComparison.Ordinal);
        Assert.Equal("GD-HOLD-POWER", fields[fromLabel]);
        Assert.Equal("GD-HOLD-CEMENT", fields[toLabel]);
        Assert.Equal(quantity, fields[quantityLabel]);
        Assert.Matches("<details><summary>[^<]+</summary><pre class=\"mono wrap\">\\{\"type\":\"registry.transfer.proposed\".*\"quantity\":" + units, row);
        Assert.All(Rows().Matches(page), m => Assert.Contains("title=\"registry.transfer.proposed\"", m.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Index_EveryFieldTheDemosEntriesShow_IsLabelledInChineseAndEnglish()
    {
        // A server of its own, read before any request: the demo's entries only, whatever other tests journal.
        using var fresh = new ServerFactory();
        using var client = fresh.CreateClient();
        await client.GetStringAsync("/", Ct);
        var entries = await fresh.Services.GetRequiredService<IStore>().ReadAsync(s => s.Journal.PageAsync(new JournalFilter(), 0, 100_000), Ct);

        var unlabelled = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var culture in new[] { CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("en") })
        {
            var before = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = culture;
            try
            {
                foreach (var entry in entries)
                {
                    // A field is labelled by its own words, after its parent's (外层 · 字段); a name in lower camel case shown
                    // as it is written has no label. Capitalised names are codes (a refusal's rule), named by their parent.
                    foreach (var field in AuditWords.Fields(entry.Kind, entry.Payload))
                    {
                        if (char.IsAsciiLetterLower(field.Name[0]) && field.Label.Split(" · ")[^1] == field.Name)
                        {
                            unlabelled.Add($"{(culture.Name.Length == 0 ? "zh" : culture.Name)} {entry.Kind} {field.Name}");
                        }
                    }
                }
            }
            finally
            {
                CultureInfo.CurrentUICulture = before;
            }
        }

        Assert.True(entries.Count > 500, $"the demo journals {entries.Count} entries");
        Assert.Empty(unlabelled);
    }

    [Fact]
    public async Task Index_TheKindFilter_IsAListOfNamedKindsGroupedByModule()
    {
        using var regulator = await server.SignedInAsync("regulator");

        var page = WebUtility.HtmlDecode(await regulator.GetStringAsync("/Audit?kind=cash.deposited", Ct));

        Assert.DoesNotContain("<input name=\"kind\"", page, StringComparison.Ordinal);
        Assert.Matches("<optgroup label=\"注册登记\">\\s*<option value=\"registry.initialised\">注册登记初始化</option>", page);
        Assert.Matches("<optgroup label=\"资金\">\\s*<option value=\"cash.deposited\" selected=\"selected\">入金</option>", page);
        Assert.Contains("<option value=\"exchange.order.placed\">委托下单</option>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_AReturnedMrvReport_ShowsTheStatusItWasReturnedFromByNameWithItsCode()
    {
        using var paper = await server.SignedInAsync("paper-a");
        using var regulator = await server.SignedInAsync("regulator");
        using var auditor = await server.SignedInAsync("auditor");
        using var saved = await paper.PostAsJsonAsync("/api/v1/mrv/reports", new
        {
            year = 2036,
            lines = new[] { new { id = "L1", kind = "fuelCombustion", material = "raw-coal", amount = 100m, unit = "tonne" } },
            outputs = new[] { new { kind = "paper", amount = 200m, unit = "t", detail = "coated" } },
        }, Ct);
        var report = (await saved.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("report").GetInt64();
        using var submitted = await paper.PostAsync($"/api/v1/mrv/reports/{report}/submit", null, Ct);
        using var returned = await regulator.PostAsJsonAsync($"/api/v1/mrv/reports/{report}/return", new { comments = "请补充燃煤化验记录" }, Ct);
        regulator.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");

        var chinese = FieldsOf(await auditor.GetStringAsync("/Audit?kind=mrv.report.returned", Ct), $"\"report\":{report},");
        var english = FieldsOf(await regulator.GetStringAsync("/Audit?kind=mrv.report.returned", Ct), $"\"report\":{report},");

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        Assert.Equal("已提交 (Submitted)", chinese["退回时状态"]);
        Assert.Equal("请补充燃煤化验记录", chinese["意见"]);
        Assert.Equal("Submitted", english["Status when returned"]);
    }

    [Theory]
    [InlineData("zh-CN", "inclusion.coins.redeemed", "\"item\":\"movie-ticket\"", "商品", "电影票一张 (movie-ticket)")]
    [InlineData("en", "inclusion.coins.redeemed", "\"item\":\"movie-ticket\"", "Item", "电影票一张 (movie-ticket)")]
    [InlineData("zh-CN", "inclusion.coins.donated", "\"cause\":\"tree-planting\"", "公益项目", "植树造林（公益项目） (tree-planting)")]
    [InlineData("zh-CN", "inclusion.merchant.registered", "\"items\":[\"metro-discount\"]", "接受的兑换项目", "地铁乘车优惠券（2 元） (metro-discount)")]
    [InlineData("en", "inclusion.merchant.registered", "\"items\":[\"movie-ticket\"]", "Items honoured", "电影票一张 (movie-ticket)")]
    [InlineData("zh-CN", "offsets.report.submitted", "\"species\":\"chinese-fir\"", "林业碳汇 · 树种", "杉木 (chinese-fir)")]
    [InlineData("en", "offsets.report.submitted", "\"species\":\"chinese-fir\"", "Forestry sink · Species", "杉木 (chinese-fir)")]
    public async Task Index_TheDemosRedemptionsDonationsMerchantsAndForestryReports_NameTheirCodesFromTheProgrammeData(string language,
        string kind, string rawText, string label, string shown)
    {
        using var regulator = await server.SignedInAsync("regulator");
        regulator.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3D" + language + "%7Cuic%3D" + language);

        var page = await regulator.GetStringAsync("/Audit?kind=" + kind, Ct);

        AssertEveryRowShows(page, rawText, label, shown);
    }

    [Theory]
    [InlineData("zh-CN", "地区", "广东 (guangdong)")]
    [InlineData("en", "Region", "Guangdong")]
    public async Task Index_TheDemosSavedMrvReports_NameTheirGridRegion(string language, string label, string shown)
    {
        using var regulator = await server.SignedInAsync("regulator");
        regulator.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3D" + language + "%7Cuic%3D" + language);

        var page = await regulator.GetStringAsync("/Audit?kind=mrv.report.saved", Ct);

        AssertEveryRowShows(page, "\"region\":\"guangdong\"", label, shown);
    }

    [Fact]
    public async Task Index_AViolationRecordedFromMonitoring_ShowsTheProposedCardsTriggerAsTheCardsPagesDo()
    {
        using var auditor = await server.SignedInAsync("auditor");

        var fields = FieldsOf(await auditor.GetStringAsync("/Audit?kind=cards.violation.recorded", Ct), "\"monitoring\":\"ZJ-SO2\"");

        Assert.Equal("黄牌 (Yellow)", fields["提出的牌 · 牌色"]);
        Assert.Equal("Tianjin: 超标排放 → 黄牌 (ahhrtd.cn, §C) [confirmed]", fields["提出的牌 · 依据"]);
    }

    // Some rows' raw JSON holds the text given, and each of them shows the field labelled so as given.
    private static void AssertEveryRowShows(string html, string rawText, string label, string shown)
    {
        var page = WebUtility.HtmlDecode(html);
        var rows = Rows().Matches(page).Select(m => m.Value).Where(r => r.Contains(rawText, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(shown, Fields().Matches(r).Single(m => m.Groups[1].Value == label).Groups[2].Value.Trim()));
    }

    // The labelled fields of the one row whose raw JSON holds the text given.
    private static Dictionary<string, string> FieldsOf(string html, string rawText)
    {
        var page = WebUtility.HtmlDecode(html);
        var row = Assert.Single(Rows().Matches(page).Select(m => m.Value), r => r.Contains(rawText, StringComparison.Ordinal));
        return Fields().Matches(row).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim());
    }

    [GeneratedRegex("<tr><td>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Rows();

    [GeneratedRegex("<dt>([^<]*)</dt><dd data-field=\"[^\"]*\">([^<]*)</dd>")]
    private static partial Regex Fields();
}
