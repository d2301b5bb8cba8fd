using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenEts.Server.Localization;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>The demo auction's page: what anyone reads without signing in, and the regulator's close form.</summary>
public sealed partial class AuctionDetailPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Detail_DemoAuction_ShowsEachMonthsAveragePriceThatTheReserveIsComputedFrom()
    {
        using var anonymous = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/Auctions/Detail/1", Ct));
        var prices = MonthPrice().Matches(page).Select(m => m.Groups[1].Value).ToArray();

        // Turnover ÷ volume of the demo's three months: 1 500 000/100 000, 3 200 000/200 000, 1 736 000/100 000; their
        // weighted mean is the 16.09 reserve shown above the table.
        Assert.Equal(["15.00", "16.00", "17.36"], prices);
        Assert.Contains("16.09", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detail_DemoAuctionAsRegulator_SaysWhenBiddingClosesNextToTheCloseButton()
    {
        using var regulator = await server.SignedInAsync("regulator");
        var auction = await regulator.GetFromJsonAsync<JsonElement>("/api/v1/auctions/1", Ct);
        var closes = auction.GetProperty("auction").GetProperty("closesAt").GetDateTimeOffset();

        var page = WebUtility.HtmlDecode(await regulator.GetStringAsync("/Auctions/Detail/1", Ct));
        var when = CloseWhen().Match(page);

        Assert.True(when.Success, "the close form says when bidding closes");
        Assert.Contains(DisplayTime.Show(closes), when.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains("id=\"close-auction\"", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("<p id=\"close-when\">([^<]*)</p>")]
    private static partial Regex CloseWhen();

    [GeneratedRegex("<td class=\"num month-price\">([^<]*)</td>")]
    private static partial Regex MonthPrice();
}
