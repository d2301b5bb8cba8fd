using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

// A refused post on an exchange page with many forms (a bid form per auction, a pick form per listing, a reason or a
// member per account) shows the page again with what was typed in the form it came from, and in no other form: the trader
// corrects one field instead of typing the rest again, and a refused bid's figures never turn up in the announcement form.
public sealed class ExchangeFormsKeptPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Invariant(long n) => n.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task RefusedBid_KeepsItsPriceAndQuantityInItsAuctionsForm_AndNotInTheAnnouncement()
    {
        using var power = await server.SignedInAsync("power-a");
        using var announced = await power.PostAsJsonAsync("/api/v1/exchange/auctions", new
        {
            instrument = "GDEA-2017", quantity = 100, reservePrice = 16.00m,
            closes = server.Clock.GetUtcNow().AddHours(1).ToString("O", CultureInfo.InvariantCulture), idempotencyKey = "kept-bid-auction",
        }, Ct);
        Assert.True(announced.IsSuccessStatusCode, await announced.Content.ReadAsStringAsync(Ct));
        var auction = (await announced.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("auction").GetProperty("id").GetInt64();
        var cement = await PageSession.SignInAsync(server, "cement-a");
        var bid = new PageForm("bid", "cement-a", "/Exchange/Auctions?handler=Bid", "IdempotencyKey",
            [new("auction", Invariant(auction)), new("Price", "16.80"), new("Quantity", "0")]);

        var refused = await cement.PostAsync(bid, PageSession.NewKey());

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var form = BidForm(refused.Body, auction);
        Assert.Matches("name=\"Price\"[^>]*value=\"16.80\"", form);
        Assert.Matches("name=\"Quantity\"[^>]*value=\"0\"[^>]*aria-invalid=\"true\"", form);
        Assert.Contains("bid-quantity-error", form, StringComparison.Ordinal);
        var announcement = Regex.Match(refused.Body, "<form method=\"post\" id=\"auction-form\".*?</form>", RegexOptions.Singleline).Value;
        Assert.NotEmpty(announcement);
        Assert.DoesNotMatch("id=\"auction-reserve\"[^>]*value=\"16.80\"", announcement);
        Assert.DoesNotMatch("id=\"auction-quantity\"[^>]*value=\"0\"", announcement);
    }

    [Fact]
    public async Task RefusedPick_KeepsTheTonnesTypedInThatListingsForm_AndNamesThem()
    {
        using var power = await server.SignedInAsync("power-a");
        using var listed = await power.PostAsJsonAsync("/api/v1/exchange/listings", new
        {
            instrument = "GDEA-2017", side = "sell", price = 14.70m, quantity = 200, idempotencyKey = "kept-pick-listing",
        }, Ct);
        Assert.True(listed.IsSuccessStatusCode, await listed.Content.ReadAsStringAsync(Ct));
        var id = (await listed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("listing").GetProperty("id").GetInt64();
        var cement = await PageSession.SignInAsync(server, "cement-a");
        var pick = new PageForm("pick", "cement-a", "/Exchange/Listings?handler=Pick", "pickKey", [new("listing", Invariant(id)), new("take", "-5")]);

        var refused = await cement.PostAsync(pick, PageSession.NewKey());

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var row = Regex.Match(refused.Body, $"<tr class=\"listing\" data-listing=\"{id}\">.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Matches("name=\"take\"[^>]*value=\"-5\"[^>]*aria-invalid=\"true\"", row);
        Assert.Contains("listing-take-error", row, StringComparison.Ordinal);
        // Another listing's pick form stays empty.
        Assert.DoesNotMatch("name=\"take\"[^>]*value=\"-5\"", refused.Body.Replace(row, "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefusedMove_OfAClient_KeepsTheMemberTypedForThatClient_AndNamesWhatCouldNotBeRead()
    {
        const string SteelCode = "91440200MA5CY1003";
        using var power = await server.SignedInAsync("power-a");
        using var opened = await power.PostAsJsonAsync("/api/v1/exchange/clients",
            new { client = SteelCode + Domain.Organisations.CreditCode.CheckCharacter(SteelCode), holdingAccount = "GD-HOLD-STEEL" }, Ct);
        Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync(Ct));
        var client = JsonDocument.Parse(await opened.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("subject").GetString()!;
        using (var steel = await server.SignedInAsync("steel-a"))
        {
            await Exchange.ClientAccounts.ConfirmAsync(steel, long.Parse(client, System.Globalization.CultureInfo.InvariantCulture), Ct);
        }
        var member = await PageSession.SignInAsync(server, "power-a");
        var move = new PageForm("transfer", "power-a", "/Exchange/Clients?handler=Transfer", "unused", [new("account", client), new("toMember", "会员七")]);

        var refused = await member.PostAsync(move, null);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var row = Regex.Match(refused.Body, $"<tr class=\"client\" data-account=\"{client}\".*?</tr>", RegexOptions.Singleline).Value;
        Assert.Matches("name=\"toMember\"[^>]*value=\"会员七\"", row);
        var error = Regex.Match(refused.Body, "<div class=\"alert bad\" role=\"alert\" id=\"exchange-error\">.*?</div>", RegexOptions.Singleline).Value;
        Assert.Contains("会员七", error, StringComparison.Ordinal);
    }

    // The bid form of one auction on the page.
    private static string BidForm(string body, long auction) =>
        Regex.Match(body, $"<form method=\"post\" class=\"auction-bid-form\"[^>]*>\\s*<input type=\"hidden\" name=\"IdempotencyKey\" value=\"[^\"]*\" /><input type=\"hidden\" name=\"auction\" value=\"{auction}\" />.*?</form>",
            RegexOptions.Singleline).Value;
}
