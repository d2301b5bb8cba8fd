using Dapper;
using OpenEts.Application.Storage;
using OpenEts.Domain.Journal;

namespace OpenEts.Storage;

internal sealed partial class SqlSession
{
    private const string JournalColumns = "seq, at, actor, kind, subject, payload, prev_hash, hash";
    private const int ReadChunk = 5000;

    // The journal's last sequence and hash as this write transaction left them, once it read or wrote the tail.
    private (long Sequence, string Hash)? _journalTail;

    // Set while the tail is the last entry appended one by one (AppendUtf8Async): its hash becomes a string only when the
    // tail is asked for (KnownTail), not at every append.
    private bool _tailPending;

    private (long Sequence, string Hash)? KnownTail =>
        _tailPending ? (_pendingFirst + _pending!.Count - 1, _pending.LastHash()) : _journalTail;

    // Entries this write transaction appended one by one and has not stored yet (hashed, their sequences fixed), the first
    // of them at _pendingFirst: stored together by FlushJournalAsync before anything reads the journal, before a batch
    // append, and before the commit. A settlement appends a few entries per trade; stored as one batch they cost one
    // prepared statement instead of one statement each.
    private JournalBatch? _pending;
    private long _pendingFirst;

    public async Task<JournalEntry> AppendAsync(DateTimeOffset at, string actor, string kind, string subject, string payload) =>
        (await AppendManyAsync([(at, actor, kind, subject, payload)]).ConfigureAwait(false))[0];

