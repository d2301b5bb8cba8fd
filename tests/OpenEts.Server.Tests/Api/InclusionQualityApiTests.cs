using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Api;

/// <summary>
/// The partners' quality dashboard over HTTP: a partner's batch with rejections is counted by reason; the partner reads
/// its own counters with its key (and only its own); those who oversee the programmes read every partner's, also as .xlsx.
/// </summary>
public sealed class InclusionQualityApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Ago(double hours) => DateTimeOffset.UtcNow.AddHours(-hours).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Quality_PartnersBatchWithRejections_CountedByReasonForThePartnerAndTheRegulator()
    {
        using var regulator = await server.SignedInAsync("regulator");
        using var auditor = await server.SignedInAsync("auditor");
        using var partner = server.CreateClient();
        async Task<(string Key, long Id)> IssueAsync(string name)
        {
            using var response = await regulator.PostAsJsonAsync("/api/v1/inclusion/partners",
                new { name, programme = "shenzhen-tanpuhui", behaviours = "metro" }, Ct);
            var issued = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            return (issued.GetProperty("key").GetString()!, issued.GetProperty("partner").GetProperty("id").GetInt64());
        }
        var (key, id) = await IssueAsync("质量测试合作方");
        var (otherKey, _) = await IssueAsync("另一合作方");
        async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? withKey, object? body = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            if (withKey is not null)
            {
                request.Headers.Add("X-Partner-Key", withKey);
            }
            return await partner.SendAsync(request, Ct);
        }
        object Action(string eventId, string behaviour, decimal km, decimal minutes) =>
            new { eventId, source = "gate-1", behaviour, occurredAt = Ago(1), quantity = km, minutes, user = "citizen" };

        using var posted = await SendAsync(HttpMethod.Post, "/api/v1/inclusion/partner/actions", key, new
        {
            programme = "shenzhen-tanpuhui",
            actions = new[] { Action("qa-1", "metro", 10m, 20m), Action("qa-2", "bus", 10m, 20m), Action("qa-3", "metro", 100m, 5m), Action("qa-1", "metro", 10m, 20m) },
        });
        using var otherPosted = await SendAsync(HttpMethod.Post, "/api/v1/inclusion/partner/actions", otherKey, new
        {
            programme = "shenzhen-tanpuhui",
            actions = new[] { Action("qa-9", "metro", 100m, 5m) },
        });
        using var own = await SendAsync(HttpMethod.Get, "/api/v1/inclusion/partner/quality", key);
        using var noKey = await SendAsync(HttpMethod.Get, "/api/v1/inclusion/partner/quality", null);
        var mine = await own.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var all = await regulator.GetFromJsonAsync<JsonElement>("/api/v1/inclusion/quality?programme=shenzhen-tanpuhui", Ct);
        using var xlsx = await auditor.GetAsync("/api/v1/inclusion/quality.xlsx", Ct);
        using var badDate = await regulator.GetAsync("/api/v1/inclusion/quality?from=2026-13-01&to=2026-11-30", Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (posted.StatusCode, otherPosted.StatusCode));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal((1L, 3L), (mine.GetProperty("accepted").GetInt64(), mine.GetProperty("rejected").GetInt64()));
        Assert.All(mine.GetProperty("counts").EnumerateArray(), c => Assert.Equal(id, c.GetProperty("partner").GetInt64()));
        var line = Assert.Single(mine.GetProperty("partners").EnumerateArray());
        Assert.Equal((1L, 1L, 1L), (line.GetProperty("rejectedBy").GetProperty("OutOfScope").GetInt64(),
            line.GetProperty("rejectedBy").GetProperty("ImpossibleSpeed").GetInt64(), line.GetProperty("rejectedBy").GetProperty("DuplicateEvent").GetInt64()));
        Assert.Equal(75.00m, line.GetProperty("rejectedPercent").GetDecimal());
        Assert.Equal(HttpStatusCode.Forbidden, noKey.StatusCode);
        var regulatorsLine = all.GetProperty("partners").EnumerateArray().Single(p => p.GetProperty("partner").GetInt64() == id);
        Assert.Equal(("质量测试合作方", 3L), (regulatorsLine.GetProperty("name").GetString(), regulatorsLine.GetProperty("rejected").GetInt64()));
        Assert.True(all.GetProperty("partners").GetArrayLength() >= 2);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
    }
}
