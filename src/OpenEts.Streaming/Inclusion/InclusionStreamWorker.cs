using Microsoft.Extensions.Logging;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using OpenEts.Application.Inclusion;
using OpenEts.Application.Storage;

namespace OpenEts.Streaming.Inclusion;

/// <summary>
/// A quantification worker: reads the inclusion stream through a durable pull consumer (at-least-once: explicit acks,
/// redelivery after <see cref="InclusionStreamOptions.AckWait"/>), applies each fetched batch through
/// <see cref="RecordActions"/> as the partner that sent it — one transaction per partner and batch — and acknowledges the
/// batch's messages only after that transaction commits. A worker that dies before its acks leaves the batch to be
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
        var fetch = new NatsJSFetchOpts { MaxMsgs = options.Batch, Expires = TimeSpan.FromSeconds(1) };
        var batch = new List<INatsJSMsg<byte[]>>(options.Batch);
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
                    await ApplyAsync(batch, ct).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped: whatever was fetched and not yet committed stays unacknowledged and is delivered again.
        }
    }

    private async Task ApplyAsync(List<INatsJSMsg<byte[]>> batch, CancellationToken ct)
    {
        var groups = new Dictionary<(long Partner, string Programme), List<(INatsJSMsg<byte[]> Msg, StreamedAction Action)>>();
        foreach (var msg in batch)
        {
            if (StreamedAction.Read(msg.Data) is not { } action)
            {
                LogUnreadable(msg.Subject, msg.Metadata?.Sequence.Stream ?? 0);
                await msg.AckTerminateAsync(cancellationToken: ct).ConfigureAwait(false);
                continue;
            }
            var key = (action.Partner, action.Programme);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }
            list.Add((msg, action));
        }
        foreach (var ((partnerId, programme), list) in groups)
        {
            for (var start = 0; start < list.Count; start += InclusionLimits.MaxBatch)
            {
                var part = list.GetRange(start, Math.Min(InclusionLimits.MaxBatch, list.Count - start));
                if (await ApplyPartAsync(partnerId, programme, part, ct).ConfigureAwait(false) is { } refusal)
                {
                    // A batch refused whole (an unknown partner, programme or scope) would be refused again on every
                    // delivery: it is ended, and the reason logged, rather than retried for ever.
                    LogRefused(part.Count, partnerId, programme, refusal);
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
                Applied += part.Count;
            }
        }
    }

    // Null when the part was applied (its transaction committed); else why it was refused as a whole.
    private Task<string?> ApplyPartAsync(long partnerId, string programme, List<(INatsJSMsg<byte[]> Msg, StreamedAction Action)> part,
        CancellationToken ct) =>
        _recorder.RecordAsync(partnerId, programme, [.. part.Select(p => p.Action.ToForm())], ct);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inclusion stream: message {Sequence} on {Subject} is not a partner action; ended")]
    private partial void LogUnreadable(string subject, ulong sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inclusion stream: {Count} action(s) of partner {Partner} for {Programme} refused as a whole ({Rule}); ended")]
    private partial void LogRefused(int count, long partner, string programme, string rule);
}
