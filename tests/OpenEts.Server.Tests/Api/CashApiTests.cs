using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Api;

/// <summary>The cash ledger's API refusing what it cannot book: an amount above its limit, a bank slip booked before.</summary>
public sealed class CashApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deposit_AboveTheLargestAmount_Is400NamingTheLargest()
    {
        using var regulator = await server.SignedInAsync("regulator");
        var steel = "91440200MA5CY1003" + Domain.Organisations.CreditCode.CheckCharacter("91440200MA5CY1003");

        using var response = await regulator.PostAsJsonAsync("/api/v1/cash/deposits",
            new { organisation = steel, amount = 10_000_000_000_000_000m, reference = "BANK-1", idempotencyKey = "too-much" }, Ct);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("amount");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.EndsWith("至多 1000000000000000 元", Assert.Single(errors.EnumerateArray()).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deposit_TheSameBankSlipAgainUnderANewKey_Is409NamingTheSlipAndTheEntry_AndTheBalanceIsUnchanged()
    {
        using var regulator = await server.SignedInAsync("regulator");
        var steel = "91440200MA5CY1003" + Domain.Organisations.CreditCode.CheckCharacter("91440200MA5CY1003");
        var slip = "BOC-" + Guid.NewGuid().ToString("N")[..12];
        using var first = await regulator.PostAsJsonAsync("/api/v1/cash/deposits",
            new { organisation = steel, amount = 1_000m, reference = slip, idempotencyKey = "slip-" + slip }, Ct);
        var entry = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
        var before = await BalanceAsync(regulator, steel);

        using var again = await regulator.PostAsJsonAsync("/api/v1/cash/deposits",
            new { organisation = steel, amount = 1_000m, reference = slip, idempotencyKey = "slip-again-" + slip }, Ct);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(("reference", "ReferenceReused"), (problem.GetProperty("field").GetString(), problem.GetProperty("rule").GetString()));
        Assert.Contains($"银行凭证号 {slip} 已在该账户记为第 {entry} 笔资金分录", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await BalanceAsync(regulator, steel));
    }

    [Fact]
    public async Task Statement_OverTwoPages_GivesEachMovementsBalanceAfter_ThatChainsAcrossThePages_AndNamesThePages()
    {
        using var regulator = await server.SignedInAsync("regulator");
        var paper = "91440600MA5CY1004" + Domain.Organisations.CreditCode.CheckCharacter("91440600MA5CY1004");
        for (var i = 1; i <= 55; i++)
        {
            using var deposit = await regulator.PostAsJsonAsync("/api/v1/cash/deposits",
                new { organisation = paper, amount = 100m + i / 100m, reference = $"ICBC-PAGES-{i}", idempotencyKey = $"pages-{i}" }, Ct);
            Assert.Equal(HttpStatusCode.OK, deposit.StatusCode);
        }

        var first = await regulator.GetFromJsonAsync<JsonElement>($"/api/v1/cash/organisations/{paper}?page=0", Ct);
        var second = await regulator.GetFromJsonAsync<JsonElement>($"/api/v1/cash/organisations/{paper}?page=1", Ct);
        var past = await regulator.GetFromJsonAsync<JsonElement>($"/api/v1/cash/organisations/{paper}?page=99", Ct);

        var pages = first.GetProperty("pages").GetInt32();
        Assert.True(pages >= 2, $"55 deposits fill {pages} page(s)");
        Assert.Equal((0, 1, 50, 50), (first.GetProperty("page").GetInt32(), second.GetProperty("page").GetInt32(),
            first.GetProperty("pageSize").GetInt32(), first.GetProperty("entries").GetArrayLength()));
        // Newest first: a movement's balance after it is the older one's balance plus (or minus) its amount, across the
        // page break too, and the newest leaves today's balance.
        var rows = first.GetProperty("entries").EnumerateArray().Concat(second.GetProperty("entries").EnumerateArray()).ToList();
        Assert.Equal(first.GetProperty("balance").GetDecimal(), rows[0].GetProperty("balanceAfter").GetDecimal());
        Assert.Equal(100.55m, rows[0].GetProperty("amount").GetDecimal());
        for (var i = 0; i < rows.Count - 1; i++)
        {
            var signed = rows[i].GetProperty("direction").GetString() == "in" ? rows[i].GetProperty("amount").GetDecimal() : -rows[i].GetProperty("amount").GetDecimal();
            Assert.Equal(rows[i + 1].GetProperty("balanceAfter").GetDecimal() + signed, rows[i].GetProperty("balanceAfter").GetDecimal());
        }
        Assert.Equal((0, pages), (past.GetProperty("entries").GetArrayLength(), past.GetProperty("pages").GetInt32()));
    }

    // A company's cash balance as its statement shows it to the regulator.
    private static async Task<decimal> BalanceAsync(HttpClient regulator, string code) =>
        (await regulator.GetFromJsonAsync<JsonElement>("/api/v1/cash/organisations/" + code, Ct)).GetProperty("balance").GetDecimal();
}
