using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

// The exchange's pages as a browser posts and reads them.
public sealed class ExchangePageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OrderForm_RefusedPrice_KeepsEveryTypedValueIncludingTheOrderType()
    {
        var session = await PageSession.SignInAsync(server, "power-a");
        var form = new PageForm("order", "power-a", "/Exchange?handler=Place", "IdempotencyKey",
        [
            new("Instrument", "GDEA-2017"), new("Side", "sell"), new("Type", "ioc"), new("Price", "16.005"), new("Quantity", "300"),
        ]);

        var shown = await session.PostAsync(form, PageSession.NewKey());

        Assert.Equal(HttpStatusCode.OK, shown.Status);
        var type = Regex.Match(shown.Body, "<select name=\"Type\" id=\"order-type\">.*?</select>", RegexOptions.Singleline).Value;
        Assert.Matches("<option value=\"ioc\" selected=\"selected\">", type);
        Assert.DoesNotMatch("<option value=\"limit\" selected", type);
        Assert.Contains("<option value=\"sell\" selected=\"selected\">", shown.Body, StringComparison.Ordinal);
        Assert.Contains("id=\"order-price\" type=\"number\" step=\"0.01\" min=\"0.01\" value=\"16.005\"", shown.Body, StringComparison.Ordinal);
        Assert.Contains("id=\"order-quantity\" type=\"number\" step=\"1\" min=\"1\" value=\"300\"", shown.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyOrders_AnOrderTradedInPart_SaysSoAndCountsWhatWasCancelled()
    {
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");
        var sell = await OrderAsync(power, new { instrument = "GDEA-2017", side = "sell", type = "limit", price = 16.52m, quantity = 1000, idempotencyKey = "part-sell" });
        await OrderAsync(cement, new { instrument = "GDEA-2017", side = "buy", type = "limit", price = 16.52m, quantity = 400, idempotencyKey = "part-buy" });

        var open = Row(await power.GetStringAsync(new Uri("/Exchange", UriKind.Relative), Ct), sell);
        using var cancel = await power.PostAsJsonAsync($"/api/v1/exchange/orders/{sell}/cancel", new { }, Ct);
        var cancelled = Row(await power.GetStringAsync(new Uri("/Exchange", UriKind.Relative), Ct), sell);

        // Filled 400, resting 600, cancelled 0: 部分成交; after the cancel, 400 / 0 / 600: 部分成交后撤单.
        Assert.Equal(["1000", "400", "600", "0"], Cells(open));
        Assert.Contains("<td class=\"order-state\">部分成交</td>", open, StringComparison.Ordinal);
        Assert.True(cancel.IsSuccessStatusCode);
        Assert.Equal(["1000", "400", "0", "600"], Cells(cancelled));
        Assert.Contains("<td class=\"order-state\">部分成交后撤单</td>", cancelled, StringComparison.Ordinal);
    }

    private static async Task<long> OrderAsync(HttpClient client, object order)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/exchange/orders", order, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("order").GetProperty("id").GetInt64();
    }

    // The row of order `id` in 我的委托.
    private static string Row(string page, long id) =>
        Regex.Match(page, $"<tr class=\"order\" data-order=\"{id}\">.*?</tr>", RegexOptions.Singleline).Value;

    // Its quantity, filled, resting and cancelled cells.
    private static string[] Cells(string row) =>
        [.. Regex.Matches(row, "<td class=\"num\">([0-9]+)</td>").Select(m => m.Groups[1].Value)];

    [Theory]
    [InlineData("regulator")]
    [InlineData("auditor")]
    public async Task AuctionsPage_ForASupervisor_ShowsTheAuctionsReadOnly(string user)
    {
        using var power = await server.SignedInAsync("power-a");
        using var announced = await power.PostAsJsonAsync("/api/v1/exchange/auctions", new
        {
            instrument = "GDEA-2017", quantity = 100, reservePrice = 16.00m,
            closes = server.Clock.GetUtcNow().AddHours(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture), idempotencyKey = "supervisor-" + user,
        }, Ct);
        Assert.True(announced.IsSuccessStatusCode, await announced.Content.ReadAsStringAsync(Ct));
        using var supervisor = await server.SignedInAsync(user);

        using var response = await supervisor.GetAsync(new Uri("/Exchange/Auctions", UriKind.Relative), Ct);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"auctions-readonly\"", page, StringComparison.Ordinal);
        Assert.Contains("GDEA-2017", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"auction-form\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("auction-bid-form", page, StringComparison.Ordinal);
        Assert.Contains("id=\"nav-exchange\"", page, StringComparison.Ordinal);
    }
}
