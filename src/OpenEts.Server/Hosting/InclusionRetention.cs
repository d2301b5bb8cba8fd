using OpenEts.Application.Identity;
using OpenEts.Application.Inclusion;

namespace OpenEts.Server.Hosting;

/// <summary>
/// Once a day (and at start), deletes carbon inclusion's raw actions past the retention window through
/// <see cref="PurgeRawActions"/>, as the platform itself; runs the purge again while a run reports more. Off unless
/// <c>Inclusion:RetentionJob</c> is <c>true</c> (tests and the demo leave it off; <c>ets inclusion purge</c> runs it by hand).
/// </summary>
internal sealed partial class InclusionRetention(InclusionCommandHandler handler, TimeProvider clock, ILogger<InclusionRetention> log)
    : BackgroundService
{
    /// <summary>The configuration switch.</summary>
    public const string Setting = "Inclusion:RetentionJob";

    private static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                PurgedActions? purged;
                do
                {
                    var outcome = await handler.HandleAsync(Actor.System, PurgeRawActions.Default, stoppingToken).ConfigureAwait(false);
                    purged = (outcome as InclusionCommandOutcome.Completed)?.Result as PurgedActions;
                    if (purged is { Deleted: > 0 })
                    {
                        LogPurged(purged.Deleted, purged.FirstKept);
                    }
                }
                while (purged is { More: true });
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed round is logged and retried the next day; ets inclusion purge runs it by hand.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} raw inclusion action(s) of days before {FirstKept}")]
    private partial void LogPurged(long count, DateOnly firstKept);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging raw inclusion actions failed; retrying tomorrow")]
    private partial void LogFailed(Exception e);
}
