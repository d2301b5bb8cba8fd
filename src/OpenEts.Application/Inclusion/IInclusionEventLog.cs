namespace OpenEts.Application.Inclusion;

/// <summary>
/// The durable event log partners' actions are appended to when ingestion runs through a stream (NATS JetStream) rather
/// than in the request: workers read the log and apply each action through <see cref="RecordActions"/>, whose
/// (source, event id) key makes an at-least-once delivery count exactly once. Not registered: the partner API records
/// in process, as before.
/// </summary>
public interface IInclusionEventLog
{
    /// <summary>
    /// Why the log cannot take <paramref name="actions"/> more actions now (it is full), or null when it can. A log that
    /// never fills (a stream with its own limits) answers null.
    /// </summary>
    Task<string?> FullAsync(int actions, CancellationToken ct) => Task.FromResult<string?>(null);

    /// <summary>
    /// Appends one partner's actions (each already read without field errors and within the key's scope), keyed by the
    /// partner, the source and the event id. Answers per action, in order, whether the log already held it (a repeat
    /// within the log's de-duplication window: for JetStream, a message of the same actions sent before); returns only
    /// when the log has stored every action.
    /// </summary>
    Task<IReadOnlyList<bool>> AppendAsync(long partnerId, string programme, IReadOnlyList<RecordActions.Item> items, CancellationToken ct);
}
