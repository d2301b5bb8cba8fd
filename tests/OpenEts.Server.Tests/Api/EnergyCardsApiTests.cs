using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Application.DualControl.Cards;
using OpenEts.Domain.DualControl.Cards;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Api;

public sealed class EnergyCardsApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private const string Paper = "91440600MA5CY1004";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string PaperCode => Paper + OpenEts.Domain.Organisations.CreditCode.CheckCharacter(Paper);

    private static string Yesterday => CardsTime.DayOf(DateTimeOffset.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Rules_Anonymous_ShowTianjinFineBandsWithTheirSource()
    {
        using var client = server.CreateClient();

        var rules = await client.GetFromJsonAsync<JsonElement>("/api/v1/energy/cards/rules", Ct);

        var tianjin = rules.EnumerateArray().Single(r => r.GetProperty("id").GetString() == "tianjin-2017");
        var red = tianjin.GetProperty("triggers").EnumerateArray()
            .Single(t => t.GetProperty("kind").GetString() == "builtWithoutEia" && t.GetProperty("colour").GetString() == "red");
        Assert.Equal(500_000m, red.GetProperty("fineFromYuan").GetDecimal());
        Assert.Contains("ahhrtd.cn", red.GetProperty("source").GetString(), StringComparison.Ordinal);
        var qinghai = rules.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "qinghai");
        Assert.False(qinghai.GetProperty("confirmed").GetBoolean());
    }

    [Fact]
    public async Task Apu_Anonymous_SeedClaimIsFlaggedWithTheArithmetic()
    {
        using var client = server.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/energy/calculators/apu",
            new { flightsPerDay = 770, fuelPerStayKg = 155, fuelFactor = 3.18m, claimedTonnes = 70_000 }, Ct);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        // 770 × 155 kg × 365 d ÷ 1000 × 3.18 = 138 529.545 t
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(138_529.545m, result.GetProperty("computedTonnes").GetDecimal());
        Assert.True(result.GetProperty("flagged").GetBoolean());
        Assert.Equal("underclaimed", result.GetProperty("check").GetString());
        Assert.Contains("70,000 − 138,529.545", result.GetProperty("checkArithmetic").GetString(), StringComparison.Ordinal);
        Assert.Equal(138_529.545m * 37m, result.GetProperty("monetisedUsd").GetDecimal());
    }

    [Fact]
    public async Task Boiler_UnknownFuel_Is400NamingTheField()
    {
        using var client = server.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/energy/calculators/boiler", new { baselineFuel = "peat", baselineAmount = 10 }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("baselineFuel", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("retrofit", """{"electricitySavedMwh":100,"fuelSaved":5}""", "fuel")]
    [InlineData("boiler", """{"baselineFuel":"raw-coal","baselineAmount":100,"newFuel":"natural-gas"}""", "newAmount")]
    public async Task Calculator_AFuelWithoutItsAmountOrTheOtherWay_Is400NamingTheMissingField(string calculator, string body, string field)
    {
        using var client = server.CreateClient();

        using var response = await client.PostAsync("/api/v1/energy/calculators/" + calculator,
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal("RequiredWith", problem.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Violation_RecordConfirmLift_CardLifecycleAndTheCompanySeesItsOwnHistory()
    {
        using var regulator = await server.SignedInAsync("regulator");

        var recorded = await (await regulator.PostAsJsonAsync("/api/v1/energy/cards/violations", new
        {
            organisation = PaperCode, jurisdiction = "jiangxi", kind = "concentrationExceedance", observedOn = Yesterday, evidence = "CEMS hourly",
            parameter = "COD", measured = 90m, limit = 60m, unit = "mg/L",
        }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var card = recorded.GetProperty("proposed").GetProperty("id").GetInt64();
        var confirmed = await (await regulator.PostAsJsonAsync($"/api/v1/energy/cards/{card}/decision", new { decision = "confirm", evidence = "site visit" }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        var lifted = await (await regulator.PostAsJsonAsync($"/api/v1/energy/cards/{card}/lift", new { evidence = "re-test below limit" }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var again = await regulator.PostAsJsonAsync($"/api/v1/energy/cards/{card}/lift", new { evidence = "again" }, Ct);
        using var paper = await server.SignedInAsync("paper-a");
        var history = await paper.GetFromJsonAsync<JsonElement>($"/api/v1/energy/cards/companies/{PaperCode}", Ct);
        using var steel = await server.SignedInAsync("steel-a");
        using var notTheirs = await steel.GetAsync($"/api/v1/energy/cards/companies/{PaperCode}", Ct);

        Assert.Equal("yellow", recorded.GetProperty("proposed").GetProperty("colour").GetString());
        Assert.Equal("inForce", confirmed.GetProperty("status").GetString());
        Assert.NotNull(confirmed.GetProperty("deadline").GetString());
        Assert.Equal("lifted", lifted.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("CardNotInForce", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("blue", history.GetProperty("creditGrade").GetString());
        Assert.Contains(history.GetProperty("cards").EnumerateArray(), c => c.GetProperty("id").GetInt64() == card);
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
    }

    [Fact]
    public async Task Violation_UnknownKind_Is400NamingTheValueGivenAndTheValuesAllowed()
    {
        using var regulator = await server.SignedInAsync("regulator");

        using var response = await regulator.PostAsJsonAsync("/api/v1/energy/cards/violations", new
        {
            organisation = PaperCode, jurisdiction = "tianjin", kind = "smoke", observedOn = Yesterday, evidence = "x",
        }, Ct);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("kind");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // In Chinese, with the value given and the values as the API writes them, not an English sentence.
        var message = Assert.Single(errors.EnumerateArray()).GetString()!;
        Assert.StartsWith("类型：“smoke”不是可选的值之一，可选：", message, StringComparison.Ordinal);
        Assert.Contains("failureToDisclose", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Violation_AnonymousOrCompany_401And403()
    {
        using var anonymous = server.CreateClient();
        using var company = await server.SignedInAsync("paper-a");
        var body = new { organisation = PaperCode, jurisdiction = "tianjin", kind = "failureToDisclose", observedOn = Yesterday, evidence = "x" };

        using var a = await anonymous.PostAsJsonAsync("/api/v1/energy/cards/violations", body, Ct);
        using var c = await company.PostAsJsonAsync("/api/v1/energy/cards/violations", body, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, c.StatusCode);
    }

    [Fact]
    public async Task PublishList_CurrentQuarterRefusedLastQuarterPublishedOnceAndDownloadableAnonymously()
    {
        using var regulator = await server.SignedInAsync("regulator");
        var current = Quarter.Of(CardsTime.DayOf(DateTimeOffset.UtcNow));

        using var early = await regulator.PostAsJsonAsync("/api/v1/energy/cards/lists", new { jurisdiction = "tianjin", quarter = current.ToString() }, Ct);
        using var published = await regulator.PostAsJsonAsync("/api/v1/energy/cards/lists", new { jurisdiction = "tianjin", quarter = current.Previous.ToString() }, Ct);
        using var twice = await regulator.PostAsJsonAsync("/api/v1/energy/cards/lists", new { jurisdiction = "tianjin", quarter = current.Previous.ToString() }, Ct);
        using var anonymous = server.CreateClient();
        var lists = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/energy/cards/lists", Ct);
        using var xlsx = await anonymous.GetAsync($"/api/v1/energy/cards/lists/tianjin/{current.Previous}/list.xlsx", Ct);
        var page = System.Net.WebUtility.HtmlDecode(await anonymous.GetStringAsync(
            new Uri($"/Energy/Cards/List?jurisdiction=tianjin&quarter={current.Previous}", UriKind.Relative), Ct));

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("QuarterNotOver", await early.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains(lists.EnumerateArray(), l => l.GetProperty("quarter").GetString() == current.Previous.ToString());
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(OpenEts.Application.Files.TabularWriter.XlsxContentType, xlsx.Content.Headers.ContentType!.MediaType);
        // The public page names the place as its rules do, not only by the code in its address.
        Assert.Contains($"<h1>季度公开名单 · 天津市 (tianjin) · {current.Previous}</h1>", page, StringComparison.Ordinal);
    }
}
