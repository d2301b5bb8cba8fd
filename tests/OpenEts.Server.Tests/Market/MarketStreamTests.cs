using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenEts.Application.Exchange.MarketData;

namespace OpenEts.Server.Tests.Market;

/// <summary>The live market-data stream (server-sent events): the current state at once, then an update after each change.</summary>
public sealed class MarketStreamTests(MarketServer server) : IClassFixture<MarketServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> NextUpdateAsync(StreamReader reader)
    {
        string? data = null;
        while (await reader.ReadLineAsync(Ct) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
            else if (line.Length == 0 && data is not null)
            {
                return JsonDocument.Parse(data).RootElement;
            }
        }
        throw new InvalidOperationException("the stream ended");
    }

    [Fact]
    public async Task Stream_TradePublished_SendsTheNewTickerToEverySubscriber()
    {
        using var client = server.CreateClient();
        using var first = await client.GetAsync($"/api/v1/market/{FakeMarketFeed.Instrument}/stream", HttpCompletionOption.ResponseHeadersRead, Ct);
        using var second = await client.GetAsync($"/api/v1/market/{FakeMarketFeed.Instrument}/stream", HttpCompletionOption.ResponseHeadersRead, Ct);
        using var a = new StreamReader(await first.Content.ReadAsStreamAsync(Ct));
        using var b = new StreamReader(await second.Content.ReadAsStreamAsync(Ct));
        await NextUpdateAsync(a);
        await NextUpdateAsync(b);

        server.Feed.Add(server.Clock.GetUtcNow(), 6_345, 12);
        await server.Services.GetRequiredService<MarketStream>().PublishAsync(FakeMarketFeed.Instrument, Ct);
        var updateA = await NextUpdateAsync(a);
        var updateB = await NextUpdateAsync(b);

        Assert.Equal("text/event-stream", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(63.45m, updateA.GetProperty("ticker").GetProperty("last").GetDecimal());
        Assert.Equal(63.45m, updateB.GetProperty("ticker").GetProperty("last").GetDecimal());
        Assert.Equal(63.45m, updateA.GetProperty("minute").GetProperty("close").GetDecimal());
        Assert.Equal(5, updateA.GetProperty("depth").GetProperty("bids").GetArrayLength());
    }

    [Fact]
    public async Task Stream_ChangesWhileAnUpdateIsComputed_FoldIntoOneMorePassThatEndsOnTheLastTrade()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync($"/api/v1/market/{FakeMarketFeed.Instrument}/stream", HttpCompletionOption.ResponseHeadersRead, Ct);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
        await NextUpdateAsync(reader);
        var stream = server.Services.GetRequiredService<MarketStream>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        const int Changes = 200;

        // The first change's update is held while it reads the trades; the 199 changes after it publish meanwhile, as
        // the exchange does after every commit.
        var readsBefore = server.Feed.Reads;
        server.Feed.Gate = gate.Task;
        server.Feed.Add(server.Clock.GetUtcNow(), 6_401, 1);
        var first = stream.PublishAsync(FakeMarketFeed.Instrument, Ct);
        var others = new List<Task>();
        for (var i = 2; i <= Changes; i++)
        {
            server.Feed.Add(server.Clock.GetUtcNow(), 6_400 + i, 1);
            others.Add(stream.PublishAsync(FakeMarketFeed.Instrument, Ct));
        }
        var othersReturned = others.All(t => t.IsCompleted);
        server.Feed.Gate = null;
        gate.SetResult();
        await Task.WhenAll([first, .. others]).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var reads = server.Feed.Reads - readsBefore;
        var last = await NextUpdateAsync(reader).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        while (last.GetProperty("ticker").GetProperty("last").GetDecimal() != 66.00m)
        {
            last = await NextUpdateAsync(reader).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        }

        Assert.True(othersReturned);
        Assert.Equal(2, reads);
        Assert.Equal(66.00m, last.GetProperty("minute").GetProperty("close").GetDecimal());
    }

    private static string Url => $"/api/v1/market/{FakeMarketFeed.Instrument}/stream";

    // The ticker's last price; null before the day's first trade (a stream's first event is the state when it opened).
    private static decimal? Last(JsonElement update) =>
        update.GetProperty("ticker").GetProperty("last") is { ValueKind: JsonValueKind.Number } last ? last.GetDecimal() : null;

    [Fact]
    public async Task Stream_SubscriberThatStopsReading_DoesNotHoldUpAnotherAndLaterSkipsToTheNewest()
    {
        using var client = server.CreateClient();
        using var stalled = await client.GetAsync(Url, HttpCompletionOption.ResponseHeadersRead, Ct);
        using var reading = await client.GetAsync(Url, HttpCompletionOption.ResponseHeadersRead, Ct);
        using var live = new StreamReader(await reading.Content.ReadAsStreamAsync(Ct));
        await NextUpdateAsync(live);
        var stream = server.Services.GetRequiredService<MarketStream>();
        const int Trades = 300;

        // Each event is most of a kilobyte: long before the last trade, the stalled response holds more than it buffers.
        for (var i = 1; i <= Trades; i++)
        {
            server.Feed.Add(server.Clock.GetUtcNow(), 7_000 + i, 1);
            await stream.PublishAsync(FakeMarketFeed.Instrument, Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);
            var update = await NextUpdateAsync(live).WaitAsync(TimeSpan.FromSeconds(10), Ct);
            Assert.Equal((7_000 + i) / 100m, Last(update));
        }

        using var late = new StreamReader(await stalled.Content.ReadAsStreamAsync(Ct));
        var received = 0;
        JsonElement newest;
        do
        {
            newest = await NextUpdateAsync(late).WaitAsync(TimeSpan.FromSeconds(10), Ct);
            received++;
        }
        while (Last(newest) != (7_000 + Trades) / 100m);

        Assert.InRange(received, 2, Trades - 1);
        Assert.Equal((7_000 + Trades) / 100m, newest.GetProperty("minute").GetProperty("close").GetDecimal());
    }

    [Fact]
    public async Task Stream_ClientReconnecting_GetsTheCurrentStateFirstAndTheOldConnectionLeaves()
    {
        using var client = server.CreateClient();
        var stream = server.Services.GetRequiredService<MarketStream>();
        var before = stream.Subscribers;
        long seen;
        using (var response = await client.GetAsync(Url, HttpCompletionOption.ResponseHeadersRead, Ct))
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
            seen = (await NextUpdateAsync(reader)).GetProperty("version").GetInt64();
        }

        // Two trades while the client is away; it comes back as EventSource does, naming the last event it saw.
        server.Feed.Add(server.Clock.GetUtcNow(), 6_111, 2);
        await stream.PublishAsync(FakeMarketFeed.Instrument, Ct);
        server.Feed.Add(server.Clock.GetUtcNow(), 6_222, 3);
        await stream.PublishAsync(FakeMarketFeed.Instrument, Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, Url);
        request.Headers.Add("Last-Event-ID", seen.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var again = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        using var current = new StreamReader(await again.Content.ReadAsStreamAsync(Ct));
        var first = await NextUpdateAsync(current).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal(62.22m, Last(first));
        Assert.True(first.GetProperty("version").GetInt64() > seen);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (stream.Subscribers > before + 1 && watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10, Ct);
        }
        Assert.True(stream.Subscribers <= before + 1);
    }

    [Fact]
    public async Task Stream_ManySubscribers_EachGetsTheTrade()
    {
        using var client = server.CreateClient();
        const int Count = 300;
        var responses = new List<HttpResponseMessage>();
        var readers = new List<StreamReader>();
        try
        {
            for (var i = 0; i < Count; i++)
            {
                var response = await client.GetAsync(Url, HttpCompletionOption.ResponseHeadersRead, Ct);
                responses.Add(response);
                var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
                readers.Add(reader);
                await NextUpdateAsync(reader);
            }

            server.Feed.Add(server.Clock.GetUtcNow(), 6_543, 7);
            await server.Services.GetRequiredService<MarketStream>().PublishAsync(FakeMarketFeed.Instrument, Ct);
            var updates = await Task.WhenAll(readers.Select(r => NextUpdateAsync(r))).WaitAsync(TimeSpan.FromSeconds(30), Ct);

            Assert.All(updates, u => Assert.Equal(65.43m, Last(u)));
        }
        finally
        {
            readers.ForEach(r => r.Dispose());
            responses.ForEach(r => r.Dispose());
        }
    }
}
