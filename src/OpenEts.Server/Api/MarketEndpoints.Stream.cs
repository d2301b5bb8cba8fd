using System.Net.ServerSentEvents;
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

    private static ServerSentEventsResult<MarketUpdateView> Stream(string instrument, MarketStream stream, CancellationToken ct) =>
        TypedResults.ServerSentEvents(Updates(stream, instrument, ct));

    private static async IAsyncEnumerable<SseItem<MarketUpdateView>> Updates(MarketStream stream, string instrument,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var u in stream.SubscribeAsync(instrument, ct).ConfigureAwait(false))
        {
            yield return new SseItem<MarketUpdateView>(new MarketUpdateView(u.Instrument, u.Version, View(u.Ticker),
                u.Depth is { } d ? View(d) : null, u.Minute is { } m ? View(m) : null, u.Day is { } day ? View(day) : null), "update")
            {
                EventId = u.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }
    }
}
