using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using OpenEts.Application.Inclusion;

namespace OpenEts.Streaming.Inclusion;

/// <summary>
/// Appends partners' actions to the JetStream stream (<see cref="IInclusionEventLog"/>): each action to its citizen's
/// shard subject, with the hash of its (partner, source, event id) key as the message id, so a repeat within the
/// duplicate window is stored once and answered as a duplicate. Publishes are pipelined (many acknowledgements awaited
/// together); the call returns when JetStream has stored every action.
/// </summary>
public sealed class JetStreamInclusionLog(InclusionStream stream) : IInclusionEventLog
{
    private const int InFlight = 1_024;

    /// <inheritdoc/>
    public async Task<IReadOnlyList<bool>> AppendAsync(long partnerId, string programme, IReadOnlyList<RecordActions.Item> items,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(items);
        await stream.EnsureAsync(ct).ConfigureAwait(false);
        var options = stream.Options;
        var held = new bool[items.Count];
        var acks = new Task<PubAckResponse>[Math.Min(InFlight, items.Count)];
        for (var start = 0; start < items.Count; start += InFlight)
        {
            var count = Math.Min(InFlight, items.Count - start);
            for (var k = 0; k < count; k++)
            {
                var item = items[start + k];
                var subject = options.SubjectOf(InclusionSubjects.ShardOf(item.User, options.Shards));
                acks[k] = stream.JetStream.PublishAsync(subject, StreamedAction.From(partnerId, programme, item).ToBytes(),
                    opts: new NatsJSPubOpts { MsgId = StreamedAction.MessageId(partnerId, item.Source, item.EventId) }, cancellationToken: ct).AsTask();
            }
            for (var k = 0; k < count; k++)
            {
                var ack = await acks[k].ConfigureAwait(false);
                held[start + k] = ack.Duplicate;
                if (!ack.Duplicate)
                {
                    ack.EnsureSuccess();
                }
            }
        }
        return held;
    }
}
