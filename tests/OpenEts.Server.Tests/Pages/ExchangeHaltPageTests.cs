using System.Net;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

// A halt as the exchange's staff make it on the operator page and as everyone then sees it: it needs a reason, and the
// operator page and a trader's /Exchange name the reason, who halted and when; the public market says it is halted and why.
public sealed class ExchangeHaltPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private const string Forestry = "FFCER-FJ0002-2016";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PageForm Halt(string reason) =>
        new("halt", "exchange", "/Exchange/Operator?handler=Halt", "unused", [new("instrument", Forestry), new("reason", reason)]);

    [Fact]
    public async Task Halt_WithAReason_IsShownWithWhoAndWhenToTheOperatorAndTraders_AndWithoutOneIsRefused()
    {
        var staff = await PageSession.SignInAsync(server, "exchange");

        var refused = await staff.PostAsync(Halt("  "), null);
        var halted = await staff.PostAsync(Halt("核查异常成交"), null);
        using var exchange = await server.SignedInAsync("exchange");
        var operatorPage = WebUtility.HtmlDecode(await exchange.GetStringAsync(new Uri("/Exchange/Operator", UriKind.Relative), Ct));
        using var cement = await server.SignedInAsync("cement-a");
        var traderPage = WebUtility.HtmlDecode(await cement.GetStringAsync(new Uri("/Exchange", UriKind.Relative), Ct));
        using var visitor = server.CreateClient();
        var market = WebUtility.HtmlDecode(await visitor.GetStringAsync(new Uri("/Market", UriKind.Relative), Ct));
        var instrument = WebUtility.HtmlDecode(await visitor.GetStringAsync(new Uri("/Market/Instrument/" + Forestry, UriKind.Relative), Ct));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("原因：", Regex.Match(refused.Body, "<div class=\"alert bad\" role=\"alert\" id=\"exchange-error\">.*?</div>", RegexOptions.Singleline).Value,
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, halted.Status);
        var today = server.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var page in new[] { operatorPage, traderPage })
        {
            var note = Note(page);
            Assert.Contains("暂停原因：核查异常成交", note, StringComparison.Ordinal);
            Assert.Contains($"黄交易（exchange）于 {today} ", note, StringComparison.Ordinal);
        }
        var publicNote = Note(market);
        Assert.Contains("暂停原因：核查异常成交", publicNote, StringComparison.Ordinal);
        Assert.Contains($"{today} ", publicNote, StringComparison.Ordinal);
        Assert.DoesNotContain("黄交易", publicNote, StringComparison.Ordinal);
        Assert.Contains("data-state=\"halted\">暂停交易</span>", market, StringComparison.Ordinal);
        Assert.Contains("暂停原因：核查异常成交", Regex.Match(instrument, "<div class=\"alert bad\" role=\"status\" id=\"instrument-halted\">.*?</div>\\s*</div>",
            RegexOptions.Singleline).Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HaltTwice_OrResumeTwice_SaysWhichStateTheInstrumentIsIn()
    {
        const string Code = "FFCER-FJ0001-2016";
        var staff = await PageSession.SignInAsync(server, "exchange");

        var halted = await staff.PostAsync(Form("Halt", Code, "核查异常成交"), null);
        var again = await staff.PostAsync(Form("Halt", Code, "再次暂停"), null);
        var resumed = await staff.PostAsync(Form("Resume", Code, ""), null);
        var resumedAgain = await staff.PostAsync(Form("Resume", Code, ""), null);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (halted.Status, resumed.Status));
        Assert.Contains("该品种已暂停交易，无需再次暂停", Error(again.Body), StringComparison.Ordinal);
        Assert.Contains("该品种未暂停交易，无需恢复", Error(resumedAgain.Body), StringComparison.Ordinal);
    }

    private static PageForm Form(string handler, string instrument, string reason) =>
        new(handler.ToLowerInvariant(), "exchange", "/Exchange/Operator?handler=" + handler, "unused", [new("instrument", instrument), new("reason", reason)]);

    private static string Error(string body) =>
        WebUtility.HtmlDecode(Regex.Match(body, "<div class=\"alert bad\" role=\"alert\" id=\"exchange-error\">.*?</div>", RegexOptions.Singleline).Value);

    // The halt note of the forestry instrument on a page.
    private static string Note(string page) =>
        Regex.Match(page, $"<div class=\"halt-note note\" data-instrument=\"{Forestry}\">.*?</div>", RegexOptions.Singleline).Value;
}
