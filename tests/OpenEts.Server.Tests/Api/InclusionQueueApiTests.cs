using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Api;

/// <summary>
/// The partner API on a server started with <c>--inclusion-queue</c>: a batch is answered queued at once and recorded by
/// the server's own worker, after which the citizen sees the ride, its reduction and its coins; a repeat counts once.
/// </summary>
public sealed class InclusionQueueApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class QueuedServer : ServerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("inclusion-queue", "true");
        }
    }

    [Fact]
    public async Task PartnerBatch_OnAQueuedServer_IsAnsweredQueuedThenRecordedForTheCitizenOnce()
    {
        await using var server = new QueuedServer();
        using var regulator = await server.SignedInAsync("regulator");
        using var citizen = await server.SignedInAsync("citizen");
        using var partner = server.CreateClient();
        using var issued = await regulator.PostAsJsonAsync("/api/v1/inclusion/partners",
            new { name = "深圳巴士（测试）", programme = "shenzhen-tanpuhui", behaviours = "bus" }, Ct);
        var key = (await issued.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("key").GetString()!;
        var at = DateTimeOffset.UtcNow.AddHours(-2).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        var batch = new
        {
            programme = "shenzhen-tanpuhui",
            actions = new[] { new { eventId = "queued-bus-1", source = "bus-7", behaviour = "bus", occurredAt = at, quantity = 10m, minutes = 25m, user = "citizen" } },
        };
        async Task<JsonElement> SubmitAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/inclusion/partner/actions") { Content = JsonContent.Create(batch) };
            request.Headers.Add("X-Partner-Key", key);
            using var response = await partner.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        }

        var first = await SubmitAsync();
        var again = await SubmitAsync();
        var recent = await RecordedAsync(citizen, "queued-bus-1");
        var me = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/inclusion/me", Ct);
        var quality = await regulator.GetStringAsync("/Inclusion/Quality", Ct);

        Assert.Equal((0, 1), (first.GetProperty("counted").GetInt32(), first.GetProperty("queued").GetInt32()));
        Assert.Equal("queued", first.GetProperty("items")[0].GetProperty("status").GetString());
        Assert.Equal("queued", again.GetProperty("items")[0].GetProperty("status").GetString());
        // 26.9 g/person-km × 10 km = 269 g, 2 coins (as recorded in the request); the repeat is stored and counted once.
        var ride = Assert.Single(recent);
        Assert.Equal(269m, ride.GetProperty("reductionGrams").GetDecimal());
        Assert.Equal(2, ride.GetProperty("coins").GetInt64());
        Assert.Contains(me.GetProperty("programmes").EnumerateArray(), p => p.GetProperty("programme").GetString() == "shenzhen-tanpuhui"
            && p.GetProperty("reductionGrams").GetDecimal() >= 269m);
        // The quality dashboard shows the queue, empty once the worker has recorded both.
        Assert.Contains("id=\"quality-queued\">0<", quality, StringComparison.Ordinal);
    }

    // The citizen's recent actions with this event id, once the worker has recorded it (within a minute).
    private static async Task<List<JsonElement>> RecordedAsync(HttpClient citizen, string eventId)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var me = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/inclusion/me", Ct);
            var found = me.GetProperty("recent").EnumerateArray().Where(e => e.GetProperty("eventId").GetString() == eventId).ToList();
            if (found.Count > 0 || DateTime.UtcNow > deadline)
            {
                // Once it shows, a moment more for the repeat, which the worker reads after it.
                await Task.Delay(1_500, Ct);
                me = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/inclusion/me", Ct);
                return [.. me.GetProperty("recent").EnumerateArray().Where(e => e.GetProperty("eventId").GetString() == eventId)];
            }
            await Task.Delay(100, Ct);
        }
    }
}
