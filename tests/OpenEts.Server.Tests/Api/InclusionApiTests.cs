using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Api;

public sealed class InclusionApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string HourAgo() => DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Programmes_Anonymous_ShowShenzhenMetroFactorWithItsSourceAndFlag()
    {
        using var client = server.CreateClient();

        var programmes = await client.GetFromJsonAsync<JsonElement>("/api/v1/inclusion/programmes", Ct);

        var shenzhen = programmes.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "shenzhen-tanpuhui-2022");
        var metro = shenzhen.GetProperty("behaviours").EnumerateArray().Single(b => b.GetProperty("behaviour").GetString() == "metro");
        var factor = metro.GetProperty("methodology").GetProperty("parameters")[0];
        Assert.Equal(46.7m, factor.GetProperty("value").GetDecimal());
        Assert.True(factor.GetProperty("confirmed").GetBoolean());
        Assert.Contains("citysz.net", factor.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, programmes.EnumerateArray().Count(p => p.GetProperty("code").GetString() == "fuzhou-lvbao"));
    }

    [Fact]
    public async Task PostActions_PlantSizedPvDayOrASecondMeterTheSameDay_IsRefusedExplainedAndOnTheQualityDashboard()
    {
        using var client = await server.SignedInAsync("citizen");
        using var regulator = await server.SignedInAsync("regulator");
        // Three days back: the day's coins this counts stay off today, which the class's other rides count against.
        var when = DateTimeOffset.UtcNow.AddDays(-3).AddHours(-1);
        var at = when.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        var batch = new
        {
            programme = "shenzhen-tanpuhui",
            actions = new[]
            {
                new { eventId = "pv-plant", source = "pv-meter-a", behaviour = "solar-pv", occurredAt = at, quantity = 5000m },
                new { eventId = "pv-roof", source = "pv-meter-b", behaviour = "solar-pv", occurredAt = at, quantity = 300m },
                new { eventId = "pv-second", source = "pv-meter-c", behaviour = "solar-pv", occurredAt = at, quantity = 200m },
            },
        };

        var items = (await (await client.PostAsJsonAsync("/api/v1/inclusion/actions", batch, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("items");
        string Day(DateTimeOffset t) => t.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var quality = await regulator.GetFromJsonAsync<JsonElement>(
            $"/api/v1/inclusion/quality?programme=shenzhen-tanpuhui&from={Day(when)}&to={Day(DateTimeOffset.UtcNow)}", Ct);

        Assert.Equal(["refused", "counted", "refused"], items.EnumerateArray().Select(i => i.GetProperty("status").GetString() ?? "").ToArray());
        Assert.Equal("ImpossibleQuantity", items[0].GetProperty("rule").GetString());
        Assert.Contains("at most 400 kWh a day", items[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("50 kW", items[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("ActionCap", items[2].GetProperty("rule").GetString());
        var direct = quality.GetProperty("partners").EnumerateArray().Single(p => p.GetProperty("partner").GetInt64() == 0).GetProperty("rejectedBy");
        Assert.True(direct.GetProperty("ImpossibleQuantity").GetInt64() >= 1);
        Assert.True(direct.GetProperty("ActionCap").GetInt64() >= 1);
    }

    [Fact]
    public async Task PostActions_CitizenBusRideThenReplay_CountsOnceAndShowsInTheStatement()
    {
        using var client = await server.SignedInAsync("citizen");
        var batch = new { programme = "shenzhen-tanpuhui", actions = new[] { new { eventId = "api-bus-1", source = "sz-card-9", behaviour = "bus", occurredAt = HourAgo(), quantity = 10m, minutes = 25m } } };

        var first = await (await client.PostAsJsonAsync("/api/v1/inclusion/actions", batch, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var replayResponse = await client.PostAsJsonAsync("/api/v1/inclusion/actions", batch, Ct);
        var replay = await replayResponse.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/inclusion/me", Ct);

        // 26.9 g/person-km × 10 km = 269 g; 1 coin per 100 g → 2
        Assert.Equal("counted", first.GetProperty("items")[0].GetProperty("status").GetString());
        Assert.Equal(269m, first.GetProperty("reductionGrams").GetDecimal());
        Assert.Equal(2, first.GetProperty("coins").GetInt64());
        Assert.Equal(HttpStatusCode.OK, replayResponse.StatusCode);
        Assert.Equal("duplicate", replay.GetProperty("items")[0].GetProperty("status").GetString());
        var wallet = me.GetProperty("programmes").EnumerateArray().Single(p => p.GetProperty("programme").GetString() == "shenzhen-tanpuhui");
        Assert.True(wallet.GetProperty("reductionGrams").GetDecimal() >= 269m);
        Assert.Contains(me.GetProperty("recent").EnumerateArray(), e => e.GetProperty("eventId").GetString() == "api-bus-1");
    }

    [Fact]
    public async Task PostActions_ElectricityDeclaringAnOwnAverageOf500KWh_CountsAgainstTheCityBaselineInsteadOfBeingRefusedRange()
    {
        // A citizen of its own: no reading, coin or cap of another test (or of the demo) on the day, whatever the hour the
        // suite runs at (the demo citizen's day four days back in UTC is, after 16:00 UTC, another test's Beijing day).
        using var client = await Pages.CitizenPages.NewCitizenAsync(server, "own-average");
        var at = DateTimeOffset.UtcNow.AddDays(-4).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        var batch = new
        {
            programme = "shenzhen-tanpuhui",
            actions = new[] { new { eventId = "own-average-500", source = "meter-own", behaviour = "electricity", occurredAt = at, quantity = 2m, ownAverage = 500m } },
        };

        var item = (await (await client.PostAsJsonAsync("/api/v1/inclusion/actions", batch, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct))
            .GetProperty("items")[0];

        // The declared figure is not read: 2 kWh against Shenzhen's 2.7 kWh city baseline saves 0.7 kWh × 570.3 g = 399.21 g
        // (3 coins at 1 per 100 g), where a declared 500 was refused Range (0–200 kWh) before.
        Assert.Equal("counted", item.GetProperty("status").GetString());
        Assert.Equal(399.21m, item.GetProperty("reductionGrams").GetDecimal());
        Assert.Equal(3, item.GetProperty("coins").GetInt64());
    }

    [Fact]
    public async Task PostRedemption_WithoutEnoughCoins_Is409NamingTheRule()
    {
        using var client = await server.SignedInAsync("citizen");

        using var response = await client.PostAsJsonAsync("/api/v1/inclusion/redemptions",
            new { programme = "fuzhou-lvbao", item = "movie-ticket", idempotencyKey = "api-redeem-1" }, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("InsufficientCoins", problem.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task PostActions_UnknownProgramme_Is400NamingTheField()
    {
        using var client = await server.SignedInAsync("citizen");

        using var response = await client.PostAsJsonAsync("/api/v1/inclusion/actions",
            new { programme = "nowhere", actions = new[] { new { eventId = "x", source = "s", behaviour = "bus", occurredAt = HourAgo(), quantity = 1m } } }, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("programme", out _));
    }

    [Fact]
    public async Task PostActions_AsCompanyRepresentative_IsForbidden()
    {
        using var client = await server.SignedInAsync("power-a");

        using var response = await client.PostAsJsonAsync("/api/v1/inclusion/actions",
            new { programme = "shenzhen-tanpuhui", actions = new[] { new { eventId = "y", source = "s", behaviour = "bus", occurredAt = HourAgo(), quantity = 1m } } }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
