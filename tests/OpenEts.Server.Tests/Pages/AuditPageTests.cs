using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
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
    public async Task Index_TheKindFilter_IsAListOfNamedKindsGroupedByModule()
    {
        using var regulator = await server.SignedInAsync("regulator");

        var page = WebUtility.HtmlDecode(await regulator.GetStringAsync("/Audit?kind=cash.deposited", Ct));

        Assert.DoesNotContain("<input name=\"kind\"", page, StringComparison.Ordinal);
        Assert.Matches("<optgroup label=\"注册登记\">\\s*<option value=\"registry.initialised\">注册登记初始化</option>", page);
        Assert.Matches("<optgroup label=\"资金\">\\s*<option value=\"cash.deposited\" selected=\"selected\">入金</option>", page);
        Assert.Contains("<option value=\"exchange.order.placed\">委托下单</option>", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr><td>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Rows();

    [GeneratedRegex("<dt>([^<]*)</dt><dd data-field=\"[^\"]*\">([^<]*)</dd>")]
    private static partial Regex Fields();
}
