using OpenEts.Application.Inclusion;

namespace OpenEts.Application.Storage;

// The inclusion queue (migration 0058): partners' batches taken in and not yet recorded, oldest first.
public partial interface IInclusionData
{
    /// <summary>Adds a batch (its id is ignored) and returns the id it got; ids grow in the order batches are added.</summary>
    Task<long> EnqueueActionsAsync(QueuedBatch batch);

    /// <summary>
    /// Claims the oldest batches no other worker holds — unclaimed, claimed by <paramref name="worker"/> itself, or
    /// whose claim ran out before <paramref name="now"/> — as many as hold at most <paramref name="maxActions"/> actions
    /// together (always the oldest one, whatever its size), for <paramref name="worker"/> until <paramref name="until"/>;
    /// returns them in order, none when there are none. Two workers claiming at once get different batches.
    /// </summary>
    Task<IReadOnlyList<QueuedBatch>> ClaimQueuedAsync(string worker, int maxActions, DateTimeOffset now, DateTimeOffset until);

    /// <summary>Removes these batches (those already gone are ignored).</summary>
    Task DeleteQueuedAsync(IReadOnlyCollection<long> ids);

    /// <summary>How many batches, and actions in them, wait in the queue.</summary>
    Task<(long Batches, long Actions)> QueueDepthAsync();
}
