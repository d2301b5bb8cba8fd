using System.Diagnostics;
using OpenEts.Application.Exchange;
using OpenEts.Application.Exchange.MarketData;

namespace OpenEts.Server.Hosting;

/// <summary>
/// Connects the exchange to live market data: after each committed change to an instrument, its update is computed once
/// and sent to the instrument's server-sent-event subscribers, off the exchange's request path.
/// </summary>
internal sealed partial class LiveMarketData(ExchangeService exchange, MarketStream stream, ILogger<LiveMarketData> log) : IHostedService
{
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

    // The change's time, taken here, so that the stream's lateness warning counts the wait for a thread of the pool.
    private async Task PublishAsync(string instrument, long changed)
    {
        try
        {
            await stream.PublishAsync(instrument, changed, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogPublishFailed(log, ex, instrument);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live market data for {Instrument} could not be sent")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string instrument);
}
