using System.Buffers;
using System.Globalization;
using System.Net.ServerSentEvents;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
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
        + "browser: new EventSource('/api/v1/market/CEA-2024/stream'). A code in other letter case streams the listed instrument; a "
        + "code that is not listed is answered 404 (problem+json naming it and the listed instruments).";

    /// <summary>One live update: the ticker, the depth and the latest bars (null before the first trade).</summary>
    public sealed record MarketUpdateView(string Instrument, long Version, TickerView Ticker, DepthView? Depth, BarView? Minute, BarView? Day);

    private static void MapStream(RouteGroupBuilder group) =>
        group.MapGet("/{instrument}/stream", StreamAsync).AllowAnonymous()
            .WithSummary("Live ticker, depth and bars of an instrument as server-sent events (public)")
            .WithDescription(StreamDescription)
            .Produces<MarketUpdateView>(StatusCodes.Status200OK, "text/event-stream");

    // Each update's whole event, made once however many subscribers it goes to (the update is shared by all of them).
    private static readonly ConditionalWeakTable<MarketUpdate, byte[]> Frames = [];

    internal static async Task<Results<MarketEventsResult, ProblemHttpResult>> StreamAsync(string instrument, MarketStream stream,
        MarketDataQueries market, Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct) =>
        await market.ListedCodeAsync(instrument, ct).ConfigureAwait(false) is { } code
            ? new MarketEventsResult(stream, code, json.Value.SerializerOptions)
            : await UnlistedAsync(instrument, market, ct).ConfigureAwait(false);

    /// <summary>
    /// An update as one server-sent event in UTF-8, as <see cref="SseFormatter"/> frames it: <c>event: update</c>, the
    /// JSON as <c>data:</c> line(s), <c>id: version</c>, and the blank line that ends the event.
    /// </summary>
    internal static ReadOnlyMemory<byte> Frame(MarketUpdate update, JsonSerializerOptions json) =>
        Frames.GetValue(update, u => Format(JsonSerializer.SerializeToUtf8Bytes(View(u), json), u.Version));

    private static byte[] Format(ReadOnlySpan<byte> data, long version)
    {
        var frame = new ArrayBufferWriter<byte>(data.Length + 64);
        frame.Write("event: update\n"u8);
        while (true)
        {
            frame.Write("data: "u8);
            var end = data.IndexOfAny((byte)'\r', (byte)'\n');
            if (end < 0)
            {
                frame.Write(data);
                break;
            }
            frame.Write(data[..end]);
            frame.Write("\n"u8);
            data = data[(data[end] == '\r' && end + 1 < data.Length && data[end + 1] == '\n' ? end + 2 : end + 1)..];
        }
        frame.Write(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"\nid: {version}\n\n")));
        return frame.WrittenSpan.ToArray();
    }

    private static MarketUpdateView View(MarketUpdate u) =>
        new(u.Instrument, u.Version, View(u.Ticker), u.Depth is { } d ? View(d) : null, u.Minute is { } m ? View(m) : null,
            u.Day is { } day ? View(day) : null);

    /// <summary>
    /// The stream of one client: subscribes a <see cref="MarketEventStream"/> on the response, which the publisher writes
    /// to, and holds the response open until the client goes away or the server stops.
    /// </summary>
    internal sealed class MarketEventsResult(MarketStream stream, string instrument, JsonSerializerOptions json)
        : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
    {
        public int? StatusCode => StatusCodes.Status200OK;

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = "text/event-stream";
            var stopping = httpContext.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            using var end = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, stopping);
            var events = new MarketEventStream(httpContext.Response.BodyWriter, u => Frame(u, json));
            MarketSubscription? subscription;
            try
            {
                subscription = await stream.SubscribeAsync(instrument, events, end.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (end.IsCancellationRequested)
            {
                return;
            }
            if (subscription is null)
            {
                return; // not listed: the stream ends at once
            }
            try
            {
                events.Start(subscription.First);
                await events.Ended.WaitAsync(end.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (end.IsCancellationRequested)
            {
                // The client went away, or the server stops.
            }
            finally
            {
                subscription.Dispose();
                await events.CloseAsync().ConfigureAwait(false);
            }
        }

        // As TypedResults.ServerSentEvents describes its response, so the OpenAPI document stays as it was.
        public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
            builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(SseItem<string>), ["text/event-stream"]));
    }
}
