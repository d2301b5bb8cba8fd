using System.Net;
using System.Net.Http.Json;
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

    [Theory]
    [InlineData("regulator")]
    [InlineData("auditor")]
    public async Task AuctionsPage_ForASupervisor_ShowsTheAuctionsReadOnly(string user)
    {
        using var power = await server.SignedInAsync("power-a");
        using var announced = await power.PostAsJsonAsync("/api/v1/exchange/auctions", new
        {
            instrument = "GDEA-2017", quantity = 100, reservePrice = 16.00m,
            closes = server.Clock.GetUtcNow().AddHours(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture), idempotencyKey = "b13-" + user,
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
