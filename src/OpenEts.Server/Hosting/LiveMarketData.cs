using System.Diagnostics;
using OpenEts.Application.Exchange;
using OpenEts.Application.Exchange.MarketData;

namespace OpenEts.Server.Hosting;

/// <summary>
/// Connects the exchange to live market data: after each committed change to an instrument, its update is computed once
/// and sent to the instrument's server-sent-event subscribers, off the exchange's request path.
/// </summary>
/// <remarks>
/// An update offered later than <see cref="Late"/> after its change is logged as a warning, with the part spent waiting
/// for a thread of the pool: live data's promise is every subscriber within 50 ms of the trade (docs/exchange.md). At most
/// one such warning every <see cref="WarnEvery"/>, with the count of late updates since the last one, so that a saturated
/// server does not also flood its log.
/// </remarks>
internal sealed partial class LiveMarketData(ExchangeService exchange, MarketStream stream, ILogger<LiveMarketData> log) : IHostedService
{
    private static readonly TimeSpan Late = TimeSpan.FromMilliseconds(50);
    private const long WarnEvery = 10_000; // ms

    private long _lastWarning = long.MinValue / 2;
    private int _late;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        exchange.InstrumentChanged += OnChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        exchange.InstrumentChanged -= OnChanged;
        return Task.CompletedTask;
    }

    // On the pool, not inline: on SQLite the update's reads complete synchronously, and the request that changed the
    // instrument must not wait for them, nor for the fan-out, before it answers.
    private void OnChanged(object? sender, InstrumentChangedEventArgs e)
    {
        var changed = Stopwatch.GetTimestamp();
        _ = Task.Run(() => PublishAsync(e.Instrument, changed));
    }

    private async Task PublishAsync(string instrument, long changed)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await stream.PublishAsync(instrument, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogPublishFailed(log, ex, instrument);
            return;
        }
        if (Stopwatch.GetElapsedTime(changed) is var offered && offered > Late)
        {
            Interlocked.Increment(ref _late);
            var now = Environment.TickCount64;
            var last = Volatile.Read(ref _lastWarning);
            if (now - last >= WarnEvery && Interlocked.CompareExchange(ref _lastWarning, now, last) == last)
            {
                LogLate(log, instrument, offered.TotalMilliseconds, Stopwatch.GetElapsedTime(changed, started).TotalMilliseconds,
                    Interlocked.Exchange(ref _late, 0));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Live market data for {Instrument} offered {Offered:F1} ms after the change, {Waited:F1} ms of it waiting for a thread ({Late} updates later than 50 ms since the last such warning)")]
    private static partial void LogLate(ILogger logger, string instrument, double offered, double waited, int late);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live market data for {Instrument} could not be sent")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string instrument);
}
