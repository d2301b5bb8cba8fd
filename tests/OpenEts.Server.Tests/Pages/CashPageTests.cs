using System.Net;
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
