using Microsoft.Extensions.Logging;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using OpenEts.Application.Inclusion;
using OpenEts.Application.Storage;

namespace OpenEts.Streaming.Inclusion;

/// <summary>
/// A quantification worker: reads the inclusion stream through a durable pull consumer (at-least-once: explicit acks,
/// redelivery after <see cref="InclusionStreamOptions.AckWait"/>), applies each fetched batch through
/// <see cref="RecordActions"/> as the partner that sent it — one transaction per partner and up to
/// <see cref="InclusionStreamOptions.Batch"/> actions, whole messages — and acknowledges the messages only after that
/// transaction commits. A worker that dies before its acks leaves the batch to be
/// delivered again; the store's (source, event id) key then answers the repeats as duplicates, so every event counts once.
/// </summary>
public sealed partial class InclusionStreamWorker(InclusionStream stream, InclusionCommandHandler handler, IStore store,
    ILogger<InclusionStreamWorker> log)
{
    private readonly PartnerRecorder _recorder = new(handler, store);

    /// <summary>Events applied (counted, duplicate or refused by the use case) since the worker started.</summary>
    public long Applied { get; private set; }

    /// <summary>Reads and applies until <paramref name="ct"/> is cancelled; a failure (the connection, the store) ends it unacknowledged.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        await stream.EnsureAsync(ct).ConfigureAwait(false);
        var options = stream.Options;
        var consumer = await stream.JetStream.CreateOrUpdateConsumerAsync(options.Stream, new ConsumerConfig(options.Durable)
        {
            AckPolicy = ConsumerConfigAckPolicy.Explicit,
            AckWait = options.AckWait,
            DeliverPolicy = ConsumerConfigDeliverPolicy.All,
            FilterSubject = options.Filter ?? options.SubjectPrefix + ".*",
            MaxAckPending = Math.Max(options.Batch * 4, 1_000),
        }, ct).ConfigureAwait(false);
        // A message holds up to a shard's share of a batch (JetStreamInclusionLog.MessageActions): a fetch asks for enough
        // messages to fill a transaction of options.Batch actions when they hold a few dozen each.
        var perTransaction = Math.Clamp(options.Batch, 1, InclusionLimits.MaxBatch);
        var fetch = new NatsJSFetchOpts { MaxMsgs = Math.Max(1, options.Batch / 25), Expires = TimeSpan.FromSeconds(1) };
        var batch = new List<INatsJSMsg<byte[]>>(fetch.MaxMsgs.GetValueOrDefault());
        try
        {
            while (!ct.IsCancellationRequested)
            {
                batch.Clear();
                await foreach (var msg in consumer.FetchAsync<byte[]>(fetch, cancellationToken: ct).ConfigureAwait(false))
                {
                    batch.Add(msg);
                }
                if (batch.Count > 0)
                {
                    await ApplyAsync(batch, perTransaction, ct).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped: whatever was fetched and not yet committed stays unacknowledged and is delivered again.
        }
    }

    private async Task ApplyAsync(List<INatsJSMsg<byte[]>> batch, int perTransaction, CancellationToken ct)
    {
        var groups = new Dictionary<(long Partner, string Programme), List<(INatsJSMsg<byte[]> Msg, IReadOnlyList<RecordActions.ActionForm> Actions)>>();
        foreach (var msg in batch)
        {
            if (StreamedActions.Read(msg.Headers, msg.Data) is not { } read || read.Actions.Count > InclusionLimits.MaxBatch)
            {
                LogUnreadable(msg.Subject, msg.Metadata?.Sequence.Stream ?? 0);
                await msg.AckTerminateAsync(cancellationToken: ct).ConfigureAwait(false);
                continue;
            }
            var key = (read.Partner, read.Programme);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }
            list.Add((msg, read.Actions));
        }
        foreach (var ((partnerId, programme), list) in groups)
        {
            // Whole messages to a transaction, up to perTransaction actions (one message at least).
            for (var start = 0; start < list.Count;)
            {
                var end = start + 1;
                var size = list[start].Actions.Count;
                while (end < list.Count && size + list[end].Actions.Count <= perTransaction)
                {
                    size += list[end].Actions.Count;
                    end++;
                }
                var part = list.GetRange(start, end - start);
                start = end;
                if (await ApplyPartAsync(partnerId, programme, part, size, ct).ConfigureAwait(false) is { } refusal)
                {
                    // A batch refused whole (an unknown partner, programme or scope) would be refused again on every
                    // delivery: it is ended, and the reason logged, rather than retried for ever.
                    LogRefused(size, partnerId, programme, refusal);
                    foreach (var (msg, _) in part)
                    {
                        await msg.AckTerminateAsync(cancellationToken: ct).ConfigureAwait(false);
                    }
                    continue;
                }
                // The acknowledgements pipelined: sent together, then awaited.
                var acks = new List<Task>(part.Count);
                foreach (var (msg, _) in part)
                {
                    acks.Add(msg.AckAsync(cancellationToken: ct).AsTask());
                }
                await Task.WhenAll(acks).ConfigureAwait(false);
                Applied += size;
            }
        }
    }

    // Null when the part was applied (its transaction committed); else why it was refused as a whole.
    private Task<string?> ApplyPartAsync(long partnerId, string programme,
        List<(INatsJSMsg<byte[]> Msg, IReadOnlyList<RecordActions.ActionForm> Actions)> part, int size, CancellationToken ct)
    {
        var forms = new List<RecordActions.ActionForm>(size);
        foreach (var (_, actions) in part)
        {
            forms.AddRange(actions);
        }
        return _recorder.RecordAsync(partnerId, programme, forms, ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inclusion stream: message {Sequence} on {Subject} is not a partner action; ended")]
    private partial void LogUnreadable(string subject, ulong sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inclusion stream: {Count} action(s) of partner {Partner} for {Programme} refused as a whole ({Rule}); ended")]
    private partial void LogRefused(int count, long partner, string programme, string rule);
}
