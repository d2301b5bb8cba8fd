using OpenEts.Application.Exchange;

namespace OpenEts.Application.Storage;

// Snapshots of the exchange's books (exchange_snapshots, migration 0044): a start restores the newest one that checks out
// and replays only the input journal after it.
public partial interface IExchangeData
{
    /// <summary>Stores a snapshot (replacing one of the same sequence). Only inside <see cref="IStore.WriteAsync{T}"/>.</summary>
    Task SaveSnapshotAsync(ExchangeSnapshotRow snapshot);

    /// <summary>Every snapshot, newest first, without its content.</summary>
    Task<IReadOnlyList<ExchangeSnapshotRow>> SnapshotsAsync();

    /// <summary>The stored bytes of the snapshot at <paramref name="sequence"/>, or null.</summary>
    Task<byte[]?> SnapshotContentAsync(long sequence);

    /// <summary>The trades numbered after <paramref name="afterId"/>, in number order.</summary>
    Task<IReadOnlyList<ExchangeTrade>> TradesAfterAsync(long afterId);
}
