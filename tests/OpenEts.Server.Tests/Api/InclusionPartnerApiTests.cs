using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Api;

/// <summary>
/// Carbon inclusion's open and operational endpoints: the rate-limited sign-up, partners' keys and submissions, merchants
/// confirming codes, donations. A class of its own (its own server), so that no other test spends the sign-up limit.
/// </summary>
public sealed class InclusionPartnerApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Ago(double hours) => DateTimeOffset.UtcNow.AddHours(-hours).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);

    [Fact]
    public async Task PostSignUp_SixthFromOneAddressInTheWindow_Is429WithRetryAfterAndAProblem()
    {
        using var client = server.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;

        for (var i = 0; i < 6; i++)
        {
            last?.Dispose();
            last = await client.PostAsJsonAsync("/api/v1/inclusion/signup",
                new { password = "Lvse-chuxing-2026!", consentVersion = "2026-11", agree = true, nickname = $"api{i}" }, Ct);
            statuses.Add(last.StatusCode);
        }
        using var limited = last!;
        var problem = await limited.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal("RateLimited", problem.GetProperty("rule").GetString());
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 600);
        Assert.Equal(retryAfter, problem.GetProperty("retryAfterSeconds").GetInt32());
    }

    [Fact]
    public async Task PartnerKey_IssuedThenUsedThenRevoked_CountsInScopeRefusesOutOfScopeAndThenEverything()
    {
        using var regulator = await server.SignedInAsync("regulator");
        using var partner = server.CreateClient();
        using var issuedResponse = await regulator.PostAsJsonAsync("/api/v1/inclusion/partners",
            new { name = "深圳通（测试）", programme = "shenzhen-tanpuhui", behaviours = "metro" }, Ct);
        var issued = await issuedResponse.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var key = issued.GetProperty("key").GetString()!;
        var id = issued.GetProperty("partner").GetProperty("id").GetInt64();
        object Batch(string eventId, string behaviour) => new
        {
            programme = "shenzhen-tanpuhui",
            actions = new[] { new { eventId, source = "card-77", behaviour, occurredAt = Ago(1), quantity = 10m, minutes = 20m, user = "citizen" } },
        };
        async Task<HttpResponseMessage> SubmitAsync(object batch, string? withKey)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/inclusion/partner/actions") { Content = JsonContent.Create(batch) };
            if (withKey is not null)
            {
                request.Headers.Add("X-Partner-Key", withKey);
            }
            return await partner.SendAsync(request, Ct);
        }

        using var counted = await SubmitAsync(Batch("p-1", "metro"), key);
        using var outOfScope = await SubmitAsync(Batch("p-2", "bus"), key);
        using var noKey = await SubmitAsync(Batch("p-3", "metro"), null);
        using var revoke = await regulator.PostAsync($"/api/v1/inclusion/partners/{id}/revoke", null, Ct);
        using var afterRevoke = await SubmitAsync(Batch("p-4", "metro"), key);
        var listed = await regulator.GetFromJsonAsync<JsonElement>("/api/v1/inclusion/partners", Ct);

        Assert.Equal(HttpStatusCode.OK, issuedResponse.StatusCode);
        Assert.StartsWith("oetsp_", key, StringComparison.Ordinal);
        var countedItems = (await counted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("items");
        Assert.Equal("counted", countedItems[0].GetProperty("status").GetString());
        var refused = (await outOfScope.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("items")[0];
        Assert.Equal(("OutOfScope", "behaviour"), (refused.GetProperty("rule").GetString(), refused.GetProperty("field").GetString()));
        Assert.Equal(JsonValueKind.Null, countedItems[0].GetProperty("field").ValueKind);
        Assert.Equal(HttpStatusCode.Forbidden, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, afterRevoke.StatusCode);
        Assert.Equal("PartnerKey", (await afterRevoke.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString());
        var row = listed.EnumerateArray().Single(p => p.GetProperty("id").GetInt64() == id);
        Assert.DoesNotContain(key, row.GetRawText(), StringComparison.Ordinal);
        Assert.NotEqual(JsonValueKind.Null, row.GetProperty("revokedAt").ValueKind);
    }

    [Fact]
    public async Task PartnerKey_BehavioursSentAsAnArray_Is400SayingOneStringIsWanted()
    {
        using var regulator = await server.SignedInAsync("regulator");

        using var response = await regulator.PostAsJsonAsync("/api/v1/inclusion/partners",
            JsonSerializer.Deserialize<JsonElement>("""{"name":"深圳通（数组）","programme":"shenzhen-tanpuhui","behaviours":["metro","bus"]}"""), Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(("behaviours", "Json.ArrayForText"), (problem.GetProperty("field").GetString(), problem.GetProperty("rule").GetString()));
        Assert.DoesNotContain("应为数字", problem.GetProperty("rules")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartnerActions_TripDuringACountedTrip_IsRefusedOverlappingTripAndCountedInThePartnersQuality()
    {
        var key = await PartnerKeyAsync("深圳通（行程）", "metro, bus");
        using var partner = server.CreateClient();
        var start = DateTimeOffset.UtcNow.AddHours(-12);
        string At(int minutes) => start.AddMinutes(minutes).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        async Task<HttpResponseMessage> PostAsync(string path, object? body)
        {
            using var request = new HttpRequestMessage(body is null ? HttpMethod.Get : HttpMethod.Post, path)
            {
                Content = body is null ? null : JsonContent.Create(body),
            };
            request.Headers.Add("X-Partner-Key", key);
            return await partner.SendAsync(request, Ct);
        }

        // A metro ride of 30 minutes, a bus tapped ten minutes into it, and a bus boarded as the metro ride ended.
        using var posted = await PostAsync("/api/v1/inclusion/partner/actions", new
        {
            programme = "shenzhen-tanpuhui",
            actions = new object[]
            {
                new { eventId = "o-1", source = "gate-3", behaviour = "metro", occurredAt = At(0), quantity = 10m, minutes = 30m, user = "citizen" },
                new { eventId = "o-2", source = "bus-8", behaviour = "bus", occurredAt = At(10), quantity = 4m, minutes = 15m, user = "citizen" },
                new { eventId = "o-3", source = "bus-8", behaviour = "bus", occurredAt = At(29), quantity = 4m, minutes = 15m, user = "citizen" },
            },
        });
        var items = (await posted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("items");
        using var quality = await PostAsync("/api/v1/inclusion/partner/quality", null);
        var line = Assert.Single((await quality.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("partners").EnumerateArray());

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(["counted", "refused", "counted"], items.EnumerateArray().Select(i => i.GetProperty("status").GetString() ?? "").ToArray());
        Assert.Equal("OverlappingTrip", items[1].GetProperty("rule").GetString());
        Assert.Contains("another counted trip", items[1].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1L, line.GetProperty("rejectedBy").GetProperty("OverlappingTrip").GetInt64());
    }

    [Fact]
    public async Task PartnerActions_BodiesTheStrictJsonRulesRefuse_AreRefusedAsTheBoundEndpointRefusesThem()
    {
        using var regulator = await server.SignedInAsync("regulator");
        using var partner = server.CreateClient();
        using var issued = await regulator.PostAsJsonAsync("/api/v1/inclusion/partners",
            new { name = "JSON 测试", programme = "shenzhen-tanpuhui", behaviours = "metro" }, Ct);
        var key = (await issued.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("key").GetString()!;
        const string action = "\"eventId\":\"j-1\",\"source\":\"card-9\",\"behaviour\":\"metro\",\"occurredAt\":\"2026-11-30T08:15:00+08:00\"";
        // A number as a string, an unknown field, a repeated field, a missing required one, a null string, no body, not JSON.
        string[] bodies =
        [
            $"{{\"programme\":\"shenzhen-tanpuhui\",\"actions\":[{{{action},\"quantity\":\"12\"}}]}}",
            $"{{\"programme\":\"shenzhen-tanpuhui\",\"actions\":[{{{action},\"quantity\":12,\"speed\":3}}]}}",
            $"{{\"programme\":\"shenzhen-tanpuhui\",\"programme\":\"x\",\"actions\":[{{{action},\"quantity\":12}}]}}",
            $"{{\"programme\":\"shenzhen-tanpuhui\",\"actions\":[{{{action}}}]}}",
            $"{{\"programme\":null,\"actions\":[{{{action},\"quantity\":12}}]}}",
            "",
            "{\"programme\":",
        ];
        async Task<(HttpStatusCode, string)> PostAsync(HttpClient client, string path, string body, string? key = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            };
            if (key is not null)
            {
                request.Headers.Add("X-Partner-Key", key);
            }
            using var response = await client.SendAsync(request, Ct);
            var problem = await response.Content.ReadAsStringAsync(Ct);
            // The fields, rules and messages (the problem's trace id differs from request to request).
            var root = JsonDocument.Parse(problem).RootElement;
            return (response.StatusCode, root.GetProperty("errors").GetRawText() + root.GetProperty("rules").GetRawText());
        }

        foreach (var body in bodies)
        {
            var bound = await PostAsync(regulator, "/api/v1/inclusion/actions", body);
            var read = await PostAsync(partner, "/api/v1/inclusion/partner/actions", body, key);

            Assert.Equal(HttpStatusCode.BadRequest, bound.Item1);
            Assert.Equal(bound, read);
        }
    }

    [Fact]
    public async Task PartnerActions_MissingOrUnknownKey_Is403PartnerKeyWhateverTheBody()
    {
        using var partner = server.CreateClient();
        string[] bodies = ["{\"programme\":\"shenzhen-tanpuhui\",\"actions\":[]}", "{\"programme\":", ""];
        var answers = new List<(HttpStatusCode, string?)>();

        foreach (var key in new[] { null, "oetsp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "not-a-key" })
        {
            foreach (var body in bodies)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/inclusion/partner/actions")
                {
                    Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
                };
                if (key is not null)
                {
                    request.Headers.Add("X-Partner-Key", key);
                }
                using var response = await partner.SendAsync(request, Ct);
                answers.Add((response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString()));
            }
        }
        using var quality = await partner.GetAsync(new Uri("/api/v1/inclusion/partner/quality?from=nonsense", UriKind.Relative), Ct);

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.Forbidden, "PartnerKey"), a));
        Assert.Equal(HttpStatusCode.Forbidden, quality.StatusCode);
    }

    [Fact]
    public async Task Merchant_CitizenRedeemsThenShopConfirms_SettlesTheCoinsOnceAndTheCitizenGivesTheRest()
    {
        using var regulator = await server.SignedInAsync("regulator");
        using var citizen = await server.SignedInAsync("citizen");
        using var shop = await server.SignedInAsync("cement-b");
        // Fuzhou 2024: 100 000 steps on each of two days (7 coins a day at most), 860 minutes of shared bike (86: 10 minutes a
        // coin) and six bus rides = 106 coins.
        var actions = new List<object>
        {
            new { eventId = "m-w1", source = "phone", behaviour = "walk", occurredAt = Ago(1), quantity = 100_000m },
            new { eventId = "m-w2", source = "phone", behaviour = "walk", occurredAt = Ago(25), quantity = 100_000m },
            new { eventId = "m-k1", source = "bike-app", behaviour = "bike", occurredAt = Ago(60), quantity = 20m, minutes = 860m },
        };
        actions.AddRange(Enumerable.Range(1, 6).Select(i => (object)new { eventId = $"m-b{i}", source = "card-5", behaviour = "bus", occurredAt = Ago(2 + i), quantity = 3m, minutes = 20m }));
        (await citizen.PostAsJsonAsync("/api/v1/inclusion/actions", new { programme = "fuzhou-lvbao", actions }, Ct)).Dispose();
        using var listed = await regulator.PostAsJsonAsync("/api/v1/inclusion/merchants",
            new { programme = "fuzhou-lvbao", organisation = "91441800MA5CY1002" + OpenEts.Domain.Organisations.CreditCode.CheckCharacter("91441800MA5CY1002"), name = "北江影城（测试）", items = "movie-ticket" }, Ct);
        var redemption = await (await citizen.PostAsJsonAsync("/api/v1/inclusion/redemptions",
            new { programme = "fuzhou-lvbao", item = "movie-ticket", idempotencyKey = "m-r1" }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var code = redemption.GetProperty("code").GetString()!;

        using var confirmed = await shop.PostAsJsonAsync("/api/v1/inclusion/merchants/confirmations", new { code }, Ct);
        using var replay = await shop.PostAsJsonAsync("/api/v1/inclusion/merchants/confirmations", new { code }, Ct);
        using var donated = await citizen.PostAsJsonAsync("/api/v1/inclusion/donations",
            new { programme = "fuzhou-lvbao", cause = "tree-planting", coins = 1, idempotencyKey = "m-d1" }, Ct);
        var merchants = await shop.GetFromJsonAsync<JsonElement>("/api/v1/inclusion/merchants", Ct);

        Assert.True(listed.StatusCode == HttpStatusCode.OK, await listed.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(105, (await confirmed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("coins").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Equal("CodeUsed", (await replay.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.OK, donated.StatusCode);
        var mine = Assert.Single(merchants.EnumerateArray());
        Assert.Equal((1L, 105L), (mine.GetProperty("confirmed").GetInt64(), mine.GetProperty("coins").GetInt64()));
    }

    [Fact]
    public async Task Settlement_RegulatorSettlesAFuzhouMerchant_OwesYuanOnceAndTheMerchantReadsTheStatement()
    {
        using var regulator = await server.SignedInAsync("regulator");
        using var citizen = await server.SignedInAsync("citizen");
        using var shop = await server.SignedInAsync("steel-b");
        // Fuzhou 2024: 7 coins a day for walking at most, and 860 minutes of shared bike (86: 10 minutes a coin) = 107 coins.
        var actions = new object[]
        {
            new { eventId = "s-w1", source = "phone", behaviour = "walk", occurredAt = Ago(100), quantity = 100_000m },
            new { eventId = "s-w2", source = "phone", behaviour = "walk", occurredAt = Ago(124), quantity = 100_000m },
            new { eventId = "s-w3", source = "phone", behaviour = "walk", occurredAt = Ago(148), quantity = 100_000m },
            new { eventId = "s-k1", source = "bike-app", behaviour = "bike", occurredAt = Ago(200), quantity = 20m, minutes = 860m },
        };
        (await citizen.PostAsJsonAsync("/api/v1/inclusion/actions", new { programme = "fuzhou-lvbao", actions }, Ct)).Dispose();
        var organisation = "91440200MA5CY1003" + OpenEts.Domain.Organisations.CreditCode.CheckCharacter("91440200MA5CY1003");
        using var listed = await regulator.PostAsJsonAsync("/api/v1/inclusion/merchants",
            new { programme = "fuzhou-lvbao", organisation, name = "西江影城（结算测试）", items = "movie-ticket" }, Ct);
        Assert.True(listed.StatusCode == HttpStatusCode.OK, await listed.Content.ReadAsStringAsync(Ct));
        var merchant = (await listed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
        var redemption = await (await citizen.PostAsJsonAsync("/api/v1/inclusion/redemptions",
            new { programme = "fuzhou-lvbao", item = "movie-ticket", idempotencyKey = "s-r1" }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var confirmed = await shop.PostAsJsonAsync("/api/v1/inclusion/merchants/confirmations", new { code = redemption.GetProperty("code").GetString() }, Ct);
        Assert.True(confirmed.StatusCode == HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync(Ct));
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        var period = new { periodStart = today.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), periodEnd = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };

        using var byShop = await shop.PostAsJsonAsync($"/api/v1/inclusion/merchants/{merchant}/settlements", period, Ct);
        using var settled = await regulator.PostAsJsonAsync($"/api/v1/inclusion/merchants/{merchant}/settlements", period, Ct);
        using var again = await regulator.PostAsJsonAsync($"/api/v1/inclusion/merchants/{merchant}/settlements", period, Ct);
        using var badPeriod = await regulator.PostAsJsonAsync($"/api/v1/inclusion/merchants/{merchant}/settlements",
            new { periodStart = "2026-11-30", periodEnd = "2026-11-01" }, Ct);
        var statement = await settled.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = statement.GetProperty("id").GetInt64();
        var sheet = await shop.GetFromJsonAsync<JsonElement>($"/api/v1/inclusion/settlements/{id}", Ct);
        using var xlsx = await shop.GetAsync($"/api/v1/inclusion/settlements/{id}/statement.xlsx", Ct);
        using var byCitizen = await citizen.GetAsync($"/api/v1/inclusion/settlements/{id}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byShop.StatusCode);
        Assert.Equal("NotTheOperator", (await byShop.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString());
        Assert.True(settled.StatusCode == HttpStatusCode.OK, statement.GetRawText());
        // 105 coins × 0.30 yuan [UNCONFIRMED] = 31.50 yuan.
        Assert.Equal((105L, 31.50m), (statement.GetProperty("coins").GetInt64(), statement.GetProperty("yuan").GetDecimal()));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("NothingToSettle", (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badPeriod.StatusCode);
        Assert.Equal(31.50m, Assert.Single(sheet.GetProperty("lines").EnumerateArray()).GetProperty("yuan").GetDecimal());
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, byCitizen.StatusCode);
    }

    [Fact]
    public async Task PartnerActions_WithoutAUserOrOfSomeoneNotACitizen_AreRefusedNamingTheUserField()
    {
        var key = await PartnerKeyAsync("深圳巴士（用户测试）", "bus");
        using var partner = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/inclusion/partner/actions")
        {
            Content = JsonContent.Create(new
            {
                programme = "shenzhen-tanpuhui",
                actions = new object[]
                {
                    new { eventId = "u-1", source = "bus-9", behaviour = "bus", occurredAt = Ago(3), quantity = 5m, minutes = 20m },
                    new { eventId = "u-2", source = "bus-9", behaviour = "bus", occurredAt = Ago(2), quantity = 5m, minutes = 20m, user = "regulator" },
                },
            }),
        };
        request.Headers.Add("X-Partner-Key", key);

        using var response = await partner.SendAsync(request, Ct);
        var items = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("items");

        // Before, the first was answered UnknownCitizen " is not a citizen", and neither named a field.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("Required", "user"), (items[0].GetProperty("rule").GetString(), items[0].GetProperty("field").GetString()));
        Assert.Equal(("UnknownCitizen", "user"), (items[1].GetProperty("rule").GetString(), items[1].GetProperty("field").GetString()));
        Assert.Equal("regulator is not a citizen", items[1].GetProperty("message").GetString());
    }

    // A Shenzhen key the regulator issues for the behaviours named: the key shown once.
    private async Task<string> PartnerKeyAsync(string name, string behaviours)
    {
        using var regulator = await server.SignedInAsync("regulator");
        using var issued = await regulator.PostAsJsonAsync("/api/v1/inclusion/partners",
            new { name, programme = "shenzhen-tanpuhui", behaviours }, Ct);
        return (await issued.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("key").GetString()!;
    }
}
