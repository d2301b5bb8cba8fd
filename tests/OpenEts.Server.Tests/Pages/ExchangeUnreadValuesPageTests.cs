using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

// A value typed in an exchange form that does not read as its number (10.5 for whole tonnes, 1e30 for a price) is refused as
// typed, named by the form's label. Before, the form took it as not given: a listing was posted with the default minimum
// take of 1 t, and an amend kept the order's price while changing its quantity; an unreadable amend quantity was named
// "amendQuantity" on the Chinese page, beside a second message that the quantity was required.
public sealed class ExchangeUnreadValuesPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Listing_MinimumTakeNotAWholeNumber_IsRefusedAsTypedAndNothingIsListed()
    {
        using var power = await server.SignedInAsync("power-a");
        var session = await PageSession.SignInAsync(server, "power-a");
        var form = new PageForm("listing", "power-a", "/Exchange/Listings?handler=Post", "IdempotencyKey", [
            new("Instrument", "GDEA-2017"), new("Side", "Sell"), new("Price", "16.10"), new("Quantity", "1000"), new("MinimumTake", "10.5")]);

        var posted = await session.PostAsync(form, PageSession.NewKey());
        var listings = await power.GetFromJsonAsync<JsonElement>("/api/v1/exchange/listings", Ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains("最小成交量：“10.5”不是整数", posted.Body, StringComparison.Ordinal);
        Assert.Equal(0, listings.GetArrayLength());
    }

    [Fact]
    public async Task Amend_PriceOrQuantityThatDoesNotRead_IsRefusedNamingTheAmendsFieldAndTheOrderStaysAsItWas()
    {
        using var cement = await server.SignedInAsync("cement-a");
        using var placed = await cement.PostAsJsonAsync("/api/v1/exchange/orders",
            new { instrument = "GDEA-2017", side = "buy", type = "limit", price = 15.00m, quantity = 100, idempotencyKey = PageSession.NewKey() }, Ct);
        var order = (await placed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("order").GetProperty("id").GetInt64();
        var session = await PageSession.SignInAsync(server, "cement-a");
        PageForm Amend(string price, string quantity) => new("amend", "cement-a", "/Exchange?handler=Amend", "unused", [
            new("order", order.ToString(CultureInfo.InvariantCulture)), new("amendPrice", price), new("amendQuantity", quantity)]);

        var price = await session.PostAsync(Amend("1e30", "50"), null);
        var quantity = await session.PostAsync(Amend("", "10.5"), null);
        var after = (await cement.GetFromJsonAsync<JsonElement>("/api/v1/exchange/orders", Ct)).EnumerateArray()
            .Single(o => o.GetProperty("id").GetInt64() == order);

        Assert.Equal(HttpStatusCode.OK, price.Status);
        Assert.Contains("价格：“1e30”过大", price.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, quantity.Status);
        Assert.Contains("数量：“10.5”不是整数", quantity.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("amendQuantity：", quantity.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("数量须为正整数", quantity.Body, StringComparison.Ordinal);
        Assert.Equal((15.00m, 100L), (after.GetProperty("price").GetDecimal(), after.GetProperty("resting").GetInt64()));
    }

    [Fact]
    public async Task Sell_MoreThanHeldFree_IsRefusedNamingTheTonnesFreeAndAsked()
    {
        using var power = await server.SignedInAsync("power-a");
        var free = (await power.GetFromJsonAsync<JsonElement>("/api/v1/exchange/position", Ct)).GetProperty("lines").EnumerateArray()
            .Single(l => l.GetProperty("instrument").GetString() == "FFCER-FJ0001-2016").GetProperty("free").GetInt64();

        using var refused = await power.PostAsJsonAsync("/api/v1/exchange/orders",
            new { instrument = "FFCER-FJ0001-2016", side = "sell", type = "limit", price = 19.45m, quantity = free + 1, idempotencyKey = PageSession.NewKey() }, Ct);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("InsufficientUnits", problem.GetProperty("rule").GetString());
        Assert.Equal($"数量：持有账户 GD-HOLD-POWER 可用的 FFCER-FJ0001-2016 仅 {free} 吨，少于申报的 {free + 1} 吨", problem.GetProperty("detail").GetString());
    }
}
