using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using OpenEts.Application.DualControl.Cards;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Hosting;

/// <summary>The card escalation timer: off in tests unless enabled; enabled, a yellow card turns red the day after its deadline with nobody pressing a button.</summary>
public sealed class CardEscalationTests
{
    private sealed class TimedServer : ServerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Energy:Cards:EscalateEvery", "00:00:00.200");
        }
    }

    private const string Paper = "91440600MA5CY1004";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(long Card, string Deadline)> ConfirmedYellowAsync(ServerFactory server, HttpClient regulator)
    {
        var yesterday = CardsTime.DayOf(server.Clock.GetUtcNow()).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var recorded = await (await regulator.PostAsJsonAsync("/api/v1/energy/cards/violations", new
        {
            organisation = Paper + OpenEts.Domain.Organisations.CreditCode.CheckCharacter(Paper), jurisdiction = "jiangxi", kind = "concentrationExceedance",
            observedOn = yesterday, evidence = "CEMS", parameter = "COD", measured = 90m, limit = 60m, unit = "mg/L",
        }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var card = recorded.GetProperty("proposed").GetProperty("id").GetInt64();
        var confirmed = await (await regulator.PostAsJsonAsync($"/api/v1/energy/cards/{card}/decision", new { decision = "confirm", evidence = "visit" }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (card, confirmed.GetProperty("deadline").GetString()!);
    }

    private static async Task<JsonElement> CardAsync(HttpClient regulator, long id) =>
        (await regulator.GetFromJsonAsync<JsonElement>("/api/v1/energy/cards", Ct)).GetProperty("cards").EnumerateArray()
            .Single(c => c.GetProperty("id").GetInt64() == id);

    [Fact]
    public async Task Timer_DayAfterTheDeadline_EscalatesTheYellowCardToRedByItself()
    {
        using var server = new TimedServer();
        using var regulator = await server.SignedInAsync("regulator");
        var (card, deadline) = await ConfirmedYellowAsync(server, regulator);
        var days = DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture).DayNumber - CardsTime.DayOf(server.Clock.GetUtcNow()).DayNumber;

        server.Clock.Advance(TimeSpan.FromDays(days + 1));
        // The first session has expired by then: sign in again.
        using var later = await server.SignedInAsync("regulator");
        var status = "";
        for (var i = 0; i < 100 && status != "escalated"; i++)
        {
            await Task.Delay(100, Ct);
            status = (await CardAsync(later, card)).GetProperty("status").GetString()!;
        }

        Assert.Equal("escalated", status);
        var all = (await later.GetFromJsonAsync<JsonElement>("/api/v1/energy/cards", Ct)).GetProperty("cards").EnumerateArray();
        var red = Assert.Single(all, c => c.TryGetProperty("escalatedFrom", out var from) && from.ValueKind == JsonValueKind.Number && from.GetInt64() == card);
        Assert.Equal(("red", "inForce"), (red.GetProperty("colour").GetString(), red.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Timer_OffInTests_LeavesAnOverdueYellowCardForTheOfficer()
    {
        using var server = new ServerFactory();
        using var regulator = await server.SignedInAsync("regulator");
        var (card, deadline) = await ConfirmedYellowAsync(server, regulator);
        var days = DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture).DayNumber - CardsTime.DayOf(server.Clock.GetUtcNow()).DayNumber;

        server.Clock.Advance(TimeSpan.FromDays(days + 1));
        await Task.Delay(1_000, Ct);
        using var later = await server.SignedInAsync("regulator");

        Assert.Equal("inForce", (await CardAsync(later, card)).GetProperty("status").GetString());
    }
}
