using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Exchange;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// The README's tour as a new user follows it on the demo: the figures it quotes are those the pages show (the cement
/// works' data completeness); the exchange commands name the demo's accounts (the steel company's client account that
/// `power-a` opens, the cement company's trading account that declines the move); and the end of day names a day the demo
/// still has open, after the amend it would otherwise refuse.
/// </summary>
public sealed partial class ReadmeTourTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Readme()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenEts.slnx")))
            {
                return File.ReadAllText(Path.Combine(dir.FullName, "README.md"));
            }
        }
        throw new InvalidOperationException("repository root not found");
    }

    [GeneratedRegex(@"ets exchange client offer --account (\d+) --to-member (\d+) --as (\S+)")]
    private static partial Regex Offer();

    [GeneratedRegex(@"ets exchange client decline --account (\d+) --reason ""([^""]+)"" --as (\S+)")]
    private static partial Regex Decline();

    [GeneratedRegex(@"ets exchange end-of-day --date (\S+) --as (\S+)")]
    private static partial Regex EndOfDay();

    [GeneratedRegex(@"北江示范水泥 misses 30 night hours \(([0-9.]+ %)\)")]
    private static partial Regex CementCompleteness();

    [GeneratedRegex("<a href=\"/Energy/Monitoring/Unit\\?id=[0-9]+[^\"]*\">北江示范水泥有限公司</a>.*?<td class=\"num completeness\">([0-9.]+ %)</td>", RegexOptions.Singleline)]
    private static partial Regex CementRow();

    [Fact]
    public async Task Readme_CementWorksCompleteness_IsTheFigureTheDashboardShows()
    {
        using var regulator = await server.SignedInAsync("regulator");

        var dashboard = await regulator.GetStringAsync(new Uri("/Energy/Monitoring", UriKind.Relative), Ct);
        var shown = CementRow().Match(dashboard);

        Assert.True(shown.Success, "the dashboard lists no completeness for the cement works");
        Assert.Equal(shown.Groups[1].Value, CementCompleteness().Match(Readme()).Groups[1].Value);
    }

    [Fact]
    public async Task Readme_ClientCommands_NameTheClientAccountTheTourOpensAndTheCementCompanysTradingAccount()
    {
        var readme = Readme();
        var offer = Offer().Match(readme);
        var decline = Decline().Match(readme);
        Assert.True(offer.Success && decline.Success, "the README lost its client commands");
        using var power = await server.SignedInAsync(offer.Groups[3].Value);
        using var steel = await server.SignedInAsync("steel-a");
        using var cement = await server.SignedInAsync(decline.Groups[3].Value);
        var account = await ClientAccounts.OpenSteelAsync(power, steel, Ct);
        var cementAccount = (await cement.GetFromJsonAsync<JsonElement>("/api/v1/exchange/position", Ct)).GetProperty("account").GetInt64();

        using var offered = await power.PostAsJsonAsync($"/api/v1/exchange/accounts/{offer.Groups[1].Value}/transfer",
            new { toMember = long.Parse(offer.Groups[2].Value, CultureInfo.InvariantCulture) }, Ct);
        using var declined = await cement.PostAsJsonAsync($"/api/v1/exchange/accounts/{decline.Groups[1].Value}/transfer/decline",
            new { reason = decline.Groups[2].Value }, Ct);

        Assert.Equal("cement-a", decline.Groups[3].Value);
        Assert.Equal(account.ToString(CultureInfo.InvariantCulture), offer.Groups[1].Value);
        Assert.Equal(account.ToString(CultureInfo.InvariantCulture), decline.Groups[1].Value);
        Assert.Equal(cementAccount.ToString(CultureInfo.InvariantCulture), offer.Groups[2].Value);
        Assert.True(offered.IsSuccessStatusCode, await offered.Content.ReadAsStringAsync(Ct));
        Assert.True(declined.IsSuccessStatusCode, await declined.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Readme_EndOfDayCommand_EndsTodaysTradingDayAfterTheAmendThatItWouldRefuse()
    {
        // Its own demo: the end of day closes the day for every test sharing the server.
        using var own = new ServerFactory();
        var readme = Readme();
        var endOfDay = EndOfDay().Match(readme);
        Assert.True(endOfDay.Success, "the README lost its end-of-day command");
        var date = endOfDay.Groups[1].Value;
        var today = DateOnly.FromDateTime(own.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime)
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var day = date == "\"$today\"" && readme.Contains("today=$(TZ=Asia/Shanghai date +%F)", StringComparison.Ordinal) ? today : date;
        using var exchange = await own.SignedInAsync(endOfDay.Groups[2].Value);

        using var ended = await exchange.PostAsJsonAsync("/api/v1/exchange/end-of-day", new { day }, Ct);

        Assert.True(ended.IsSuccessStatusCode, $"ets exchange end-of-day --date {day}: " + await ended.Content.ReadAsStringAsync(Ct));
        Assert.Contains($"ets exchange export member-report --date {date} ", readme, StringComparison.Ordinal);
        Assert.True(readme.IndexOf("ets exchange amend --order", StringComparison.Ordinal) < endOfDay.Index,
            "the README amends an order after the end of day, which refuses it as DayClosed");
    }
}
