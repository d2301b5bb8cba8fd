using System.Threading.Channels;
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
        // Two stages: one fetches, reads and checks the next parts while the other records the part before and
        // acknowledges it after its commit. Parts are recorded in the order they were read; at most two wait between
        // the stages, so a worker holds at most a fetch and two parts unacknowledged beyond the one it records.
        var parts = Channel.CreateBounded<Part>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = Task.Run(() => ReadPartsAsync(consumer, fetch, perTransaction, parts.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var part in parts.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                await ApplyAsync(part, ct).ConfigureAwait(false);
            }
            await reading.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped: whatever was fetched and not yet committed stays unacknowledged and is delivered again.
        }
        finally
        {
            // A failure of either stage ends both: the reader's fetched parts stay unacknowledged and are delivered again.
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await reading.ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The reader's own failure reached the loop above through the channel; here it only stops.
            catch (Exception)
#pragma warning restore CA1031
            {
                // The reader stopped because the worker did, or failed and ended the channel with its failure.
            }
        }
    }

    // The first stage: fetches batches, reads each message's actions, and cuts them by partner and programme into parts of
    // whole messages up to perTransaction actions, each read as its partner's command. A message that is not a partner's
    // actions is ended at once (it would be unreadable on every delivery).
    private async Task ReadPartsAsync(INatsJSConsumer consumer, NatsJSFetchOpts fetch, int perTransaction, ChannelWriter<Part> parts,
        CancellationToken ct)
    {
        try
        {
            var batch = new List<INatsJSMsg<byte[]>>(fetch.MaxMsgs.GetValueOrDefault());
            while (!ct.IsCancellationRequested)
            {
                batch.Clear();
                await foreach (var msg in consumer.FetchAsync<byte[]>(fetch, cancellationToken: ct).ConfigureAwait(false))
                {
                    batch.Add(msg);
                }
                foreach (var part in await CutAsync(batch, perTransaction, ct).ConfigureAwait(false))
                {
                    await parts.WriteAsync(part, ct).ConfigureAwait(false);
                }
            }
            parts.TryComplete();
        }
        catch (Exception e)
        {
            parts.TryComplete(e);
            throw;
        }
    }

    private async Task<List<Part>> CutAsync(List<INatsJSMsg<byte[]>> batch, int perTransaction, CancellationToken ct)
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
        var parts = new List<Part>();
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
                var forms = new List<RecordActions.ActionForm>(size);
                var messages = new List<INatsJSMsg<byte[]>>(end - start);
                for (var i = start; i < end; i++)
                {
                    forms.AddRange(list[i].Actions);
                    messages.Add(list[i].Msg);
                }
                start = end;
                parts.Add(new Part(partnerId, programme, messages, size,
                    await _recorder.PrepareAsync(partnerId, programme, forms, ct).ConfigureAwait(false)));
            }
        }
        return parts;
    }

    // The second stage: records a part in one transaction, then acknowledges its messages.
    private async Task ApplyAsync(Part part, CancellationToken ct)
    {
        if (await _recorder.RecordAsync(part.Actions, ct).ConfigureAwait(false) is { } refusal)
        {
            // A batch refused whole (an unknown partner, programme or scope) would be refused again on every delivery: it
            // is ended, and the reason logged, rather than retried for ever.
            LogRefused(part.Size, part.Partner, part.Programme, refusal);
            foreach (var msg in part.Messages)
            {
                await msg.AckTerminateAsync(cancellationToken: ct).ConfigureAwait(false);
            }
            return;
        }
        // The acknowledgements pipelined: sent together, then awaited.
        var acks = new List<Task>(part.Messages.Count);
        foreach (var msg in part.Messages)
        {
            acks.Add(msg.AckAsync(cancellationToken: ct).AsTask());
        }
        await Task.WhenAll(acks).ConfigureAwait(false);
        Applied += part.Size;
    }

    private sealed record Part(long Partner, string Programme, List<INatsJSMsg<byte[]>> Messages, int Size, PreparedActions Actions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inclusion stream: message {Sequence} on {Subject} is not a partner action; ended")]
    private partial void LogUnreadable(string subject, ulong sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inclusion stream: {Count} action(s) of partner {Partner} for {Programme} refused as a whole ({Rule}); ended")]
    private partial void LogRefused(int count, long partner, string programme, string rule);
}
