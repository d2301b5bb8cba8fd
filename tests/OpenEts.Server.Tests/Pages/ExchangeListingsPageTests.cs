using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

// The click-on-listing page (挂牌点选) as a browser posts it: each pick form carries a key made when it renders, so a double
// submit of one form picks once.
public sealed class ExchangeListingsPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PickForm_SubmittedTwice_MakesOneTrade()
    {
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");
        using var listed = await power.PostAsJsonAsync("/api/v1/exchange/listings", new
        {
            instrument = "GDEA-2017", side = "sell", price = 14.60m, quantity = 200, idempotencyKey = "page-listing-double",
        }, Ct);
        var id = (await listed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("listing").GetProperty("id").GetInt64();
        var page = WebUtility.HtmlDecode(await cement.GetStringAsync(new Uri("/Exchange/Listings", UriKind.Relative), Ct));
        var key = Regex.Match(page, $"name=\"listing\" value=\"{id}\" /><input type=\"hidden\" name=\"pickKey\" value=\"([^\"]+)\"").Groups[1].Value;
        var session = await PageSession.SignInAsync(server, "cement-a");
        var form = new PageForm("pick", "cement-a", "/Exchange/Listings?handler=Pick", "pickKey",
            [new("listing", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("take", "")]);

        var first = await session.PostAsync(form, key);
        var second = await session.PostAsync(form, key);
        var trades = (await cement.GetFromJsonAsync<JsonElement>("/api/v1/exchange/listing-trades", Ct)).EnumerateArray()
            .Count(t => t.GetProperty("listing").GetInt64() == id);

        Assert.False(string.IsNullOrEmpty(key), "the pick form carries no key");
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.Status, second.Status));
        Assert.Equal(1, trades);
    }

    [Fact]
    public async Task MyListings_MoreThanTheListShows_KeepAnOlderOneStillOpenWithItsWithdrawAndSaySo()
    {
        using var power = await server.SignedInAsync("power-a");
        // Above the pick test's listing (14.60), so that it stays the best-priced.
        object Listing(string key) => new { instrument = "GDEA-2017", side = "sell", price = 17.00m, quantity = 1, idempotencyKey = key };
        async Task<long> ListAsync(string key)
        {
            using var listed = await power.PostAsJsonAsync("/api/v1/exchange/listings", Listing(key), Ct);
            Assert.True(listed.IsSuccessStatusCode, await listed.Content.ReadAsStringAsync(Ct));
            return (await listed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("listing").GetProperty("id").GetInt64();
        }
        var oldest = await ListAsync("many-listings-open");
        // As many newer listings as the list shows, each withdrawn.
        for (var i = 0; i < OpenEts.Application.Exchange.ExchangeQueries.ListLimit; i++)
        {
            var id = await ListAsync($"many-listings-{i}");
            using var withdrawn = await power.PostAsync(new Uri($"/api/v1/exchange/listings/{id}/withdraw", UriKind.Relative), null, Ct);
            Assert.True(withdrawn.IsSuccessStatusCode, await withdrawn.Content.ReadAsStringAsync(Ct));
        }

        var page = WebUtility.HtmlDecode(await power.GetStringAsync(new Uri("/Exchange/Listings", UriKind.Relative), Ct));

        // The oldest, still open, is listed past the newest 200 with its withdraw button; a note says older ones may be left out.
        Assert.Matches($"(?s)<tr class=\"my-listing\" data-listing=\"{oldest}\">(?:(?!</tr>).)*class=\"listing-withdraw\"", page);
        Assert.Contains($"只列出最近的 {OpenEts.Application.Exchange.ExchangeQueries.ListLimit} 个挂牌，以及仍在挂牌中的更早挂牌；已成交的摘牌按日见 "
            + "<a href=\"/Exchange/Report\">会员日报</a>", page, StringComparison.Ordinal);
    }
}
