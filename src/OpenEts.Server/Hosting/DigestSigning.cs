using OpenEts.Application.Journal;

namespace OpenEts.Server.Hosting;

/// <summary>Signs the journal's head once an hour when it has moved, so that published digests never lag far behind.</summary>
internal sealed partial class DigestSigning(JournalDigests digests, TimeProvider clock, ILogger<DigestSigning> log) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!digests.CanSign)
        {
            return;
        }
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                if (await digests.SignHeadAsync(clock.GetUtcNow(), "system", stoppingToken).ConfigureAwait(false) is { } digest)
                {
                    LogSigned(digest.Sequence, digest.Hash);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed round is logged and retried at the next tick.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signed journal digest at entry {Sequence} ({Hash})")]
    private partial void LogSigned(long sequence, string hash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Signing the journal digest failed; retrying at the next tick")]
    private partial void LogFailed(Exception e);
}
