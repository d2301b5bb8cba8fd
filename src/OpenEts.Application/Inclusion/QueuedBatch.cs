namespace OpenEts.Application.Inclusion;

/// <summary>
/// One partner batch in the inclusion queue (<see cref="InclusionQueue"/>): its checked actions as
/// <see cref="QueuedActions"/> wrote them, waiting for the worker to record them through <see cref="RecordActions"/>.
/// </summary>
public sealed record QueuedBatch(long Id, DateTimeOffset ReceivedAt, long PartnerId, string Programme, int Actions, byte[] Payload);
