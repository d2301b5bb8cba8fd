using OpenEts.Application.Storage;
using OpenEts.Domain.Journal;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

// A long batch's journalling overlapped with its ledger work.
public sealed partial class RegistryService
{
    // Events a long batch hands to its pipeline at a time (a batch of fewer than twice this many requests runs as one).
    private const int PipelineChunk = 2_000;

    // The key's earlier request from storage, once the chunk in flight is done with the connection.
    private static async Task<JournalEntry?> FindKeyAsync(IStoreSession s, AppendPipeline? pipeline, UserId sender, IdempotencyKey key)
    {
        if (pipeline is not null)
        {
            await pipeline.DrainAsync().ConfigureAwait(false);
        }
        return await s.Registry.FindKeyAsync(sender.Value, key.Value!).ConfigureAwait(false);
    }

    // Journals a batch's events a chunk at a time on another thread while the ledger runs the next chunk's requests, in
    // the batch's one transaction: at most one chunk is in flight, chunks go into the journal in order, each from the
    // tail the one before left, so the journal is the same as if the batch had been appended at its end. The ledger's
    // thread reads each chunk's facts before handing it off; the chunk's writing touches the connection and the write
    // buffers, never the ledger. The caller awaits Settled before its transaction ends, so the connection is never used
    // by two threads at once; a failed chunk fails the next hand-off or drain, and the whole batch rolls back.
    private sealed class AppendPipeline(RegistryService registry, IStoreSession session)
    {
        public Task Settled { get; private set; } = Task.CompletedTask;

        public async Task HandOffAsync(List<RegistryEvent> events)
        {
            var facts = registry.FactsOf(events);
            await Settled.ConfigureAwait(false);
            Settled = Task.Run(() => registry.AppendAsync(session, events, facts, snapshotAt: null));
        }

        public Task DrainAsync() => Settled;
    }
}
