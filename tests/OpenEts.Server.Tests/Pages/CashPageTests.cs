using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

// The cash statement as a member reads it after the demo's trades: the buyer's fee is a fee, and each movement names the
// order or trade it paid for rather than the ledger's reference.
public sealed class CashPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Statement_ABuyersTrade_ShowsThePaymentAsSettlementAndItsFeeAsAFeeNamingTheOrder()
    {
        using var cement = await server.SignedInAsync("cement-a");

        var page = WebUtility.HtmlDecode(await cement.GetStringAsync(new Uri("/Cash", UriKind.Relative), Ct));

        var rows = Regex.Matches(page, "<tr class=\"movement\">.*?</tr>", RegexOptions.Singleline).Select(m => m.Value).ToList();
        // The demo's first FFCER purchase by the cement company: 12 000 t at 18.75 = 225 000.00 yuan, its fee 0.05 % = 112.50.
        var payment = Assert.Single(rows, r => r.Contains("−225,000.00", StringComparison.Ordinal));
        var fee = Assert.Single(rows, r => r.Contains("−112.50", StringComparison.Ordinal));
        Assert.Contains("<td class=\"movement-kind\">结算</td>", payment, StringComparison.Ordinal);
        Assert.Contains("<td class=\"movement-kind\">手续费</td>", fee, StringComparison.Ordinal);
        Assert.Matches(">委托 #[0-9]+</td>", fee);
        Assert.DoesNotContain(">exchange/order/", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statement_LongerThanAPage_ShowsTheBalanceAfterEachMovement_AcrossPages_AndAPagePastTheLastShowsTheLast()
    {
        using var regulator = await server.SignedInAsync("regulator");
        using var steel = await server.SignedInAsync("steel-a");
        var code = "91440200MA5CY1003" + Domain.Organisations.CreditCode.CheckCharacter("91440200MA5CY1003");
        // 55 deposits of 1.00, 2.00, … 55.00 yuan: with the demo's movements, more than the 50 a page shows.
        for (var i = 1; i <= 55; i++)
        {
            using var response = await regulator.PostAsJsonAsync("/api/v1/cash/deposits",
                new { organisation = code, amount = (decimal)i, reference = $"BANK-PAGE-{i}", idempotencyKey = $"page-deposit-{i}" }, Ct);
            Assert.True(response.IsSuccessStatusCode, $"deposit {i}: {(int)response.StatusCode}");
        }

        var first = WebUtility.HtmlDecode(await steel.GetStringAsync(new Uri("/Cash", UriKind.Relative), Ct));
        var second = WebUtility.HtmlDecode(await steel.GetStringAsync(new Uri("/Cash?p=2", UriKind.Relative), Ct));
        var past = WebUtility.HtmlDecode(await steel.GetStringAsync(new Uri("/Cash?p=9", UriKind.Relative), Ct));

        var rows = Movements(first);
        var older = Movements(second);
        Assert.Equal(50, rows.Count);
        Assert.NotEmpty(older);
        // The newest movement leaves today's balance; each row's balance is the next older row's plus that row's amount.
        Assert.Equal(Money(Regex.Match(first, "id=\"cash-balance\">([^<]+)<").Groups[1].Value), rows[0].Balance);
        var all = rows.Concat(older).ToList();
        for (var i = 0; i + 1 < all.Count; i++)
        {
            Assert.Equal(all[i].Balance - all[i].Amount, all[i + 1].Balance);
        }
        Assert.Equal(all[^1].Amount, all[^1].Balance);
        Assert.Contains("第 1 / 2 页（最新的在前）", first, StringComparison.Ordinal);
        Assert.Contains("id=\"movements-older\"", first, StringComparison.Ordinal);
        Assert.Contains("id=\"movements-newer\"", second, StringComparison.Ordinal);
        Assert.Equal(older, Movements(past));
        Assert.Contains("id=\"address-error\"", past, StringComparison.Ordinal);
        Assert.Contains("第 2 页", past[past.IndexOf("id=\"address-error\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    // Each movement's signed amount and the balance after it, in the page's order (newest first).
    private static List<(decimal Amount, decimal Balance)> Movements(string page) =>
        [.. Regex.Matches(page, "<td class=\"num\">([+−][0-9,.]+)</td><td class=\"num movement-balance\">([-0-9,.]+)</td>")
            .Select(m => (Money(m.Groups[1].Value.Replace('−', '-')), Money(m.Groups[2].Value)))];

    private static decimal Money(string text) =>
        decimal.Parse(text.Trim(), System.Globalization.NumberStyles.Number | System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Statement_TheDemoDeposit_IsDatedBeforeEveryTradeItPaidFor()
    {
        using var power = await server.SignedInAsync("power-a");

        var page = WebUtility.HtmlDecode(await power.GetStringAsync(new Uri("/Cash", UriKind.Relative), Ct));

        var rows = Regex.Matches(page, "<tr class=\"movement\"><td class=\"nowrap\">([^<]+)</td>.*?</tr>", RegexOptions.Singleline).ToList();
        var deposit = Assert.Single(rows, r => r.Value.Contains("演示入金", StringComparison.Ordinal));
        var others = rows.Where(r => r != deposit).Select(r => r.Groups[1].Value).ToList();
        Assert.NotEmpty(others);
        // Beijing times as the page writes them (yyyy-MM-dd HH:mm:ss) order as text; the deposit is the oldest and the last row.
        Assert.All(others, at => Assert.True(string.CompareOrdinal(deposit.Groups[1].Value, at) < 0, $"the deposit ({deposit.Groups[1].Value}) is not before {at}"));
        Assert.Same(deposit, rows[^1]);
    }

    [Fact]
    public async Task Deposit_OfAnAmountPastAnyLedger_IsNamedAsTypedNextToTheAmount_AndNothingIsBooked()
    {
        var regulator = await PageSession.SignInAsync(server, "regulator");
        using var reader = await server.SignedInAsync("power-a");
        var before = WebUtility.HtmlDecode(await reader.GetStringAsync(new Uri("/Cash", UriKind.Relative), Ct));
        var deposit = new PageForm("deposit", "regulator", "/Cash?handler=Deposit", "IdempotencyKey",
            [new("Organisation", "91440101MA5CY1001" + Domain.Organisations.CreditCode.CheckCharacter("91440101MA5CY1001")), new("Amount", "1e30"),
                new("Reference", "BANK-1E30")]);

        var refused = await regulator.PostAsync(deposit, PageSession.NewKey());
        var after = WebUtility.HtmlDecode(await reader.GetStringAsync(new Uri("/Cash", UriKind.Relative), Ct));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var amount = refused.Body[refused.Body.IndexOf("id=\"cash-amount\"", StringComparison.Ordinal)..];
        Assert.Matches("^id=\"cash-amount\"[^>]*/></label>\\s*<span class=\"field-error\">[^<]*“1e30”", amount[..Math.Min(400, amount.Length)]);
        Assert.Equal(Regex.Count(before, "<tr class=\"movement\">"), Regex.Count(after, "<tr class=\"movement\">"));
    }
}
