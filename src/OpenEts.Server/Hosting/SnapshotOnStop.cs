using OpenEts.Application.Journal;

namespace OpenEts.Server.Hosting;

/// <summary>
/// On a clean stop, asks a ledger to store a snapshot when enough entries came after its newest one
/// (<see cref="ISnapshotsOnStop"/>), so that the next start restores it instead of replaying the tail. One instance per
/// ledger; hosted services stop in reverse order of registration. A host stopped twice at once (its own run ending on
/// the stop signal while whoever sent it stops the host too, as the test host does) runs this stop's snapshot once and
/// both stops wait for it: otherwise the stop that finished first disposed the services while the other was still
/// snapshotting them, and that snapshot failed (ObjectDisposedException) and was lost.
/// </summary>
internal sealed partial class SnapshotOnStop<TLedger>(TLedger ledger, TimeProvider clock, ILogger<SnapshotOnStop<TLedger>> log)
    : IHostedService
    where TLedger : ISnapshotsOnStop
{
    private readonly Lock _gate = new();
    private Task? _stopping;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _stopping ??= StoreAsync(cancellationToken);
        }
    }

    private async Task StoreAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await ledger.StoreSnapshotOnStopAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false) is { } sequence)
            {
                LogStored(ledger.SnapshotLedger, sequence);
            }
        }
#pragma warning disable CA1031 // A snapshot on stop only saves the next start some replay: its failure must not fail the stop.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFailed(e, ledger.SnapshotLedger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing a {Ledger} snapshot on stop failed; the next start replays the journal's tail")]
    private partial void LogFailed(Exception e, string ledger);

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Ledger} snapshot of journal entry {Sequence} stored on stop")]
    private partial void LogStored(string ledger, long sequence);
}
