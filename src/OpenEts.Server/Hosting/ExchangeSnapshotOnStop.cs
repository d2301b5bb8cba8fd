using OpenEts.Application.Exchange;

namespace OpenEts.Server.Hosting;

/// <summary>
/// On a clean stop, stores a snapshot of the exchange's books when enough inputs came after the newest one
/// (<see cref="ExchangeService.SnapshotOnStopAsync"/>), so that the next start restores it instead of replaying the tail.
/// A killed server skips this; its next start replays at most <see cref="ExchangeService.SnapshotInterval"/> inputs.
/// </summary>
internal sealed partial class ExchangeSnapshotOnStop(ExchangeService exchange, TimeProvider clock, ILogger<ExchangeSnapshotOnStop> log)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await exchange.SnapshotOnStopAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false) is { } snapshot)
            {
                LogStored(snapshot.Sequence);
            }
        }
#pragma warning disable CA1031 // A snapshot on stop only saves the next start some replay: its failure must not fail the stop.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing an exchange snapshot on stop failed; the next start replays the input journal's tail")]
    private partial void LogFailed(Exception e);

    [LoggerMessage(Level = LogLevel.Information, Message = "Exchange snapshot of journal entry {Sequence} stored on stop")]
    private partial void LogStored(long sequence);
}
