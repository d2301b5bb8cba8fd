using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenEts.Application.Exchange.MarketData;

namespace OpenEts.Server.Api;

// Live market data as server-sent events (text/event-stream), public: no polling.
internal static partial class MarketEndpoints
{
    /// <summary>The stream's description in the OpenAPI document.</summary>
    public const string StreamDescription =
        "Server-sent events (text/event-stream), one connection per instrument, no polling. The first event is the current "
        + "state; another follows each change of the instrument (a trade, an order resting or leaving the book, a halt). Each "
        + "event is 'event: update', 'id: <version>' and 'data: <MarketUpdateView as JSON>': the ticker, the top 5 levels and "
        + "the latest 1-minute and 1-day bars (prices yuan/t). A client that reads slowly skips to the newest update. In a "
        + "browser: new EventSource('/api/v1/market/CEA-2024/stream'). An instrument that is not listed ends the stream at once.";

    /// <summary>One live update: the ticker, the depth and the latest bars (null before the first trade).</summary>
    public sealed record MarketUpdateView(string Instrument, long Version, TickerView Ticker, DepthView? Depth, BarView? Minute, BarView? Day);

    private static void MapStream(RouteGroupBuilder group) =>
        group.MapGet("/{instrument}/stream", Stream).AllowAnonymous()
            .WithSummary("Live ticker, depth and bars of an instrument as server-sent events (public)")
            .WithDescription(StreamDescription)
            .Produces<MarketUpdateView>(StatusCodes.Status200OK, "text/event-stream");

    // Each update's JSON, written once however many subscribers it goes to (the update is shared by all of them).
    private static readonly ConditionalWeakTable<MarketUpdate, string> Serialized = [];

    private static ServerSentEventsResult<string> Stream(string instrument, MarketStream stream,
        Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct) =>
        TypedResults.ServerSentEvents(Updates(stream, instrument, json.Value.SerializerOptions, ct));

    private static async IAsyncEnumerable<SseItem<string>> Updates(MarketStream stream, string instrument, JsonSerializerOptions json,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var u in stream.SubscribeAsync(instrument, ct).ConfigureAwait(false))
        {
            var data = Serialized.GetValue(u, update => JsonSerializer.Serialize(View(update), json));
            yield return new SseItem<string>(data, "update") { EventId = u.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }
    }

    private static MarketUpdateView View(MarketUpdate u) =>
        new(u.Instrument, u.Version, View(u.Ticker), u.Depth is { } d ? View(d) : null, u.Minute is { } m ? View(m) : null,
            u.Day is { } day ? View(day) : null);
}
