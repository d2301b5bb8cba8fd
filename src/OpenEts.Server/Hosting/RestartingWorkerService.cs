namespace OpenEts.Server.Hosting;

/// <summary>
/// Runs a background worker for as long as the server runs; when it fails (its broker unreachable, the database busy)
/// it logs and starts it again after a pause. What the worker had not finished comes back to it (unacknowledged
/// messages, unclaimed or lapsed queue batches).
/// </summary>
internal abstract partial class RestartingWorkerService(ILogger log) : BackgroundService
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(5);

    /// <summary>The worker's name in the log.</summary>
    protected abstract string Name { get; }

    /// <summary>Runs the worker until <paramref name="ct"/> is cancelled (or it fails).</summary>
    protected abstract Task RunAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed worker is logged and started again; its unfinished work comes back.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(e, Name, Pause.TotalSeconds);
                await Task.Delay(Pause, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Worker} stopped; starting again in {Seconds} s")]
    private partial void LogFailed(Exception e, string worker, double seconds);
}
