using OpenEts.Application.Registry;

namespace OpenEts.Server.Hosting;

/// <summary>
/// Once a minute, expires the registry's transfer proposals that are past their expiry and journals it, so that an
/// expired proposal shows as expired at once rather than at the next registry request.
/// </summary>
internal sealed partial class ProposalExpiry(RegistryService registry, TimeProvider clock, ILogger<ProposalExpiry> log)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            if (registry.Break is not null)
            {
                // Read-only: nothing may be journalled until the journal is repaired (ReadOnlyMode logged why).
                continue;
            }
            try
            {
                var expired = await registry.ExpireDueProposalsAsync(clock.GetUtcNow(), stoppingToken).ConfigureAwait(false);
                if (expired > 0)
                {
                    LogExpired(expired);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed round is logged and retried at the next tick; the next request expires them anyway.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Count} transfer proposal(s) past their expiry")]
    private partial void LogExpired(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expiring due transfer proposals failed; retrying at the next tick")]
    private partial void LogFailed(Exception e);
}
