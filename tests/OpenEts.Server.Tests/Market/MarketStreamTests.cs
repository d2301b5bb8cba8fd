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
}
