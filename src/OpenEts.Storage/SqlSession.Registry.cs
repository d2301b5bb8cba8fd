using Npgsql;
using OpenEts.Application.Storage;
using OpenEts.Domain.Journal;

namespace OpenEts.Storage;

internal sealed partial class SqlSession
{
    public async Task IndexAsync(
        IReadOnlyList<(string Term, long Sequence)> terms, IReadOnlyList<(long Proposal, long Sequence)> proposals,
        IReadOnlyList<(string Actor, string Key, long Sequence)> keys, long indexedTo)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(proposals);
        ArgumentNullException.ThrowIfNull(keys);
        await dialect.InsertRegistryIndexAsync(connection, transaction, terms, proposals, keys, ct).ConfigureAwait(false);
        await ExecuteAsync("""
            INSERT INTO registry_index_state (id, indexed_to) VALUES (1, @indexedTo)
            ON CONFLICT (id) DO UPDATE SET indexed_to = excluded.indexed_to
            """, new { indexedTo }).ConfigureAwait(false);
    }

    public async Task<long> IndexedToAsync() =>
        await QuerySingleOrDefaultAsync<long?>("SELECT indexed_to FROM registry_index_state WHERE id = 1").ConfigureAwait(false) ?? 0;

    public async Task<JournalEntry?> FindKeyAsync(string actor, string key)
    {
        await FlushJournalAsync().ConfigureAwait(false);
        return (await QuerySingleOrDefaultAsync<JournalRow>($"""
            SELECT {JournalColumns} FROM journal WHERE seq = (SELECT seq FROM registry_keys WHERE actor = @actor AND key = @key)
            """, new { actor, key }).ConfigureAwait(false))?.ToEntry();
    }

    public async Task<IReadOnlyList<KeyedEntry>> FindKeysAsync(IReadOnlyCollection<(string Actor, string Key)> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        await FlushJournalAsync().ConfigureAwait(false);
        var wanted = requests.ToHashSet();
        var found = new List<KeyedEntry>(wanted.Count);
        // Senders and keys as two lists the primary key (actor, key) serves; pairs not asked for are dropped below.
        // PostgreSQL takes each list as one array; for SQLite Dapper writes one parameter per value, so chunks.
        var match = connection is NpgsqlConnection ? "k.actor = ANY(@actors) AND k.key = ANY(@keys)" : "k.actor IN @actors AND k.key IN @keys";
        foreach (var chunk in wanted.Chunk(500))
        {
            var actors = chunk.Select(r => r.Actor).Distinct(StringComparer.Ordinal).ToArray();
            var keys = chunk.Select(r => r.Key).ToArray();
            found.AddRange((await QueryAsync<KeyedJournalRow>($"""
                SELECT k.actor AS Key_Actor, k.key AS Key_Name, j.seq, j.at, j.actor, j.kind, j.subject, j.payload, j.prev_hash, j.hash
                FROM registry_keys k JOIN journal j ON j.seq = k.seq WHERE {match}
                """, new { actors, keys }).ConfigureAwait(false))
                .Where(r => wanted.Contains((r.Key_Actor, r.Key_Name))).Select(r => new KeyedEntry(r.Key_Actor, r.Key_Name, r.ToEntry())));
        }
        return found;
    }

    public async Task<JournalEntry?> EntryAsync(long sequence)
    {
        await FlushJournalAsync().ConfigureAwait(false);
        return (await QuerySingleOrDefaultAsync<JournalRow>($"SELECT {JournalColumns} FROM journal WHERE seq = @sequence", new { sequence })
            .ConfigureAwait(false))?.ToEntry();
    }

    public async Task<IReadOnlyList<JournalEntry>> EntriesOfAsync(string term, long skip, int take)
    {
        await FlushJournalAsync().ConfigureAwait(false);
        return (await QueryAsync<JournalRow>($"""
            SELECT {JournalColumns} FROM journal WHERE seq IN (
                SELECT seq FROM registry_index WHERE term = @term ORDER BY seq LIMIT @take OFFSET @skip)
            ORDER BY seq
            """, new { term, skip, take }).ConfigureAwait(false)).Select(r => r.ToEntry()).ToList();
    }

    public async Task<IReadOnlyList<JournalEntry>> ProposalEntriesAsync(long proposal)
    {
        await FlushJournalAsync().ConfigureAwait(false);
        return (await QueryAsync<JournalRow>($"""
            SELECT {JournalColumns} FROM journal WHERE seq IN (
                SELECT seq FROM registry_proposal_index WHERE proposal = @proposal)
            ORDER BY seq
            """, new { proposal }).ConfigureAwait(false)).Select(r => r.ToEntry()).ToList();
    }

    public Task<long> CountOfAsync(string term) =>
        ExecuteScalarAsync<long>("SELECT COUNT(*) FROM registry_index WHERE term = @term", new { term });

    public Task SaveSnapshotAsync(RegistrySnapshotRow snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return ExecuteAsync("""
            INSERT INTO registry_snapshots (seq, reference_seq, version, sha256, content, created_at)
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

    public async Task<IReadOnlyList<RegistrySnapshotRow>> SnapshotsAsync() =>
        (await QueryAsync<SnapshotRow>(
            "SELECT seq, reference_seq, version, sha256, created_at FROM registry_snapshots ORDER BY seq DESC")
            .ConfigureAwait(false))
        .Select(r => new RegistrySnapshotRow(r.Seq, r.Reference_Seq, r.Version, r.Sha256, ReadOnlyMemory<byte>.Empty, At(r.Created_At)))
        .ToList();

    public Task<byte[]?> SnapshotContentAsync(long sequence) =>
        QuerySingleOrDefaultAsync<byte[]?>("SELECT content FROM registry_snapshots WHERE seq = @sequence", new { sequence });

    private sealed class SnapshotRow
    {
        public long Seq { get; init; }

        public long Reference_Seq { get; init; }

        public int Version { get; init; }

        public string Sha256 { get; init; } = "";

        public long Created_At { get; init; }
    }

    private sealed class KeyedJournalRow : JournalRow
    {
        public string Key_Actor { get; init; } = "";

        public string Key_Name { get; init; } = "";
    }
}
