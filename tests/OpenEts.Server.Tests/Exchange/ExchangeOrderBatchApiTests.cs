using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Exchange;

// Batched order entry (POST /api/v1/exchange/orders/batch) on the demo market: GDEA-2017 listed at 16.09 on the all-day
// calendar, the power and cement companies with trading accounts and demo cash.
public sealed class ExchangeOrderBatchApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private const string Batch = "/api/v1/exchange/orders/batch";

    // What each of Orders() gets: its status and rule.
    private static readonly (int, string?)[] Expected = [(200, null), (400, "PriceBand"), (409, "NotFillable"), (409, "KeyReused"), (200, null)];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, JsonElement Json)> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, Ct);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(Ct));
    }

    // A sell that rests, one outside the band, a fill-or-kill buy nothing can fill (refused after it was journalled, so its
    // transaction rolls back), a reused key with other terms, another sell that rests.
    private static object[] Orders(string prefix) =>
    [
        new { instrument = "GDEA-2017", side = "sell", type = "limit", price = 16.80m, quantity = 300, idempotencyKey = prefix + "-1" },
        new { instrument = "GDEA-2017", side = "sell", type = "limit", price = 30.00m, quantity = 100, idempotencyKey = prefix + "-2" },
        new { instrument = "GDEA-2017", side = "buy", type = "fok", price = 16.70m, quantity = 500, idempotencyKey = prefix + "-3" },
        new { instrument = "GDEA-2017", side = "sell", type = "limit", price = 16.95m, quantity = 100, idempotencyKey = prefix + "-1" },
        new { instrument = "GDEA-2017", side = "sell", type = "limit", price = 16.90m, quantity = 200, idempotencyKey = prefix + "-5" },
    ];

    [Fact]
    public async Task OrderBatch_RefusedOrdersAmongPlacedOnes_EachHasTheOutcomeItHasWhenSentSingly()
    {
        using var power = await server.SignedInAsync("power-a");

        var (status, batch) = await PostAsync(power, Batch, new { orders = Orders("batch-mixed") });
        var singly = new List<(int, string?)>();
        foreach (var order in Orders("single-mixed"))
        {
            var (one, json) = await PostAsync(power, "/api/v1/exchange/orders", order);
            singly.Add(((int)one, json.TryGetProperty("rule", out var rule) ? rule.GetString() : null));
        }
        var mine = await power.GetFromJsonAsync<JsonElement>("/api/v1/exchange/orders", Ct);

        Assert.Equal(HttpStatusCode.OK, status);
        var results = batch.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(0, 5), results.Select(r => r.GetProperty("index").GetInt32()));
        Assert.Equal(Expected,
            results.Select(r => (r.GetProperty("status").GetInt32(), r.GetProperty("rule").GetString())));
        Assert.Equal(singly, results.Select(r => (r.GetProperty("status").GetInt32(), r.GetProperty("rule").GetString())));
        Assert.Equal((2, 3), (batch.GetProperty("placed").GetInt32(), batch.GetProperty("refused").GetInt32()));
        Assert.Equal("price", results[1].GetProperty("field").GetString());
        Assert.False(string.IsNullOrEmpty(results[2].GetProperty("message").GetString()));
        var first = results[0].GetProperty("outcome").GetProperty("order");
        var last = results[4].GetProperty("outcome").GetProperty("order");
        Assert.Equal(("open", 300L), (first.GetProperty("status").GetString(), first.GetProperty("resting").GetInt64()));
        Assert.Equal(("open", 200L, 16.90m), (last.GetProperty("status").GetString(), last.GetProperty("resting").GetInt64(),
            last.GetProperty("price").GetDecimal()));
        Assert.True(first.GetProperty("id").GetInt64() < last.GetProperty("id").GetInt64());
        // Only the two placed orders of the batch are stored; the refused ones left nothing.
        var stored = mine.EnumerateArray().Select(o => o.GetProperty("id").GetInt64()).ToHashSet();
        Assert.Contains(first.GetProperty("id").GetInt64(), stored);
        Assert.Contains(last.GetProperty("id").GetInt64(), stored);
        Assert.Equal(2, mine.EnumerateArray().Count(o => o.GetProperty("id").GetInt64() is var id && id >= first.GetProperty("id").GetInt64()
            && id <= last.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task OrderBatch_RepeatedWithTheSameKeys_AnswersEachAsADuplicate()
    {
        using var cement = await server.SignedInAsync("cement-a");
        object[] orders =
        [
            new { instrument = "GDEA-2017", side = "buy", type = "limit", price = 15.10m, quantity = 100, idempotencyKey = "batch-repeat-1" },
            new { instrument = "GDEA-2017", side = "buy", type = "limit", price = 15.20m, quantity = 200, idempotencyKey = "batch-repeat-2" },
        ];

        var (_, first) = await PostAsync(cement, Batch, new { orders });
        var (status, again) = await PostAsync(cement, Batch, new { orders });

        Assert.Equal(HttpStatusCode.OK, status);
        var before = first.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("outcome").GetProperty("order").GetProperty("id").GetInt64());
        var after = again.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(before, after.Select(r => r.GetProperty("outcome").GetProperty("order").GetProperty("id").GetInt64()));
        Assert.All(after, r => Assert.True(r.GetProperty("outcome").GetProperty("duplicate").GetBoolean()));
    }

    [Fact]
    public async Task OrderBatch_MalformedOrder_RefusesTheWholeBatchNamingItsIndexAndFieldAndPlacesNothing()
    {
        using var cement = await server.SignedInAsync("cement-a");

        var (status, problem) = await PostAsync(cement, Batch, new
        {
            orders = new object[]
            {
                new { instrument = "GDEA-2017", side = "buy", type = "limit", price = 15.50m, quantity = 100, idempotencyKey = "batch-bad-1" },
                new { instrument = "GDEA-2017", side = "buy", type = "limit", price = 15.505m, quantity = 100, idempotencyKey = "batch-bad-2" },
            },
        });
        var (emptyStatus, empty) = await PostAsync(cement, Batch, new { orders = Array.Empty<object>() });
        var mine = await cement.GetFromJsonAsync<JsonElement>("/api/v1/exchange/orders", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(("orders[1].price", "Price"), (problem.GetProperty("field").GetString(), problem.GetProperty("rule").GetString()));
        Assert.True(problem.GetProperty("errors").TryGetProperty("orders[1].price", out _), problem.ToString());
        Assert.Equal((HttpStatusCode.BadRequest, "BatchSize"), (emptyStatus, empty.GetProperty("rule").GetString()));
        Assert.DoesNotContain(mine.EnumerateArray(), o => o.GetProperty("price").ValueKind == JsonValueKind.Number && o.GetProperty("price").GetDecimal() == 15.50m);
    }

    [Fact]
    public async Task OrderBatch_OrderForAnAccountThatIsNotTheCallersClient_IsRefusedAloneNotYourClient()
    {
        using var power = await server.SignedInAsync("power-a");
        using var cement = await server.SignedInAsync("cement-a");
        var powerAccount = (await power.GetFromJsonAsync<JsonElement>("/api/v1/exchange/position", Ct)).GetProperty("account").GetInt64();

        var (status, batch) = await PostAsync(cement, Batch, new
        {
            orders = new object[]
            {
                new { instrument = "GDEA-2017", side = "buy", type = "limit", price = 15.60m, quantity = 100, idempotencyKey = "batch-access-1" },
                new { instrument = "GDEA-2017", side = "buy", type = "limit", price = 15.60m, quantity = 100, idempotencyKey = "batch-access-2", account = powerAccount },
            },
        });

        Assert.Equal(HttpStatusCode.OK, status);
        var results = batch.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal((200, 403), (results[0].GetProperty("status").GetInt32(), results[1].GetProperty("status").GetInt32()));
        Assert.Equal(("NotYourClient", "account"), (results[1].GetProperty("rule").GetString(), results[1].GetProperty("field").GetString()));
        Assert.NotEqual(powerAccount, results[0].GetProperty("outcome").GetProperty("order").GetProperty("account").GetInt64());
    }
}
