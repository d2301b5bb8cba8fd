using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Registry;

/// <summary>The registry API on the seeded demo registry: four-eyes transfers, refusals, idempotency, verification.</summary>
public sealed class RegistryApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private const string Power = "GD-HOLD-POWER";
    private const string Cement = "GD-HOLD-CEMENT";
    private const string Class = "GDEA-2017";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Transfer_ProposedByOneRepresentativeApprovedByTheOther_MovesUnits()
    {
        using var powerA = await server.SignedInAsync("power-a");
        using var powerB = await server.SignedInAsync("power-b");
        using var cementA = await server.SignedInAsync("cement-a");
        var powerBefore = await HeldAsync(powerA, Power);
        var cementBefore = await HeldAsync(cementA, Cement);

        var id = await ProposeAsync(powerA, 1000, Key());
        using var approved = await powerB.PostAsJsonAsync($"/api/v1/registry/transfers/{id}/approve", new { idempotencyKey = Key() }, Ct);

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(powerBefore - 1000, await HeldAsync(powerA, Power));
        Assert.Equal(cementBefore + 1000, await HeldAsync(cementA, Cement));
    }

    [Fact]
    public async Task Issue_7_ProposeTransfer_ReportsProposedQuantity()
    {
        using var powerA = await server.SignedInAsync("power-a");

        using var response = await powerA.PostAsJsonAsync("/api/v1/registry/transfers",
            new { from = Power, to = Cement, @class = Class, quantity = 40, idempotencyKey = Key() }, Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("registry.transfer.proposed", body.GetProperty("event").GetString());
        Assert.Equal(40, body.GetProperty("quantity").GetInt64());
        Assert.True(body.GetProperty("proposal").GetInt64() > 0, body.ToString());
        Assert.Equal(0, body.GetProperty("blocks").GetArrayLength());
    }

    [Fact]
    public async Task Approve_ByTheProposer_IsRefusedNamingTheRule()
    {
        using var powerA = await server.SignedInAsync("power-a");
        var id = await ProposeAsync(powerA, 10, Key());

        using var response = await powerA.PostAsJsonAsync($"/api/v1/registry/transfers/{id}/approve", new { idempotencyKey = Key() }, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("OwnApproval", problem.GetProperty("rule").GetString());
        Assert.Equal("actor", problem.GetProperty("field").GetString());
    }

    // The API named an unknown transfer proposal in the exchange's words (没有待您处理的该大宗协议申报, rule.UnknownProposal
    // of the block trades) and a transfer from another's account in the trading module's; the pages gave the registry's.
    [Fact]
    public async Task Approve_AnUnknownProposal_IsRefusedInTheRegistrysWordsAsThePageSays()
    {
        using var powerB = await server.SignedInAsync("power-b");
        using var cementA = await server.SignedInAsync("cement-a");

        using var unknown = await powerB.PostAsJsonAsync("/api/v1/registry/transfers/987654/approve", new { idempotencyKey = Key() }, Ct);
        using var notTheirs = await cementA.PostAsJsonAsync("/api/v1/registry/transfers",
            new { from = Power, to = Cement, @class = Class, quantity = 5, idempotencyKey = Key() }, Ct);
        var problem = await unknown.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var forbidden = await notTheirs.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal((HttpStatusCode.Conflict, "UnknownProposal"), (unknown.StatusCode, problem.GetProperty("rule").GetString()));
        Assert.Equal("转移申请编号：转移申请不存在", problem.GetProperty("detail").GetString());
        Assert.Equal((HttpStatusCode.Forbidden, "操作人：您不是该账户的授权代表"), (notTheirs.StatusCode, forbidden.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Approve_Twice_SecondIsRefused()
    {
        using var powerA = await server.SignedInAsync("power-a");
        using var powerB = await server.SignedInAsync("power-b");
        var id = await ProposeAsync(powerA, 20, Key());
        using var first = await powerB.PostAsJsonAsync($"/api/v1/registry/transfers/{id}/approve", new { idempotencyKey = Key() }, Ct);
        var held = await HeldAsync(powerA, Power);

        using var second = await powerB.PostAsJsonAsync($"/api/v1/registry/transfers/{id}/approve", new { idempotencyKey = Key() }, Ct);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("ProposalAlreadyExecuted", problem.GetProperty("rule").GetString());
        Assert.Equal(held, await HeldAsync(powerA, Power));
    }

    [Fact]
    public async Task Propose_MoreThanHeld_IsRefusedAndNothingChanges()
    {
        using var powerA = await server.SignedInAsync("power-a");
        using var regulator = await server.SignedInAsync("regulator");
        var held = await HeldAsync(powerA, Power);
        var journal = await JournalCountAsync(regulator);

        using var response = await powerA.PostAsJsonAsync("/api/v1/registry/transfers",
            new { from = Power, to = Cement, @class = Class, quantity = held + 1, idempotencyKey = Key() }, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("InsufficientHoldings", problem.GetProperty("rule").GetString());
        Assert.Equal("quantity", problem.GetProperty("field").GetString());
        Assert.Equal(held, await HeldAsync(powerA, Power));
        Assert.Equal(journal, await JournalCountAsync(regulator));
    }

    [Fact]
    public async Task Propose_SameIdempotencyKeyTwice_ExecutesOnce()
    {
        using var powerA = await server.SignedInAsync("power-a");
        var key = Key();

        using var first = await powerA.PostAsJsonAsync("/api/v1/registry/transfers",
            new { from = Power, to = Cement, @class = Class, quantity = 5, idempotencyKey = key }, Ct);
        using var second = await powerA.PostAsJsonAsync("/api/v1/registry/transfers",
            new { from = Power, to = Cement, @class = Class, quantity = 5, idempotencyKey = key }, Ct);
        var a = await first.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var b = await second.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(a.GetProperty("duplicate").GetBoolean());
        Assert.True(b.GetProperty("duplicate").GetBoolean());
        Assert.Equal(a.GetProperty("proposal").GetInt64(), b.GetProperty("proposal").GetInt64());
    }

    [Fact]
    public async Task Propose_FromAnotherCompanysAccount_IsForbidden()
    {
        using var cementA = await server.SignedInAsync("cement-a");

        using var propose = await cementA.PostAsJsonAsync("/api/v1/registry/transfers",
            new { from = Power, to = Cement, @class = Class, quantity = 1, idempotencyKey = Key() }, Ct);
        using var holdings = await cementA.GetAsync($"/api/v1/registry/accounts/{Power}/holdings", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, propose.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, holdings.StatusCode);
    }

    [Fact]
    public async Task Propose_WithMalformedClass_Returns400NamingTheField()
    {
        using var powerA = await server.SignedInAsync("power-a");

        using var response = await powerA.PostAsJsonAsync("/api/v1/registry/transfers",
            new { from = Power, to = Cement, @class = "XX", quantity = 1, idempotencyKey = Key() }, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("class", out _));
    }

    [Fact]
    public async Task Verify_AfterTransfers_ReportsIntact()
    {
        using var powerA = await server.SignedInAsync("power-a");
        using var powerB = await server.SignedInAsync("power-b");
        using var auditor = await server.SignedInAsync("auditor");
        var id = await ProposeAsync(powerA, 7, Key());
        using var approved = await powerB.PostAsJsonAsync($"/api/v1/registry/transfers/{id}/approve", new { idempotencyKey = Key() }, Ct);

        var check = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/registry/verify", Ct);
        var serial = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/registry/serials/{Class}/1", Ct);

        Assert.True(check.GetProperty("intact").GetBoolean(), check.ToString());
        Assert.True(check.GetProperty("registryEvents").GetInt64() > 10);
        Assert.Contains(serial.GetProperty("account").GetString(), new[] { Power, Cement });
    }

    [Fact]
    public async Task Issue_8_SerialLookup_AsAnotherCompany_SaysOnlyHeldElsewhere()
    {
        using var cementA = await server.SignedInAsync("cement-a");
        using var powerA = await server.SignedInAsync("power-a");
        using var auditor = await server.SignedInAsync("auditor");
        var seen = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/registry/serials/{Class}/2000000", Ct);
        Assert.Equal(Power, seen.GetProperty("account").GetString());

        var fromCement = await cementA.GetFromJsonAsync<JsonElement>($"/api/v1/registry/serials/{Class}/2000000", Ct);
        var fromPower = await powerA.GetFromJsonAsync<JsonElement>($"/api/v1/registry/serials/{Class}/2000000", Ct);
        var never = await cementA.GetFromJsonAsync<JsonElement>($"/api/v1/registry/serials/{Class}/999999999999", Ct);

        Assert.Equal(JsonValueKind.Null, fromCement.GetProperty("account").ValueKind);
        Assert.Equal("heldElsewhere", fromCement.GetProperty("status").GetString());
        Assert.Equal((Power, "held"), (fromPower.GetProperty("account").GetString(), fromPower.GetProperty("status").GetString()));
        Assert.Equal("notIssued", never.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Accounts_AsCompany_ListsOnlyItsOwn()
    {
        using var powerA = await server.SignedInAsync("power-a");
        using var regulator = await server.SignedInAsync("regulator");

        var own = await powerA.GetFromJsonAsync<JsonElement>("/api/v1/registry/accounts", Ct);
        var all = await regulator.GetFromJsonAsync<JsonElement>("/api/v1/registry/accounts", Ct);

        Assert.Equal([Power], own.EnumerateArray().Select(a => a.GetProperty("number").GetString() ?? "").ToArray());
        Assert.Equal(10, all.GetArrayLength()); // the demo's 3 registry accounts, 5 companies, clearing and buffer
    }

    [Fact]
    public async Task IssueAndAllocate_AsRegulator_RaiseHoldingAndShowInHistory()
    {
        using var regulator = await server.SignedInAsync("regulator");
        var before = await HeldAsync(regulator, "GD-HOLD-PAPER");

        using var issued = await regulator.PostAsJsonAsync("/api/v1/registry/issuances",
            new { @class = Class, quantity = 100, idempotencyKey = Key() }, Ct);
        using var allocated = await regulator.PostAsJsonAsync("/api/v1/registry/allocations",
            new { to = "GD-HOLD-PAPER", @class = Class, quantity = 100, idempotencyKey = Key() }, Ct);
        var history = await regulator.GetFromJsonAsync<JsonElement>("/api/v1/registry/accounts/GD-HOLD-PAPER/history", Ct);

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allocated.StatusCode);
        Assert.Equal(before + 100, await HeldAsync(regulator, "GD-HOLD-PAPER"));
        Assert.Equal("registry.units.allocated", history[history.GetArrayLength() - 1].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task History_FilteredByKindClassAndPaged_ReturnsThatPageAndTheTotal()
    {
        using var regulator = await server.SignedInAsync("regulator");
        foreach (var (unitClass, quantity) in new[] { ("GDEA-2021", 11), ("GDEA-2021", 12), ("GDEA-2021", 13), ("CCER", 14) })
        {
            using var issued = await regulator.PostAsJsonAsync("/api/v1/registry/issuances",
                new { @class = unitClass, quantity, idempotencyKey = Key() }, Ct);
            using var allocated = await regulator.PostAsJsonAsync("/api/v1/registry/allocations",
                new { to = "GD-HOLD-STEEL", @class = unitClass, quantity, idempotencyKey = Key() }, Ct);
            Assert.Equal(HttpStatusCode.OK, allocated.StatusCode);
        }

        using var response = await regulator.GetAsync(
            "/api/v1/registry/accounts/GD-HOLD-STEEL/history?kind=allocated&class=GDEA-2021&skip=1&take=1", Ct);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var since = await regulator.GetFromJsonAsync<JsonElement>(
            "/api/v1/registry/accounts/GD-HOLD-STEEL/history?class=CCER&since=2000-01-01", Ct);
        var until = await regulator.GetFromJsonAsync<JsonElement>(
            "/api/v1/registry/accounts/GD-HOLD-STEEL/history?class=CCER&until=2000-01-01", Ct);

        Assert.Equal("3", response.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(1, page.GetArrayLength());
        Assert.Equal(12, page[0].GetProperty("event").GetProperty("blocks")[0].GetProperty("last").GetInt64()
            - page[0].GetProperty("event").GetProperty("blocks")[0].GetProperty("first").GetInt64() + 1);
        Assert.Equal(1, since.GetArrayLength());
        Assert.Equal(0, until.GetArrayLength());
    }

    [Theory]
    [InlineData("take=0", "take")]
    [InlineData("take=1001", "take")]
    [InlineData("skip=-1", "skip")]
    [InlineData("class=GDEA-17", "class")]
    [InlineData("since=yesterday", "since")]
    [InlineData("since=2018-01-01&until=2017-01-01", "until")]
    public async Task History_BadFilter_IsRefusedNamingTheField(string query, string field)
    {
        using var regulator = await server.SignedInAsync("regulator");

        using var response = await regulator.GetAsync($"/api/v1/registry/accounts/GD-HOLD-STEEL/history?{query}", Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Surrender_ByRepresentative_MovesUnitsToTheSurrenderAccount()
    {
        await server.ApproveDemoPlanAsync();
        using var steelA = await server.SignedInAsync("steel-a");
        var before = await HeldAsync(steelA, "GD-HOLD-STEEL");

        using var response = await steelA.PostAsJsonAsync("/api/v1/registry/surrenders",
            new { from = "GD-HOLD-STEEL", @class = Class, quantity = 250, complianceYear = 2017, idempotencyKey = Key() }, Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("registry.units.surrendered", body.GetProperty("event").GetString());
        Assert.Equal(250, body.GetProperty("quantity").GetInt64());
        Assert.Equal(before - 250, await HeldAsync(steelA, "GD-HOLD-STEEL"));
    }

    [Fact]
    public async Task Surrender_ForAYearWithoutComplianceRules_Returns409NamingTheRuleAndMovesNothing()
    {
        await server.ApproveDemoPlanAsync();
        using var steelA = await server.SignedInAsync("steel-a");
        var before = await HeldAsync(steelA, "GD-HOLD-STEEL");

        using var response = await steelA.PostAsJsonAsync("/api/v1/registry/surrenders",
            new { from = "GD-HOLD-STEEL", @class = Class, quantity = 1, complianceYear = 2016, idempotencyKey = Key() }, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Compliance.NoRules", problem.GetProperty("rule").GetString());
        Assert.Equal("complianceYear", problem.GetProperty("field").GetString());
        // Before, 该辖区该年度尚无经批准的履约规则: neither the jurisdiction nor the year the English names.
        Assert.Equal("履约年度：辖区 GD 的 2016 年度尚无经批准的履约规则", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await HeldAsync(steelA, "GD-HOLD-STEEL"));
    }

    // The registry's surrender once took a hydropower CCER for 2017 into GD-SURRENDER, where compliance never counted it.
    [Fact]
    public async Task Surrender_HydropowerCcerForCompliance_Returns409NamingTheRuleAndMovesNothing()
    {
        await server.ApproveDemoPlanAsync();
        using var steelA = await server.SignedInAsync("steel-a");
        var before = await HeldAsync(steelA, "GD-HOLD-STEEL", Hydro);
        using var regulator = await server.SignedInAsync("regulator");
        var surrenderedBefore = await HeldAsync(regulator, "GD-SURRENDER", Hydro);

        using var response = await steelA.PostAsJsonAsync("/api/v1/registry/surrenders",
            new { from = "GD-HOLD-STEEL", @class = Hydro, quantity = 1000, complianceYear = 2017, idempotencyKey = Key() }, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(("Compliance.ExcludedCategory", "class"), (problem.GetProperty("rule").GetString(), problem.GetProperty("field").GetString()));
        Assert.True(before >= 1000, $"steel holds {before} t of {Hydro}");
        Assert.Equal(before, await HeldAsync(steelA, "GD-HOLD-STEEL", Hydro));
        Assert.Equal(surrenderedBefore, await HeldAsync(regulator, "GD-SURRENDER", Hydro));
    }

    private const string Hydro = "CCER-000202-2015";

    private static string Key() => Guid.NewGuid().ToString("N");

    private static async Task<long> ProposeAsync(HttpClient client, long quantity, string key)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/registry/transfers",
            new { from = Power, to = Cement, @class = Class, quantity, idempotencyKey = key }, Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body.GetProperty("proposal").GetInt64();
    }

    private static async Task<long> HeldAsync(HttpClient client, string account, string unitClass = Class)
    {
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/registry/accounts/{account}/holdings", Ct);
        return view.GetProperty("holdings").EnumerateArray()
            .Where(h => h.GetProperty("class").GetString() == unitClass).Sum(h => h.GetProperty("quantity").GetInt64());
    }

    private static async Task<long> JournalCountAsync(HttpClient regulator) =>
        (await regulator.GetFromJsonAsync<JsonElement>("/api/v1/audit", Ct)).GetProperty("total").GetInt64();
}
