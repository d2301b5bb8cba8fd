using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using OpenEts.Application.Inclusion;

namespace OpenEts.Streaming.Inclusion;

/// <summary>
/// Appends partners' actions to the JetStream stream (<see cref="IInclusionEventLog"/>): a batch's actions go to their
/// citizens' shard subjects, each shard's in batch order, in messages of at most <see cref="MessageActions"/> actions
/// (<see cref="StreamedActions"/>). A message's id is the hash of its partner and its actions' (source, event id) keys,
/// so a batch sent again whole within the duplicate window is stored once and its actions answered as duplicates; any
/// other repeat is stopped by the store's key when it is recorded. Publishes are pipelined (many acknowledgements awaited
/// together); the call returns when JetStream has stored every action.
/// </summary>
/// <remarks>
/// One message an action cost the appending process about 65 µs of CPU an action (a publish, its headers and its
/// acknowledgement each), more than the worker's recording of it (docs/inclusion.md).
/// </remarks>
public sealed class JetStreamInclusionLog(InclusionStream stream) : IInclusionEventLog
{
    /// <summary>The most actions one message holds.</summary>
    public const int MessageActions = 100;

    private const int InFlight = 256;

    /// <inheritdoc/>
    public async Task<IReadOnlyList<bool>> AppendAsync(long partnerId, string programme, IReadOnlyList<RecordActions.Item> items,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(items);
        await stream.EnsureAsync(ct).ConfigureAwait(false);
        var options = stream.Options;
        // Each shard's actions in batch order, cut into messages.
        var shards = new Dictionary<int, List<int>>();
        for (var i = 0; i < items.Count; i++)
        {
            var shard = InclusionSubjects.ShardOf(items[i].User, options.Shards);
            if (!shards.TryGetValue(shard, out var indexes))
            {
                shards[shard] = indexes = [];
            }
            indexes.Add(i);
        }
        var messages = new List<(int Shard, List<int> Indexes)>();
        foreach (var (shard, indexes) in shards)
        {
            for (var start = 0; start < indexes.Count; start += MessageActions)
            {
                messages.Add((shard, indexes.GetRange(start, Math.Min(MessageActions, indexes.Count - start))));
            }
        }
        var held = new bool[items.Count];
        var acks = new Task<PubAckResponse>[Math.Min(InFlight, messages.Count)];
        for (var start = 0; start < messages.Count; start += InFlight)
        {
            var count = Math.Min(InFlight, messages.Count - start);
            for (var k = 0; k < count; k++)
            {
                var (shard, indexes) = messages[start + k];
                var actions = indexes.ConvertAll(i => items[i]);
                acks[k] = stream.JetStream.PublishAsync(options.SubjectOf(shard), QueuedActions.Write(actions),
                    headers: StreamedActions.Headers(partnerId, programme),
                    opts: new NatsJSPubOpts { MsgId = StreamedActions.MessageId(partnerId, actions) }, cancellationToken: ct).AsTask();
            }
            for (var k = 0; k < count; k++)
            {
                var ack = await acks[k].ConfigureAwait(false);
                if (!ack.Duplicate)
                {
                    ack.EnsureSuccess();
                }
                foreach (var i in messages[start + k].Indexes)
                {
                    held[i] = ack.Duplicate;
                }
            }
        }
        return held;
    }
}
