using OpenEts.Application.Inclusion;
using OpenEts.Application.Storage;

namespace OpenEts.Storage;

// The inclusion queue (migration 0058): one row a partner batch, read oldest first by the worker, deleted once recorded.
internal sealed partial class SqlSession
{
    Task<long> IInclusionData.EnqueueActionsAsync(QueuedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return ExecuteScalarAsync<long>("""
            INSERT INTO inclusion_queue (received_at, partner_id, programme, actions, payload)
            VALUES (@at, @partner, @programme, @actions, @payload) RETURNING id
            """, new { at = Ms(batch.ReceivedAt), partner = batch.PartnerId, programme = batch.Programme, actions = batch.Actions, payload = batch.Payload });
    }

    async Task<IReadOnlyList<QueuedBatch>> IInclusionData.QueuedActionsAsync(int maxActions)
    {
        // The running total of the actions before each row decides where the read stops; the first row always comes.
        var rows = await QueryAsync<QueueRow>("""
            SELECT id AS Id, received_at AS ReceivedAt, partner_id AS PartnerId, programme AS Programme, actions AS Actions, payload AS Payload
            FROM inclusion_queue ORDER BY id LIMIT @limit
            """, new { limit = Math.Max(1, Math.Min(maxActions, 100_000)) }).ConfigureAwait(false);
        var taken = new List<QueuedBatch>();
        var total = 0L;
        foreach (var r in rows)
        {
            total += r.Actions;
            if (taken.Count > 0 && total > maxActions)
            {
                break;
            }
            taken.Add(new QueuedBatch(r.Id, At(r.ReceivedAt), r.PartnerId, r.Programme, (int)r.Actions, r.Payload));
        }
        return taken;
    }

    Task IInclusionData.DeleteQueuedAsync(IReadOnlyCollection<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return ids.Count == 0
            ? Task.CompletedTask
            : ExecuteAsync($"DELETE FROM inclusion_queue WHERE {AmongList("id", "ids")}", new { ids = ListValue(ids) });
    }

    async Task<(long Batches, long Actions)> IInclusionData.QueueDepthAsync()
    {
        var depth = await QuerySingleOrDefaultAsync<DepthRow>(
            "SELECT count(*) AS Batches, coalesce(sum(actions), 0) AS Actions FROM inclusion_queue").ConfigureAwait(false);
        return depth is null ? (0, 0) : (depth.Batches, depth.Actions);
    }

    private sealed class QueueRow
    {
        public long Id { get; set; }
        public long ReceivedAt { get; set; }
        public long PartnerId { get; set; }
        public string Programme { get; set; } = "";
        public long Actions { get; set; }
        public byte[] Payload { get; set; } = [];
    }

    private sealed class DepthRow
    {
        public long Batches { get; set; }
        public long Actions { get; set; }
    }
}
