using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Registry;

/// <summary>
/// The regulator's account administration and corrections and the holders' voluntary cancellation, on the seeded demo
/// registry. Each test opens its own accounts, so the tests do not depend on each other's order.
/// </summary>
public sealed class RegistryAdminApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private const string Class = "GDEA-2017";
    private const string Issuance = "GD-ISSUANCE";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpenAccount_InvestorForTwoUsers_IsListedForTheRegulatorAndTheRepresentatives()
    {
        using var regulator = await server.SignedInAsync("regulator");
        using var paperA = await server.SignedInAsync("paper-a");
        var number = NewNumber();

        using var response = await regulator.PostAsJsonAsync("/api/v1/registry/accounts", new
        {
            number, kind = "investor", holderName = "示范投资有限公司", representatives = Users("paper-a", "steel-b"), idempotencyKey = Key(),
        }, Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var listed = (await AccountAsync(regulator, number))!.Value;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("registry.account.opened", body.GetProperty("event").GetString());
        Assert.Equal("investor", listed.GetProperty("kind").GetString());
        Assert.Equal("open", listed.GetProperty("state").GetString());
        Assert.Equal(["paper-a", "steel-b"], Representatives(listed));
        Assert.NotNull(await AccountAsync(paperA, number));
    }

    [Fact]
    public async Task OpenAccount_WithUnknownUser_Returns400NamingRepresentatives()
    {
        using var regulator = await server.SignedInAsync("regulator");
        var number = NewNumber();

        using var response = await regulator.PostAsJsonAsync("/api/v1/registry/accounts", new
        {
            number, kind = "holding", holderName = "示范企业", representatives = Users("paper-a", "nobody-here"), idempotencyKey = Key(),
        }, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("representatives", out _), problem.ToString());
        Assert.Null(await AccountAsync(regulator, number));
    }

    [Fact]
    public async Task OpenAccount_WithOneRepresentative_Returns409TooFewRepresentatives()
    {
        using var regulator = await server.SignedInAsync("regulator");

        using var response = await regulator.PostAsJsonAsync("/api/v1/registry/accounts", new
        {
            number = NewNumber(), kind = "holding", holderName = "示范企业", representatives = Users("paper-a"), idempotencyKey = Key(),
        }, Ct);

        await AssertRefusedAsync(response, HttpStatusCode.Conflict, "TooFewRepresentatives", "representatives");
    }

    [Fact]
    public async Task OpenAccount_SameIdempotencyKeyTwice_ExecutesOnce()
    {
        using var regulator = await server.SignedInAsync("regulator");
        var request = new
        {
            number = NewNumber(), kind = "clearing", holderName = "示范结算", representatives = Users("exchange", "exchange-b"),
            idempotencyKey = Key(),
        };
        var journal = await JournalCountAsync(regulator);

        using var first = await regulator.PostAsJsonAsync("/api/v1/registry/accounts", request, Ct);
        using var second = await regulator.PostAsJsonAsync("/api/v1/registry/accounts", request, Ct);
        var a = await first.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var b = await second.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var accounts = await regulator.GetFromJsonAsync<JsonElement>("/api/v1/registry/accounts", Ct);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(a.GetProperty("duplicate").GetBoolean());
        Assert.True(b.GetProperty("duplicate").GetBoolean());
        Assert.Equal(journal + 1, await JournalCountAsync(regulator));
        Assert.Single(accounts.EnumerateArray(), x => x.GetProperty("number").GetString() == request.number);
    }

    [Fact]
    public async Task Block_ThenTransferOut_IsRefusedUntilUnblocked()
    {
        using var regulator = await server.SignedInAsync("regulator");
        using var aviationA = await server.SignedInAsync("aviation-a");
        var number = await OpenHoldingAsync(regulator, "aviation-a", "aviation-b");
        await AllocateAsync(regulator, number, 100);

        using var blocked = await PostStateAsync(regulator, number, "block", "未按期履约");
        using var refused = await ProposeAsync(aviationA, number, 10);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var unblocked = await PostStateAsync(regulator, number, "unblock", "已履约");
        using var allowed = await ProposeAsync(aviationA, number, 10);

        Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("AccountBlocked", problem.GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.OK, unblocked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Block_WithBlankReason_Returns400NamingReason()
    {
        using var regulator = await server.SignedInAsync("regulator");
        var number = await OpenHoldingAsync(regulator, "cement-a", "cement-b");

        using var response = await PostStateAsync(regulator, number, "block", " ");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _), problem.ToString());
    }

    [Fact]
    public async Task Block_SameIdempotencyKeyTwice_ExecutesOnce()
    {
        using var regulator = await server.SignedInAsync("regulator");
        var number = await OpenHoldingAsync(regulator, "cement-a", "cement-b");
        var key = Key();
        var journal = await JournalCountAsync(regulator);

        using var first = await PostStateAsync(regulator, number, "block", "核查中", key);
        using var second = await PostStateAsync(regulator, number, "block", "核查中", key);
        var b = await second.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(b.GetProperty("duplicate").GetBoolean());
        Assert.Equal(journal + 1, await JournalCountAsync(regulator));
    }

    [Fact]
    public async Task Block_UnknownAccount_Returns409UnknownAccount()
    {
        using var regulator = await server.SignedInAsync("regulator");

        using var response = await PostStateAsync(regulator, "GD-NO-SUCH", "block", "核查中");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(("UnknownAccount", "account"), (problem.GetProperty("rule").GetString(), problem.GetProperty("field").GetString()));
        // The refusal said 账户不存在 without the number typed (a lower-case gd-hold-power read as missing, with no clue why).
        Assert.Contains("账户“GD-NO-SUCH”不存在（账户号区分大小写）", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    // A transfer of a class never issued said 单位类别无效或尚未发放, not which class was meant.
    [Fact]
    public async Task Transfer_OfAClassNeverIssued_NamesTheClassTyped()
    {
        using var powerA = await server.SignedInAsync("power-a");

        using var response = await powerA.PostAsJsonAsync("/api/v1/registry/transfers",
            new { from = "GD-HOLD-POWER", to = "GD-HOLD-CEMENT", @class = "GDEA-2031", quantity = 1, idempotencyKey = "class-" + Guid.NewGuid().ToString("N") }, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("UnknownUnitClass", problem.GetProperty("rule").GetString());
        Assert.Contains("尚未发放单位类别“GDEA-2031”的任何单位", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_WithHoldings_IsRefusedUntilEmptied()
    {
        using var regulator = await server.SignedInAsync("regulator");
        var number = await OpenHoldingAsync(regulator, "steel-a", "steel-b");
        await AllocateAsync(regulator, number, 50);

        using var refused = await PostStateAsync(regulator, number, "close", "企业注销");
        await AssertRefusedAsync(refused, HttpStatusCode.Conflict, "HoldingsNotEmpty", "account");
        using var emptied = await CorrectAsync(regulator, new
        {
            from = number, to = Issuance, @class = Class, quantity = 50, reason = "注销前收回", idempotencyKey = Key(),
        });
        using var closed = await PostStateAsync(regulator, number, "close", "企业注销");

        Assert.Equal(HttpStatusCode.OK, emptied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("closed", (await AccountAsync(regulator, number))!.Value.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Representatives_AddThenRemove_ChangeTheListButKeepTwo()
    {
        using var regulator = await server.SignedInAsync("regulator");
        var number = await OpenHoldingAsync(regulator, "cement-a", "cement-b");

        using var added = await PostUserAsync(regulator, number, "representatives", "steel-a");
        var afterAdd = Representatives((await AccountAsync(regulator, number))!.Value);
        using var removed = await PostUserAsync(regulator, number, "representatives/remove", "cement-a");
        var afterRemove = Representatives((await AccountAsync(regulator, number))!.Value);
        using var refused = await PostUserAsync(regulator, number, "representatives/remove", "cement-b");

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(["cement-a", "cement-b", "steel-a"], afterAdd);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(["cement-b", "steel-a"], afterRemove);
        await AssertRefusedAsync(refused, HttpStatusCode.Conflict, "TooFewRepresentatives", "user");
    }

    [Fact]
    public async Task AddRepresentative_UnknownUser_Returns400NamingUser()
    {
        using var regulator = await server.SignedInAsync("regulator");
        var number = await OpenHoldingAsync(regulator, "cement-a", "cement-b");

        using var response = await PostUserAsync(regulator, number, "representatives", "nobody-here");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("user", out _), problem.ToString());
    }

    // An auditor can never approve a transfer, and a verifier holding units it verifies would be conflicted: neither may
    // be named a representative (the admin page offered only holders; the API took anyone).
    [Fact]
    public async Task AddRepresentativeOrOpenAccount_NamingAnAuditorOrAVerifier_Returns400NotARepresentativeRole_AndChangesNothing()
    {
        using var regulator = await server.SignedInAsync("regulator");
        var number = await OpenHoldingAsync(regulator, "cement-a", "cement-b");

        using var added = await PostUserAsync(regulator, number, "representatives", "auditor");
        using var opened = await regulator.PostAsJsonAsync("/api/v1/registry/accounts", new
        {
            number = "GD-INV-QA9", kind = "investor", holderName = "核查测试", representatives = Users("power-a", "verifier"),
            idempotencyKey = "open-verifier",
        }, Ct);
        var addedProblem = await added.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var openedProblem = await opened.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (added.StatusCode, opened.StatusCode));
        Assert.True(addedProblem.GetProperty("errors").TryGetProperty("user", out _), addedProblem.ToString());
        Assert.True(openedProblem.GetProperty("errors").TryGetProperty("representatives", out _), openedProblem.ToString());
        Assert.Contains("NotARepresentativeRole", addedProblem.ToString(), StringComparison.Ordinal);
        Assert.Equal(["cement-a", "cement-b"], Representatives((await AccountAsync(regulator, number))!.Value));
        Assert.Null(await AccountAsync(regulator, "GD-INV-QA9"));
    }

    [Fact]
    public async Task RemoveRepresentative_UserWhoIsNotOne_Returns409NamingUser()
    {
        using var regulator = await server.SignedInAsync("regulator");
        var number = await OpenHoldingAsync(regulator, "cement-a", "cement-b");

        using var response = await PostUserAsync(regulator, number, "representatives/remove", "steel-a");

        await AssertRefusedAsync(response, HttpStatusCode.Conflict, "NotRepresentative", "user");
    }

    [Fact]
    public async Task Cancel_ByRepresentative_MovesUnitsToTheCancellationAccount()
    {
        using var regulator = await server.SignedInAsync("regulator");
        using var paperA = await server.SignedInAsync("paper-a");
        var number = await OpenHoldingAsync(regulator, "paper-a", "paper-b");
        await AllocateAsync(regulator, number, 30);
        var cancelledBefore = await HeldAsync(regulator, "GD-CANCELLATION");

        using var response = await paperA.PostAsJsonAsync("/api/v1/registry/cancellations",
            new { from = number, @class = Class, quantity = 10, reason = "碳中和活动", idempotencyKey = Key() }, Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("registry.units.cancelled", body.GetProperty("event").GetString());
        Assert.Equal(10, body.GetProperty("quantity").GetInt64());
        Assert.Equal(20, await HeldAsync(paperA, number));
        Assert.Equal(cancelledBefore + 10, await HeldAsync(regulator, "GD-CANCELLATION"));
    }

    [Fact]
    public async Task Cancel_ByNonRepresentative_IsForbidden()
    {
        using var regulator = await server.SignedInAsync("regulator");
        using var cementA = await server.SignedInAsync("cement-a");
        var number = await OpenHoldingAsync(regulator, "paper-a", "paper-b");
        await AllocateAsync(regulator, number, 30);

        using var response = await cementA.PostAsJsonAsync("/api/v1/registry/cancellations",
            new { from = number, @class = Class, quantity = 10, reason = "碳中和活动", idempotencyKey = Key() }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(30, await HeldAsync(regulator, number));
    }

    [Fact]
    public async Task Cancel_FromUnknownAccount_Returns409UnknownAccount()
    {
        using var paperA = await server.SignedInAsync("paper-a");

        using var response = await paperA.PostAsJsonAsync("/api/v1/registry/cancellations",
            new { from = "GD-NO-SUCH", @class = Class, quantity = 1, idempotencyKey = Key() }, Ct);

        await AssertRefusedAsync(response, HttpStatusCode.Conflict, "UnknownAccount", "from");
    }

    [Fact]
    public async Task Correct_ByQuantityAndBySerials_MovesThoseUnits()
    {
        using var regulator = await server.SignedInAsync("regulator");
        var number = await OpenHoldingAsync(regulator, "steel-a", "steel-b");
        await AllocateAsync(regulator, number, 100);

        using var byQuantity = await CorrectAsync(regulator, new
        {
            from = number, to = Issuance, @class = Class, quantity = 10, reason = "多分配", idempotencyKey = Key(),
        });
        var first = await FirstSerialAsync(regulator, number);
        using var bySerials = await CorrectAsync(regulator, new
        {
            from = number, to = Issuance, @class = Class, serials = new { first = first + 5, last = first + 9 }, reason = "序列号更正",
            idempotencyKey = Key(),
        });
        var body = await bySerials.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.OK, byQuantity.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bySerials.StatusCode);
        Assert.Equal("registry.units.corrected", body.GetProperty("event").GetString());
        Assert.Equal([string.Create(CultureInfo.InvariantCulture, $"{Class}-{first + 5}-{first + 9}")],
            body.GetProperty("blocks").EnumerateArray().Select(b => b.GetString() ?? "").ToArray());
        Assert.Equal(85, await HeldAsync(regulator, number));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Correct_WithBlankReason_Returns400NamingReason(bool bySerials)
    {
        using var regulator = await server.SignedInAsync("regulator");
        var number = await OpenHoldingAsync(regulator, "steel-a", "steel-b");
        await AllocateAsync(regulator, number, 10);
        var first = await FirstSerialAsync(regulator, number);

        using var response = bySerials
            ? await CorrectAsync(regulator, new
            {
                from = number, to = Issuance, @class = Class, serials = new { first, last = first }, reason = "", idempotencyKey = Key(),
            })
            : await CorrectAsync(regulator, new { from = number, to = Issuance, @class = Class, quantity = 1, idempotencyKey = Key() });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _), problem.ToString());
        Assert.Equal(10, await HeldAsync(regulator, number));
    }

    [Fact]
    public async Task Correct_WithQuantityAndSerials_Returns400NamingSerials()
    {
        using var regulator = await server.SignedInAsync("regulator");

        using var response = await CorrectAsync(regulator, new
        {
            from = "GD-HOLD-POWER", to = Issuance, @class = Class, quantity = 1, serials = new { first = 1, last = 1 }, reason = "更正",
            idempotencyKey = Key(),
        });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("serials", out _), problem.ToString());
    }

    [Fact]
    public async Task Correct_AsCompany_IsForbidden()
    {
        using var powerA = await server.SignedInAsync("power-a");

        using var response = await CorrectAsync(powerA, new
        {
            from = "GD-HOLD-POWER", to = "GD-HOLD-CEMENT", @class = Class, quantity = 1, reason = "更正", idempotencyKey = Key(),
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static string Key() => Guid.NewGuid().ToString("N");

    private static string[] Users(params string[] names) => names;

    private static string NewNumber() => "T-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    private static async Task<string> OpenHoldingAsync(HttpClient regulator, params string[] representatives)
    {
        var number = NewNumber();
        using var response = await regulator.PostAsJsonAsync("/api/v1/registry/accounts",
            new { number, kind = "holding", holderName = "测试企业", representatives, idempotencyKey = Key() }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return number;
    }

    private static async Task AllocateAsync(HttpClient regulator, string to, long quantity)
    {
        using var response = await regulator.PostAsJsonAsync("/api/v1/registry/allocations",
            new { to, @class = Class, quantity, idempotencyKey = Key() }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    private static Task<HttpResponseMessage> PostStateAsync(HttpClient client, string account, string action, string reason,
        string? key = null) =>
        client.PostAsJsonAsync($"/api/v1/registry/accounts/{account}/{action}", new { reason, idempotencyKey = key ?? Key() }, Ct);

    private static Task<HttpResponseMessage> PostUserAsync(HttpClient client, string account, string path, string user) =>
        client.PostAsJsonAsync($"/api/v1/registry/accounts/{account}/{path}", new { user, idempotencyKey = Key() }, Ct);

    private static Task<HttpResponseMessage> CorrectAsync(HttpClient client, object body) =>
        client.PostAsJsonAsync("/api/v1/registry/corrections", body, Ct);

    private static Task<HttpResponseMessage> ProposeAsync(HttpClient client, string from, long quantity) =>
        client.PostAsJsonAsync("/api/v1/registry/transfers",
            new { from, to = "GD-HOLD-CEMENT", @class = Class, quantity, idempotencyKey = Key() }, Ct);

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string rule, string field)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {problem}");
        Assert.Equal(rule, problem.GetProperty("rule").GetString());
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    private static async Task<JsonElement?> AccountAsync(HttpClient client, string number)
    {
        var accounts = await client.GetFromJsonAsync<JsonElement>("/api/v1/registry/accounts", Ct);
        return accounts.EnumerateArray().Where(a => a.GetProperty("number").GetString() == number).Select(a => (JsonElement?)a)
            .SingleOrDefault();
    }

    private static string[] Representatives(JsonElement account) =>
        account.GetProperty("representatives").EnumerateArray().Select(r => r.GetString() ?? "").Order(StringComparer.Ordinal).ToArray();

    private static async Task<long> HeldAsync(HttpClient client, string account)
    {
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/registry/accounts/{account}/holdings", Ct);
        return view.GetProperty("holdings").EnumerateArray()
            .Where(h => h.GetProperty("class").GetString() == Class).Sum(h => h.GetProperty("quantity").GetInt64());
    }

    private static async Task<long> FirstSerialAsync(HttpClient client, string account)
    {
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/registry/accounts/{account}/holdings", Ct);
        var block = view.GetProperty("holdings").EnumerateArray().Single(h => h.GetProperty("class").GetString() == Class)
            .GetProperty("blocks")[0].GetString()!;
        return long.Parse(block[(Class.Length + 1)..].Split('-')[0], CultureInfo.InvariantCulture);
    }

    private static async Task<long> JournalCountAsync(HttpClient regulator) =>
        (await regulator.GetFromJsonAsync<JsonElement>("/api/v1/audit", Ct)).GetProperty("total").GetInt64();
}
