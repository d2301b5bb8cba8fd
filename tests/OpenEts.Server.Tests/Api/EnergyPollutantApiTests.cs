using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Api;

/// <summary>
/// The pollutant 晴雨表 on the demo (DemoEnergyTargets, DemoMonitoring): the power plant's NOx load meter, linked to the key
/// user KU-NX-0003, reads 2 000 × (90 + 3d mod 21) ÷ 100 kg on day d of 2025, 722 520 kg in all (52 weeks of 13 860 kg
/// and 1 800 kg on 31 December). Its own budget (800 t cut 10 %) allows 720 t in 2025, the plan's last year: 2.52 t over,
/// 0.35 %, yellow. The province's NOx (250 000 t cut 10 %: 225 000 t) counts the same meter: green.
/// </summary>
public sealed class EnergyPollutantApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonElement Row(JsonElement table, string unit, string pollutant) =>
        table.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("unit").GetString() == unit && r.GetProperty("pollutant").GetString() == pollutant);

    [Fact]
    public async Task PollutantWarnings_DemoYear_RatesTheKeyUsersNoxYellowForTheRegulatorAndShowsThePublicOnlyTheRegion()
    {
        using var anonymous = server.CreateClient();
        using var regulator = await server.SignedInAsync("regulator");

        var published = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/energy/pollutant-warnings?period=2025", Ct);
        var overseen = await regulator.GetFromJsonAsync<JsonElement>("/api/v1/energy/pollutant-warnings?period=2025", Ct);

        Assert.StartsWith("[UNCONFIRMED] the energy barometer's (晴雨表) 10 % rule", published.GetProperty("rule").GetString(), StringComparison.Ordinal);
        Assert.Equal(("2025-01-01", "2025-12-31"), (published.GetProperty("from").GetString(), published.GetProperty("to").GetString()));
        Assert.All(published.GetProperty("rows").EnumerateArray(), r => Assert.NotEqual("KeyEnergyUser", r.GetProperty("kind").GetString()));
        var province = Row(published, "NX", "氮氧化物").GetProperty("load");
        Assert.Equal((225_000m, 722.52m, "Green"), (province.GetProperty("target").GetDecimal(), province.GetProperty("actual").GetDecimal(),
            province.GetProperty("level").GetString()));
        Assert.Equal("NoData", Row(published, "NX", "化学需氧量").GetProperty("load").GetProperty("level").GetString());
        var plant = Row(overseen, "KU-NX-0003", "氮氧化物");
        var load = plant.GetProperty("load");
        Assert.Equal((720m, 722.52m, 2.52m, 0.35m, "Yellow", 1), (load.GetProperty("target").GetDecimal(), load.GetProperty("actual").GetDecimal(),
            load.GetProperty("shortfall").GetDecimal(), load.GetProperty("shortfallPercentOfTarget").GetDecimal(), load.GetProperty("level").GetString(),
            plant.GetProperty("meters").GetInt32()));
    }

    [Fact]
    public async Task PollutantWarnings_ABadPeriod_NamesTheField()
    {
        using var anonymous = server.CreateClient();

        using var response = await anonymous.GetAsync("/api/v1/energy/pollutant-warnings?period=2025-Q5", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("period", out _));
    }
    // The round was labelled by its key ("period：期间的格式为 …") where the /Energy page's choice reads 轮次.
    [Theory]
    [InlineData("/api/v1/energy/warnings?period=2025-Q5")]
    [InlineData("/api/v1/energy/pollutant-warnings?period=2025-Q5")]
    public async Task Warnings_ABadPeriod_NamesTheRoundAsThePageDoes(string address)
    {
        using var anonymous = server.CreateClient();

        using var response = await anonymous.GetAsync(address, Ct);

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.StartsWith("轮次：", problem.GetProperty("errors").GetProperty("period")[0].GetString(), StringComparison.Ordinal);
    }
}