    public async Task<IReadOnlyList<JournalEntry>> AppendManyAsync(
        IReadOnlyList<(DateTimeOffset At, string Actor, string Kind, string Subject, string Payload)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return [];
        }
        var pending = await PendingAsync().ConfigureAwait(false);
        var from = pending.Count;
        var utf8 = new byte[256];
        foreach (var (at, actor, kind, subject, payload) in entries)
        {
            ArgumentNullException.ThrowIfNull(payload);
            var most = System.Text.Encoding.UTF8.GetMaxByteCount(payload.Length);
            if (most > utf8.Length)
            {
                utf8 = new byte[Math.Max(most, 2 * utf8.Length)];
            }
            pending.Add(at, actor, kind, subject, utf8.AsSpan(0, System.Text.Encoding.UTF8.GetBytes(payload, utf8)));
        }
        var lastHash = pending.ChainAdded();
        _journalTail = (_pendingFirst + pending.Count - 1, lastHash);
        _tailPending = false;
        return pending.ToEntries(_pendingFirst, from);
    }

    public async ValueTask<long> AppendUtf8Async(DateTimeOffset at, string actor, string kind, string subject, ReadOnlyMemory<byte> payload)
    {
        // Entries waiting already: the tail is theirs, nothing to read (and no task to await).
        var pending = _pending is { Count: > 0 } waiting ? waiting : await PendingAsync().ConfigureAwait(false);
        pending.Add(at, actor, kind, subject, payload.Span);
        pending.ChainNew();
        _tailPending = true;
        return _pendingFirst + pending.Count - 1;
    }

    // A write beside the serialised writers (SqlStore.WriteBesideAsync) holds no lock on the journal's tail.
    private bool _beside;

    internal void Beside() => _beside = true;

    private void RequireWriter()
    {
        if (_beside)
        {
            throw new InvalidOperationException("a write beside the serialised writers cannot append to the journal");
        }
    }

    // The entries appended one by one and not stored yet, chained from the tail when the first of them comes.
    private async Task<JournalBatch> PendingAsync()
    {
        RequireWriter();
        var tail = await TailAsync().ConfigureAwait(false);
        var pending = _pending ??= new JournalBatch();
        if (pending.Count == 0)
        {
            _pendingFirst = tail.Sequence + 1;
            pending.Chain(_pendingFirst, tail.Hash);
        }
        return pending;
    }

    public async Task<long> AppendBatchAsync(JournalBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        RequireWriter();
        await FlushJournalAsync().ConfigureAwait(false);
        var tail = await TailAsync().ConfigureAwait(false);
        if (batch.Count == 0)
        {
            return tail.Sequence;
        }
        var first = tail.Sequence + 1;
        var lastHash = batch.ChainOnce(first, tail.Hash);
        await InsertJournalAsync(batch, first, lastHash).ConfigureAwait(false);
        return first + batch.Count - 1;
    }

    /// <summary>Stores the entries appended one by one and not stored yet (see <c>_pending</c>).</summary>
    internal async Task FlushJournalAsync()
    {
        if (_pending is not { Count: > 0 } pending)
        {
            return;
        }
        var tail = KnownTail!.Value;
        await InsertJournalAsync(pending, _pendingFirst, tail.Hash).ConfigureAwait(false);
        pending.Clear();
    }

    private async Task InsertJournalAsync(JournalBatch batch, long first, string lastHash)
    {
        // A failed insert may have stored part of the entries: the next append reads the tail again.
        _journalTail = null;
        _tailPending = false;
        await dialect.InsertJournalAsync(connection, transaction, batch, first, ct).ConfigureAwait(false);
        _journalTail = (first + batch.Count - 1, lastHash);
    }

    // Writers are serialised by the store, so the tail read once stays the tail for the whole transaction: later appends
    // in it (an order's reservation, its input, its trades; a group commit's many orders) go on from the tail this
    // session wrote last, without reading it again.
    public async Task<(long Sequence, string Hash)> TailAsync()
    {
        if (_tailPending)
        {
            _journalTail = KnownTail;
            _tailPending = false;
        }
        if (_journalTail is not { } tail)
        {
            var last = await QuerySingleOrDefaultAsync<JournalRow>(
                "SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1").ConfigureAwait(false);
            tail = (last?.Seq ?? 0, last?.Hash ?? JournalEntry.GenesisHash);
            _journalTail = tail;
        }
        return tail;
    }

    public async Task<IReadOnlyList<JournalEntry>> PageAsync(JournalFilter filter, int skip, int take)
    {
        await FlushJournalAsync().ConfigureAwait(false);
        return (await QueryAsync<JournalRow>($"""
            SELECT {JournalColumns} FROM journal {JournalWhere}
            ORDER BY seq DESC LIMIT @take OFFSET @skip
            """, JournalParameters(filter, skip, take)).ConfigureAwait(false)).Select(r => r.ToEntry()).ToList();
    }

    public async Task<long> CountAsync(JournalFilter filter)
    {
        await FlushJournalAsync().ConfigureAwait(false);
        return await ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM journal {JournalWhere}", JournalParameters(filter, 0, 0)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<JournalEntry>> NewestOfSubjectsAsync(IReadOnlyCollection<string> subjects, string kindPrefix)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentException.ThrowIfNullOrWhiteSpace(kindPrefix);
        await FlushJournalAsync().ConfigureAwait(false);
        // The journal's (subject, seq) index finds each subject's entries; one list parameter per 2 000 subjects.
        var newest = new List<JournalEntry>(subjects.Count);
        foreach (var batch in subjects.Distinct(StringComparer.Ordinal).Chunk(2000))
        {
            var parameters = new DynamicParameters(new { kindPrefix = kindPrefix + "%" });
            parameters.Add("among", ListValue(batch));
            newest.AddRange((await QueryAsync<JournalRow>($"""
                SELECT {JournalColumns} FROM journal WHERE seq IN (
                    SELECT MAX(seq) FROM journal WHERE kind LIKE @kindPrefix AND {AmongList("subject", "among")} GROUP BY subject)
                """, parameters).ConfigureAwait(false)).Select(r => r.ToEntry()));
        }
        return [.. newest.OrderByDescending(e => e.Sequence)];
    }

    public async IAsyncEnumerable<JournalEntry> ReadAllAsync(long fromSequence)
    {
        await FlushJournalAsync().ConfigureAwait(false);
        var next = fromSequence;
        while (true)
        {
            var rows = (await QueryAsync<JournalRow>(
                $"SELECT {JournalColumns} FROM journal WHERE seq >= @next ORDER BY seq LIMIT {ReadChunk}", new { next })
                .ConfigureAwait(false)).ToList();
            foreach (var row in rows)
            {
                yield return row.ToEntry();
            }
            if (rows.Count < ReadChunk)
            {
                yield break;
            }
            next = rows[^1].Seq + 1;
        }
    }

    public async Task ReadPayloadsAsync(long fromSequence, JournalPayloadVisitor visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        await FlushJournalAsync().ConfigureAwait(false);
        await dialect.ReadPayloadsAsync(connection, transaction, fromSequence, visit, ct).ConfigureAwait(false);
    }

    public async Task<long> LastSequenceAsync()
    {
        await FlushJournalAsync().ConfigureAwait(false);
        return await ExecuteScalarAsync<long>("SELECT COALESCE(MAX(seq), 0) FROM journal").ConfigureAwait(false);
    }

    public async Task CheckChainAsync(JournalChainCheck check, long upTo)
    {
        ArgumentNullException.ThrowIfNull(check);
        await FlushJournalAsync().ConfigureAwait(false);
        if (check.Break is null && check.Next <= upTo)
        {
            await dialect.CheckChainAsync(connection, transaction, check, upTo, ct).ConfigureAwait(false);
        }
    }

    private const string JournalWhere = """
        WHERE (@subject IS NULL OR subject = @subject)
          AND (@actor IS NULL OR actor = @actor)
          AND (@kindPrefix IS NULL OR kind LIKE @kindPrefix)
          AND (@kind IS NULL OR kind = @kind)
        """;

    private static object JournalParameters(JournalFilter f, int skip, int take) => new
    {
        subject = Blank(f.Subject),
        actor = Blank(f.Actor),
        kindPrefix = Blank(f.KindPrefix) is { } k ? k + "%" : null,
        kind = Blank(f.Kind),
        skip,
        take,
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private class JournalRow
    {
        public long Seq { get; init; }

        public long At { get; init; }

        public string Actor { get; init; } = "";

        public string Kind { get; init; } = "";

        public string Subject { get; init; } = "";

        public string Payload { get; init; } = "";

        public string Prev_Hash { get; init; } = "";

        public string Hash { get; init; } = "";

        public JournalEntry ToEntry() =>
            new(Seq, SqlSession.At(At), Actor, Kind, Subject, Payload, Prev_Hash, Hash);
    }
}
