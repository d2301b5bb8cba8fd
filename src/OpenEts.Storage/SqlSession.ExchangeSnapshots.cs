using OpenEts.Application.Exchange;
using OpenEts.Application.Storage;

namespace OpenEts.Storage;

// Snapshots of the exchange's books (exchange_snapshots, migration 0044) and the trades after a snapshot's last one.
internal sealed partial class SqlSession
{
    Task IExchangeData.SaveSnapshotAsync(ExchangeSnapshotRow snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return ExecuteAsync("""
            INSERT INTO exchange_snapshots (seq, reference_seq, version, sha256, content, created_at)
            VALUES (@Sequence, @ReferenceSequence, @Version, @Sha256, @content, @createdAt)
            ON CONFLICT (seq) DO UPDATE SET reference_seq = excluded.reference_seq, version = excluded.version,
                sha256 = excluded.sha256, content = excluded.content, created_at = excluded.created_at
            """, new
        {
            snapshot.Sequence,
            snapshot.ReferenceSequence,
            snapshot.Version,
            snapshot.Sha256,
            content = snapshot.Content.ToArray(),
            createdAt = Ms(snapshot.CreatedAt),
        });
    }

    async Task<IReadOnlyList<ExchangeSnapshotRow>> IExchangeData.SnapshotsAsync() =>
        (await QueryAsync<SnapshotRow>(
            "SELECT seq, reference_seq, version, sha256, created_at FROM exchange_snapshots ORDER BY seq DESC")
            .ConfigureAwait(false))
        .Select(r => new ExchangeSnapshotRow(r.Seq, r.Reference_Seq, r.Version, r.Sha256, ReadOnlyMemory<byte>.Empty, At(r.Created_At)))
        .ToList();

    Task<byte[]?> IExchangeData.SnapshotContentAsync(long sequence) =>
        QuerySingleOrDefaultAsync<byte[]?>("SELECT content FROM exchange_snapshots WHERE seq = @sequence", new { sequence });

    async Task<IReadOnlyList<ExchangeTrade>> IExchangeData.TradesAfterAsync(long afterId) =>
        [.. (await QueryAsync<TradeRow>($"SELECT {TradeColumns} FROM exchange_trades WHERE id > @afterId ORDER BY id", new { afterId })
            .ConfigureAwait(false)).Select(r => r.ToTrade())];
}
