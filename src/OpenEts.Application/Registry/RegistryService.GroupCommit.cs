using OpenEts.Application.Storage;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

// Group commit (GroupCommit): single requests that arrive while a write is in progress wait in a queue, and the next write
// runs all of them in one transaction (one journal append, one commit).
public sealed partial class RegistryService
{
    // Requests per transaction at most, so that one commit never holds a caller for long.
    private const int MaxGroup = 1000;

    private GroupCommit<(DateTimeOffset Now, Func<RegistryLedger, RegistryOutcome> Request), RegistryOutcome>? _group;

    /// <summary>
    /// Runs one registry request: <paramref name="request"/> is called with the caught-up ledger (after expiring due
    /// proposals) and must call exactly one request method. A completed, non-duplicate outcome is journalled before
    /// this returns. Requests from concurrent callers may share one transaction; each is still accepted or rejected on
    /// its own, and one that throws fails only its own caller.
    /// </summary>
    /// <remarks>
    /// Cancelling <paramref name="ct"/> stops the wait, not the request: a request already queued may still be
    /// executed. Repeat it with the same idempotency key to learn its outcome.
    /// </remarks>
    public Task<RegistryOutcome> ExecuteAsync(
        DateTimeOffset now, Func<RegistryLedger, RegistryOutcome> request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var group = LazyInitializer.EnsureInitialized(ref _group, () => new(RunGroupAsync, MaxGroup, name: "registry"));
        return group.RunAsync((now, request), ct);
    }

    private async Task<IReadOnlyList<RegistryOutcome>> RunGroupAsync(
        IReadOnlyList<(DateTimeOffset Now, Func<RegistryLedger, RegistryOutcome> Request)> group) =>
        (await RunAsync(group.Min(q => q.Now), [.. group.Select(q => q.Request)], allOrNothing: false, progress: null,
            CancellationToken.None).ConfigureAwait(false)).Outcomes;
}
