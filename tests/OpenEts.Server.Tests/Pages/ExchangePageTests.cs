using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenEts.Application.Exchange;
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
        var form = OrderForm("sell", "ioc", "16.005", "300");

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
        Assert.Equal(["1,000", "400", "600", "0"], Cells(open));
        Assert.Contains("<td class=\"order-state\">部分成交</td>", open, StringComparison.Ordinal);
        Assert.True(cancel.IsSuccessStatusCode);
        Assert.Equal(["1,000", "400", "0", "600"], Cells(cancelled));
        Assert.Contains("<td class=\"order-state\">部分成交后撤单", cancelled, StringComparison.Ordinal);
        Assert.Contains("data-reason=\"Cancelled\">交易员撤单</span>", cancelled, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyOrders_AnOpenOrderOlderThanTheNewestListed_IsStillListedWithItsCancel()
    {
        using var paper = await server.SignedInAsync("paper-a");
        object Buy(string type, string key) => new { instrument = "GDEA-2017", side = "buy", type, price = 14.50m, quantity = 1, idempotencyKey = key };
        var id = await OrderAsync(paper, Buy("limit", "old-resting"));
        // An order gateway's day: as many immediate-or-cancel buys after it as the list shows, each cancelled at once.
        using var batch = await paper.PostAsJsonAsync("/api/v1/exchange/orders/batch",
            new { orders = Enumerable.Range(0, ExchangeQueries.ListLimit).Select(i => Buy("ioc", $"done-{i}")) }, Ct);
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);

        var listed = await paper.GetFromJsonAsync<JsonElement>("/api/v1/exchange/orders", Ct);
        var page = WebUtility.HtmlDecode(await paper.GetStringAsync(new Uri("/Exchange", UriKind.Relative), Ct));

        Assert.Contains(listed.EnumerateArray(), o => o.GetProperty("id").GetInt64() == id && o.GetProperty("status").GetString() == "open");
        Assert.Equal(ExchangeQueries.ListLimit + 1, listed.GetArrayLength());
        Assert.Matches($"(?s)<tr class=\"order\" data-order=\"{id}\">(?:(?!</tr>).)*class=\"order-cancel\"", page);
    }

    [Fact]
    public async Task MyTrades_AsManyAsTheListShows_SayOlderOnesAreInTheDailyReport()
    {
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");
        // At the foot of the band (reference 16.09 ±10 %). Each sell fills, against a buy resting there or an immediate one.
        object Order(string side, string type, string key) => new { instrument = "GDEA-2017", side, type, price = 14.50m, quantity = 1, idempotencyKey = key };
        var before = WebUtility.HtmlDecode(await cement.GetStringAsync(new Uri("/Exchange", UriKind.Relative), Ct));
        // As many one-tonne sells as the list shows, each taken at once by an immediate-or-cancel buy.
        using var sells = await cement.PostAsJsonAsync("/api/v1/exchange/orders/batch",
            new { orders = Enumerable.Range(0, ExchangeQueries.ListLimit).Select(i => Order("sell", "limit", $"many-sell-{i}")) }, Ct);
        using var buys = await power.PostAsJsonAsync("/api/v1/exchange/orders/batch",
            new { orders = Enumerable.Range(0, ExchangeQueries.ListLimit).Select(i => Order("buy", "ioc", $"many-buy-{i}")) }, Ct);

        var page = WebUtility.HtmlDecode(await cement.GetStringAsync(new Uri("/Exchange", UriKind.Relative), Ct));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (sells.StatusCode, buys.StatusCode));
        Assert.DoesNotContain("id=\"trades-limited\"", before, StringComparison.Ordinal);
        Assert.Equal(ExchangeQueries.ListLimit, Regex.Count(page, "<tr class=\"trade\">"));
        Assert.Contains($"只列出最近的 {ExchangeQueries.ListLimit} 笔成交；更早的成交按日见 <a href=\"/Exchange/Report\">会员日报</a>",
            page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyOrders_AnOrderLoweredByAnAmendThenFilled_SaysFilledAfterItWasLowered()
    {
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");
        var sell = await OrderAsync(power, new { instrument = "GDEA-2017", side = "sell", type = "limit", price = 16.52m, quantity = 800, idempotencyKey = "lowered-sell" });
        using var amend = await power.PostAsJsonAsync($"/api/v1/exchange/orders/{sell}/amend", new { price = (decimal?)null, quantity = 300 }, Ct);
        await OrderAsync(cement, new { instrument = "GDEA-2017", side = "buy", type = "limit", price = 16.52m, quantity = 300, idempotencyKey = "lowered-buy" });

        var row = Row(await power.GetStringAsync(new Uri("/Exchange", UriKind.Relative), Ct), sell);

        Assert.True(amend.IsSuccessStatusCode, await amend.Content.ReadAsStringAsync(Ct));
        // 800 placed, 500 taken off by the amend, 300 traded: not a plain 全部成交 beside 500 cancelled.
        Assert.Equal(["800", "300", "0", "500"], Cells(row));
        Assert.Contains("<td class=\"order-state\">减量后全部成交</td>", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlaceOrder_AgainstTheTradersOwnRestingOrder_SaysItWasCancelledBySelfTradePrevention()
    {
        using var power = await server.SignedInAsync("power-a");
        var resting = await OrderAsync(power, new { instrument = "GDEA-2017", side = "sell", type = "limit", price = 17.00m, quantity = 100, idempotencyKey = "self-sell" });
        var session = await PageSession.SignInAsync(server, "power-a");
        var form = OrderForm("buy", "limit", "17.00", "100");

        var placed = await session.PostAsync(form, PageSession.NewKey());
        var page = WebUtility.HtmlDecode(await power.GetStringAsync(new Uri(placed.Location!, UriKind.Relative), Ct));

        Assert.Equal(HttpStatusCode.Redirect, placed.Status);
        Assert.Contains("已按防自成交规则撤销", Regex.Match(page, "<div class=\"alert\" role=\"status\" id=\"done\">[^<]*</div>").Value, StringComparison.Ordinal);
        Assert.DoesNotContain("委托已提交。", page, StringComparison.Ordinal);
        var cancelled = Regex.Match(page, "<tr class=\"order\" data-order=\"[0-9]+\">(?:(?!</tr>).)*data-reason=\"SelfTradePrevented\".*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("防自成交", cancelled, StringComparison.Ordinal);
        Assert.Contains("<td class=\"order-state\">已撤单", cancelled, StringComparison.Ordinal);
        Assert.Contains("<td class=\"order-state\">未成交</td>", Row(page, resting), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyOrders_AnImmediateOrCancelOrderWithNothingToMeet_SaysItsRemainderWasCancelled()
    {
        using var cement = await server.SignedInAsync("cement-a");
        var ioc = await OrderAsync(cement, new { instrument = "GDEA-2017", side = "buy", type = "ioc", price = 14.60m, quantity = 100, idempotencyKey = "ioc-nothing" });

        var row = Row(WebUtility.HtmlDecode(await cement.GetStringAsync(new Uri("/Exchange", UriKind.Relative), Ct)), ioc);

        Assert.Equal(["100", "0", "0", "100"], Cells(row));
        // The row says it was an IOC order, which a limit order with the same figures is not.
        Assert.Contains("<td class=\"order-type\">即时成交剩余撤销</td>", row, StringComparison.Ordinal);
        Assert.Contains("data-reason=\"UnfilledRemainderCancelled\">未能立即成交的剩余部分已撤销", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Position_WithUnitsInAListingAndAnAuction_ShowsThemAndWhatTheAccountOwnsInAll()
    {
        using var cement = await server.SignedInAsync("cement-a");
        using var listed = await cement.PostAsJsonAsync("/api/v1/exchange/listings", new
        {
            instrument = "GDEA-2017", side = "sell", price = 17.50m, quantity = 600, minimumTake = 100, idempotencyKey = "position-listing",
        }, Ct);
        using var auctioned = await cement.PostAsJsonAsync("/api/v1/exchange/auctions", new
        {
            instrument = "GDEA-2017", quantity = 1_000, reservePrice = 16.00m,
            closes = server.Clock.GetUtcNow().AddHours(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture), idempotencyKey = "position-auction",
        }, Ct);
        Assert.True(listed.IsSuccessStatusCode, await listed.Content.ReadAsStringAsync(Ct));
        Assert.True(auctioned.IsSuccessStatusCode, await auctioned.Content.ReadAsStringAsync(Ct));

        var page = WebUtility.HtmlDecode(await cement.GetStringAsync(new Uri("/Exchange", UriKind.Relative), Ct));

        var line = Regex.Match(page, "<tr><th>GDEA-2017</th>.*?</tr>", RegexOptions.Singleline).Value;
        long Tonnes(string pattern) => long.Parse(Regex.Match(line, pattern).Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("<span class=\"units-listed\">挂牌冻结 600 t</span>", line, StringComparison.Ordinal);
        Assert.Contains("<span class=\"units-auctioned\">单向竞价冻结 1,000 t</span>", line, StringComparison.Ordinal);
        Assert.Equal(Tonnes("units-free\" data-instrument=\"GDEA-2017\">([0-9,]+)<") + Tonnes("挂单冻结 ([0-9,]+) t") + 600 + 1_000,
            Tonnes("合计持有 ([0-9,]+) t"));
    }

    [Fact]
    public async Task AmendForm_RefusedPrice_KeepsTheTypedPriceAndQuantityAndNamesTheOrder()
    {
        using var power = await server.SignedInAsync("power-a");
        var order = await OrderAsync(power, new { instrument = "GDEA-2017", side = "sell", type = "limit", price = 17.40m, quantity = 2_000, idempotencyKey = "amend-refused" });
        var session = await PageSession.SignInAsync(server, "power-a");
        var form = new PageForm("amend", "power-a", "/Exchange?handler=Amend", "unused",
        [
            new("order", order.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("amendPrice", "30"), new("amendQuantity", "1500"),
        ]);

        var shown = await session.PostAsync(form, null);

        Assert.Equal(HttpStatusCode.OK, shown.Status);
        var row = Row(shown.Body, order);
        Assert.Contains("name=\"amendPrice\" type=\"number\" step=\"0.01\" min=\"0.01\" placeholder=\"价格（元/吨）\" aria-label=\"价格（元/吨）\" value=\"30\"", row, StringComparison.Ordinal);
        Assert.Contains("name=\"amendQuantity\" type=\"number\" step=\"1\" min=\"1\" value=\"1500\"", row, StringComparison.Ordinal);
        Assert.Contains($"委托 #{order} 改单未成功：", Regex.Match(row, "<span class=\"field-error amend-error\" role=\"alert\">[^<]*</span>").Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OperatorPage_TradingAccounts_NameTheirOrganisationsNotTheirIds()
    {
        using var exchange = await server.SignedInAsync("exchange");

        var page = WebUtility.HtmlDecode(await exchange.GetStringAsync(new Uri("/Exchange/Operator", UriKind.Relative), Ct));

        var table = Regex.Match(page, "<table class=\"registry\" id=\"trading-accounts\">.*?</table>", RegexOptions.Singleline).Value;
        Assert.Contains("<th>账户所属机构</th>", table, StringComparison.Ordinal);
        Assert.Contains("<td class=\"account-holder\">珠江示范发电有限公司</td>", table, StringComparison.Ordinal);
        Assert.Contains("<td class=\"account-holder\">北江示范水泥有限公司</td>", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OperatorPage_ClosesOfADay_ListThatDayOnlyAndADayThatDoesNotReadIsNamed()
    {
        using var exchange = await server.SignedInAsync("exchange");
        string Days(string page) => string.Join(",", Regex.Matches(page, "<tr class=\"close\"><td class=\"nowrap\">([0-9-]+)</td>").Select(m => m.Groups[1].Value));
        var latest = WebUtility.HtmlDecode(await exchange.GetStringAsync(new Uri("/Exchange/Operator", UriKind.Relative), Ct));
        var days = Days(latest).Split(',', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(days);
        // An older day than the newest one shown, so that the answer is not the latest closes again.
        var day = days.Last();

        var ofDay = WebUtility.HtmlDecode(await exchange.GetStringAsync(new Uri($"/Exchange/Operator?closesOn={day}", UriKind.Relative), Ct));
        var none = WebUtility.HtmlDecode(await exchange.GetStringAsync(new Uri("/Exchange/Operator?closesOn=2016-01-04", UriKind.Relative), Ct));
        var unread = WebUtility.HtmlDecode(await exchange.GetStringAsync(new Uri("/Exchange/Operator?closesOn=2026-13-01", UriKind.Relative), Ct));

        Assert.All(Days(ofDay).Split(','), d => Assert.Equal(day, d));
        Assert.Contains($"name=\"closesOn\" id=\"closes-day-date\" value=\"{day}\"", ofDay, StringComparison.Ordinal);
        Assert.Contains("<p id=\"closes-none\">该日没有收盘记录</p>", none, StringComparison.Ordinal);
        Assert.Empty(Days(none).Split(',', StringSplitOptions.RemoveEmptyEntries));
        // Named as typed, kept in the box, and the latest closes shown under it.
        Assert.Contains("<li>收盘日期：“2026-13-01”不是日期，日期格式为 yyyy-MM-dd</li>", unread, StringComparison.Ordinal);
        Assert.Contains("name=\"closesOn\" id=\"closes-day-date\" value=\"2026-13-01\" aria-invalid=\"true\"", unread, StringComparison.Ordinal);
        Assert.Equal(Days(latest), Days(unread));
    }

    [Fact]
    public async Task OperatorPage_TradingAccounts_ShowTheirCashBalanceAndWhatIsReserved()
    {
        using var power = await server.SignedInAsync("power-a");
        await OrderAsync(power, new { instrument = "GDEA-2017", side = "buy", type = "limit", price = 14.55m, quantity = 100, idempotencyKey = "operator-cash-buy" });
        var statement = await power.GetFromJsonAsync<JsonElement>("/api/v1/cash", Ct);
        using var exchange = await server.SignedInAsync("exchange");

        var page = WebUtility.HtmlDecode(await exchange.GetStringAsync(new Uri("/Exchange/Operator", UriKind.Relative), Ct));

        // The figures of the company's own cash statement, so that the operator sees why an account does not close (销户).
        var row = Regex.Match(page, "<tr class=\"trading-account\"[^>]*><td>[0-9]+</td><td class=\"account-holder\">珠江示范发电有限公司</td>.*?</tr>",
            RegexOptions.Singleline).Value;
        var (balance, reserved) = (statement.GetProperty("balance").GetDecimal(), statement.GetProperty("reserved").GetDecimal());
        Assert.NotEqual(0m, balance);
        Assert.Contains($"<td class=\"num account-balance\">{balance.ToString("N2", CultureInfo.InvariantCulture)}</td>", row, StringComparison.Ordinal);
        Assert.Contains($"<td class=\"num account-reserved\">{reserved.ToString("N2", CultureInfo.InvariantCulture)}</td>", row, StringComparison.Ordinal);
        // An account holding cash does not offer 销户, which would be refused: it says why instead.
        Assert.DoesNotContain("account-close\"", row, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"account-close-blocked\">账户资金 {balance.ToString("N2", CultureInfo.InvariantCulture)} 元，出金或转出后方可销户</span>", row,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuctionsPage_ForTheRegulator_NamesEachBidderAndSaysUnconfirmedInChinese()
    {
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");
        using var announced = await power.PostAsJsonAsync("/api/v1/exchange/auctions", new
        {
            instrument = "FFCER-FJ0001-2016", quantity = 100, reservePrice = 19.00m,
            closes = server.Clock.GetUtcNow().AddHours(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture), idempotencyKey = "bidder-named",
        }, Ct);
        var auction = System.Text.Json.JsonDocument.Parse(await announced.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("auction").GetProperty("id").GetInt64();
        using var bid = await cement.PostAsJsonAsync($"/api/v1/exchange/auctions/{auction}/bids", new { price = 19.50m, quantity = 100, idempotencyKey = "bidder-named-bid" }, Ct);
        Assert.True(bid.IsSuccessStatusCode, await bid.Content.ReadAsStringAsync(Ct));
        using var regulator = await server.SignedInAsync("regulator");

        var page = WebUtility.HtmlDecode(await regulator.GetStringAsync(new Uri("/Exchange/Auctions", UriKind.Relative), Ct));
        var member = WebUtility.HtmlDecode(await cement.GetStringAsync(new Uri("/Exchange/Auctions", UriKind.Relative), Ct));

        Assert.Matches("<td class=\"bid-bidder\">北江示范水泥有限公司 \\([0-9]+\\)</td>", page);
        Assert.DoesNotContain("bid-bidder", member, StringComparison.Ordinal);
        Assert.DoesNotContain("[UNCONFIRMED]", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TradingPage_AnInstrumentWithUnsourcedFigures_SaysWhichFiguresAreUnconfirmed_BesideItsStateNotAsItsState()
    {
        using var power = await server.SignedInAsync("power-a");

        var page = WebUtility.HtmlDecode(await power.GetStringAsync(new Uri("/Exchange", UriKind.Relative), Ct));

        var gdea = Regex.Match(page, "<tr class=\"instrument\" data-instrument=\"GDEA-2017\">.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Matches("<span class=\"flag instrument-unconfirmed\" title=\"本品种的交易单位、最小变动价位、涨跌幅限制、单笔最大申报量与交易时间未找到本交易所的出处[^\"]*\"> 参数未确认</span>", gdea);
    }

    [Fact]
    public async Task OperatorPage_RuleTooltips_CiteNoInternalFile()
    {
        using var exchange = await server.SignedInAsync("exchange");

        var page = WebUtility.HtmlDecode(await exchange.GetStringAsync(new Uri("/Exchange/Operator", UriKind.Relative), Ct));

        Assert.Contains("全国碳市场交易规则，已确认", page, StringComparison.Ordinal);
        Assert.DoesNotContain(".md §", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OperatorPage_EndOfDayWithoutADate_ListsTheErrorUnderTheBanner()
    {
        var session = await PageSession.SignInAsync(server, "exchange");
        var form = new PageForm("end of day", "exchange", "/Exchange/Operator?handler=EndOfDay", "unused", [new("day", "")]);

        var shown = await session.PostAsync(form, null);

        var banner = Regex.Match(shown.Body, "<div class=\"alert bad\" role=\"alert\" id=\"exchange-error\">.*?</div>", RegexOptions.Singleline).Value;
        Assert.Equal(HttpStatusCode.OK, shown.Status);
        Assert.Matches("<li>[^<]+</li>", banner);
    }

    [Fact]
    public async Task BlocksPage_ForTheCounterparty_ShowsItsOwnSideAndNamesBothParties()
    {
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");
        var cementAccount = System.Text.Json.JsonDocument.Parse(await cement.GetStringAsync(new Uri("/api/v1/exchange/position", UriKind.Relative), Ct))
            .RootElement.GetProperty("account").GetInt64();
        using var proposed = await power.PostAsJsonAsync("/api/v1/exchange/block-trades", new
        {
            instrument = "GDEA-2017", side = "sell", counterparty = cementAccount, price = 16.09m, quantity = 100_000, idempotencyKey = "block-sides",
        }, Ct);
        var block = System.Text.Json.JsonDocument.Parse(await proposed.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("block").GetProperty("id").GetInt64();

        var seen = WebUtility.HtmlDecode(await cement.GetStringAsync(new Uri("/Exchange/Blocks", UriKind.Relative), Ct));
        var proposer = WebUtility.HtmlDecode(await power.GetStringAsync(new Uri("/Exchange/Blocks", UriKind.Relative), Ct));

        string RowOf(string page) => Regex.Match(page, $"<tr class=\"block\" data-block=\"{block}\">.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("<td class=\"block-side\">买入</td>", RowOf(seen), StringComparison.Ordinal);
        Assert.Contains("<td class=\"block-side\">卖出</td>", RowOf(proposer), StringComparison.Ordinal);
        Assert.Matches("<td class=\"block-proposer\">珠江示范发电有限公司 \\([0-9]+\\)</td>", RowOf(seen));
        Assert.Contains($"<td class=\"block-counterparty\">北江示范水泥有限公司 ({cementAccount})</td>", RowOf(seen), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemberReport_ForAPastDay_SaysItsPositionAndCashAreAsOfNow()
    {
        using var power = await server.SignedInAsync("power-a");
        var today = OpenEts.Domain.Exchange.MarketData.BeijingTime.TradingDay(server.Clock.GetUtcNow());
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var past = WebUtility.HtmlDecode(await power.GetStringAsync(new Uri($"/Exchange/Report?day={Day(today.AddDays(-30))}", UriKind.Relative), Ct));
        var current = WebUtility.HtmlDecode(await power.GetStringAsync(new Uri($"/Exchange/Report?day={Day(today)}", UriKind.Relative), Ct));

        Assert.Contains("持仓与资金 <span class=\"as-of\">（截至目前）</span>", past, StringComparison.Ordinal);
        Assert.Contains("下方持仓与余额为截至目前的数字", Regex.Match(past, "<p class=\"alert\" id=\"report-asof-note\">[^<]*</p>").Value, StringComparison.Ordinal);
        Assert.Contains("资金余额（元） <span class=\"as-of\">（截至目前）</span>", past, StringComparison.Ordinal);
        Assert.DoesNotContain("report-asof-note", current, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TradingPageAndMemberReport_Cash_IsLabelledInYuan()
    {
        using var paper = await server.SignedInAsync("paper-a");
        async Task<string> Read(string path) => WebUtility.HtmlDecode(await paper.GetStringAsync(new Uri(path, UriKind.Relative), Ct));

        var (trading, report) = (await Read("/Exchange"), await Read("/Exchange/Report"));

        foreach (var (label, id) in new[] { ("资金余额", "exchange-cash-balance"), ("冻结资金", "exchange-cash-reserved"), ("可用资金", "exchange-cash-available") })
        {
            Assert.Contains($"<th>{label}（元）</th><td class=\"num\" id=\"{id}\">", trading, StringComparison.Ordinal);
        }
        Assert.Contains("<th>手续费合计（元）</th><td class=\"num\" id=\"report-fees\">", report, StringComparison.Ordinal);
        Assert.Matches("<td class=\"num\" id=\"report-bought\">[0-9,]+ t · [0-9,]+\\.[0-9]{2} 元</td>", report);
    }

    [Fact]
    public async Task MemberReport_ForTheRegulatorBeforeChoosingAnAccount_AsksToChooseOne()
    {
        using var regulator = await server.SignedInAsync("regulator");

        var page = WebUtility.HtmlDecode(await regulator.GetStringAsync(new Uri("/Exchange/Report", UriKind.Relative), Ct));

        Assert.Contains("<select name=\"account\" id=\"report-account\">", page, StringComparison.Ordinal);
        Assert.Contains("<p id=\"report-none\">请在上方选择一个交易账户", page, StringComparison.Ordinal);
        Assert.DoesNotContain("没有可查看的交易账户", page, StringComparison.Ordinal);
    }

    // power-a's order form on /Exchange for GDEA-2017, as typed.
    private static PageForm OrderForm(string side, string type, string price, string quantity) =>
        new("order", "power-a", "/Exchange?handler=Place", "IdempotencyKey",
        [
            new("Instrument", "GDEA-2017"), new("Side", side), new("Type", type), new("Price", price), new("Quantity", quantity),
        ]);

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
        [.. Regex.Matches(row, "<td class=\"num\">([0-9,]+)</td>").Select(m => m.Groups[1].Value)];

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
