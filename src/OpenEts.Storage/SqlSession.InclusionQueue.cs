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

    async Task<IReadOnlyList<QueuedBatch>> IInclusionData.ClaimQueuedAsync(string worker, int maxActions, DateTimeOffset now, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(worker);
        // PostgreSQL: rows another worker's claim is writing are skipped, not waited for (SQLite has one writer).
        var skipLocked = connection is Npgsql.NpgsqlConnection ? " FOR UPDATE SKIP LOCKED" : "";
        // The rows' sizes first, without their payloads: the claim stops at its action limit, and a payload (about
        // 120 bytes an action, read out of line on PostgreSQL) is read only for a batch the claim takes.
        var rows = await QueryAsync<QueueRow>($"""
            SELECT id AS Id, received_at AS ReceivedAt, partner_id AS PartnerId, programme AS Programme, actions AS Actions
            FROM inclusion_queue WHERE claimed_until IS NULL OR claimed_until < @now OR claimed_by = @worker
            ORDER BY id LIMIT @limit{skipLocked}
            """, new { worker, now = Ms(now), limit = Math.Max(1, Math.Min(maxActions, 100_000)) }).ConfigureAwait(false);
        // The running total of the actions decides where the claim stops; the first row always comes.
        var chosen = new List<QueueRow>();
        var total = 0L;
        foreach (var r in rows)
        {
            total += r.Actions;
            if (chosen.Count > 0 && total > maxActions)
            {
                break;
            }
            chosen.Add(r);
        }
        if (chosen.Count == 0)
        {
            return [];
        }
        var ids = ListValue(chosen.Select(b => b.Id));
        var payloads = new Dictionary<long, byte[]>(chosen.Count);
        foreach (var p in await QueryAsync<PayloadRow>(
            $"SELECT id AS Id, payload AS Payload FROM inclusion_queue WHERE {AmongList("id", "ids")}", new { ids }).ConfigureAwait(false))
        {
            payloads[p.Id] = p.Payload;
        }
        await ExecuteAsync($"UPDATE inclusion_queue SET claimed_by = @worker, claimed_until = @until WHERE {AmongList("id", "ids")}",
            new { worker, until = Ms(until), ids }).ConfigureAwait(false);
        var taken = new List<QueuedBatch>(chosen.Count);
        foreach (var r in chosen)
        {
            taken.Add(new QueuedBatch(r.Id, At(r.ReceivedAt), r.PartnerId, r.Programme, (int)r.Actions, payloads[r.Id]));
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
    }

    private sealed class PayloadRow
    {
        public long Id { get; set; }
        public byte[] Payload { get; set; } = [];
    }

    private sealed class DepthRow
    {
        public long Batches { get; set; }
        public long Actions { get; set; }
    }
}
