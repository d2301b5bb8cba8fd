namespace OpenEts.Application.Inclusion;

/// <summary>
/// What <see cref="InclusionQueueWorker.DrainAsync"/> did: the actions recorded (counted, duplicate or refused one by
/// one), the batches refused as a whole and deleted, and the batches left (claimed by another worker).
/// </summary>
public sealed record QueueDrained(long Recorded, int BatchesRefused, long BatchesLeft);

/// <summary>The inclusion queue's size: batches, and the actions in them, waiting to be recorded.</summary>
public sealed record QueueDepth(long Batches, long Actions);
