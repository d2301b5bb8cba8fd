using OpenEts.Streaming.Inclusion;

namespace OpenEts.Server.Hosting;

/// <summary>
/// Runs this server's inclusion stream worker for as long as the server runs; when it fails (NATS unreachable, the
/// database busy) it logs and starts again after a pause. Whatever it had not acknowledged is delivered again.
/// </summary>
internal sealed partial class InclusionStreamService(InclusionStreamWorker worker, ILogger<InclusionStreamService> log) : BackgroundService
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await worker.RunAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed worker is logged and started again; its unacknowledged events come back.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(e, Pause.TotalSeconds);
                await Task.Delay(Pause, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The inclusion stream worker stopped; starting again in {Seconds} s")]
    private partial void LogFailed(Exception e, double seconds);
}
