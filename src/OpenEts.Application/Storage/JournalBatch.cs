using System.Buffers;
using System.Text;
using OpenEts.Domain.Journal;

namespace OpenEts.Application.Storage;

/// <summary>
/// Journal entries to append together (<see cref="IJournalData.AppendBatchAsync"/>), held as the UTF-8 bytes the journal
/// stores: a caller that writes its payloads as UTF-8 (a <c>Utf8JsonWriter</c>) hands them over without a string per
/// entry, and storage hashes and binds the same bytes. Reusable: <see cref="Clear"/> gives its buffers back.
/// </summary>
/// <remarks>
/// The bytes, rows and hashes are held in chunks of fixed size (256 KiB of bytes or hashes, 4 096 rows), never in one
/// array that doubles: a settlement of 40 000 trades appends 120 000 entries, and doubling one array to 30 MB copied
/// everything twice into fresh memory, whose first touch (a page fault each 4 KiB, dear in a virtual machine) cost a
/// twelfth of the settlement (docs/exchange-speed.md). Every chunk comes from the shared array pools and goes back on
/// <see cref="Clear"/>, so the next transaction's entries land in memory already touched. That includes the rows: a
/// chunk of 4 096 rows is 128 KiB, past the large-object threshold, and a session's batch made a new one in every
/// transaction that journals — every order group — each counting towards the next full (generation 2) collection.
/// </remarks>
public sealed class JournalBatch
{
    // A hash as stored: 64 lower-case hex digits.
    private const int HexLength = 64;
    private const int ChunkBytes = 256 * 1024;
    private const int RowShift = 12;
    private const int RowsPerChunk = 1 << RowShift;
    private const int RowMask = RowsPerChunk - 1;

    // Each entry's actor, kind, subject and payload lie one after another in one byte chunk.
    private readonly List<byte[]> _chunks = [];
    private int _used;
    private readonly List<Row[]> _rows = [];
    // RowsPerChunk hashes a chunk (64 bytes each: ChunkBytes).
    private readonly List<byte[]> _hashes = [];
    private byte[] _previous = [];
    // Where the last Chain started (its first sequence and the hash before it), and how many entries it hashed.
    private (long First, string Previous)? _chained;
    private int _chainedRows;

    /// <summary>Entries added so far.</summary>
    public int Count { get; private set; }

    /// <summary>Adds an entry; <paramref name="payload"/> is its UTF-8 JSON, copied.</summary>
    public void Add(DateTimeOffset at, string actor, string kind, string subject, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(subject);
        var most = checked(Encoding.UTF8.GetMaxByteCount(actor.Length) + Encoding.UTF8.GetMaxByteCount(kind.Length)
            + Encoding.UTF8.GetMaxByteCount(subject.Length) + payload.Length);
        var chunk = Reserve(most);
        var bytes = _chunks[chunk];
        var start = _used;
        var actorLength = Encoding.UTF8.GetBytes(actor, bytes.AsSpan(start));
        var kindLength = Encoding.UTF8.GetBytes(kind, bytes.AsSpan(start + actorLength));
        var subjectLength = Encoding.UTF8.GetBytes(subject, bytes.AsSpan(start + actorLength + kindLength));
        payload.CopyTo(bytes.AsSpan(start + actorLength + kindLength + subjectLength));
        _used = start + actorLength + kindLength + subjectLength + payload.Length;
        if ((Count >> RowShift) == _rows.Count)
        {
            _rows.Add(ArrayPool<Row>.Shared.Rent(RowsPerChunk));
        }
        _rows[Count >> RowShift][Count & RowMask] = new Row
        {
            AtMs = at.ToUnixTimeMilliseconds(), Chunk = chunk, Start = start,
            ActorLength = actorLength, KindLength = kindLength, SubjectLength = subjectLength, PayloadLength = payload.Length,
        };
        Count++;
    }

    /// <summary>Empties the batch, giving its byte and hash chunks back to the shared pool.</summary>
    public void Clear()
    {
        foreach (var chunk in _chunks)
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        foreach (var chunk in _hashes)
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        foreach (var chunk in _rows)
        {
            ArrayPool<Row>.Shared.Return(chunk);
        }
        _chunks.Clear();
        _hashes.Clear();
        _rows.Clear();
        _used = 0;
        Count = 0;
        _chained = null;
        _chainedRows = 0;
    }

    /// <summary>The entry's time, as stored: Unix milliseconds (UTC).</summary>
    public long AtMs(int i) => RowAt(i).AtMs;

    /// <summary>The entry's actor (UTF-8).</summary>
    public ReadOnlySpan<byte> Actor(int i)
    {
        ref readonly var row = ref RowAt(i);
        return _chunks[row.Chunk].AsSpan(row.Start, row.ActorLength);
    }

    /// <summary>The entry's kind (UTF-8).</summary>
    public ReadOnlySpan<byte> Kind(int i)
    {
        ref readonly var row = ref RowAt(i);
        return _chunks[row.Chunk].AsSpan(row.Start + row.ActorLength, row.KindLength);
    }

    /// <summary>The entry's subject (UTF-8).</summary>
    public ReadOnlySpan<byte> Subject(int i)
    {
        ref readonly var row = ref RowAt(i);
        return _chunks[row.Chunk].AsSpan(row.Start + row.ActorLength + row.KindLength, row.SubjectLength);
    }

    /// <summary>The entry's payload (UTF-8 JSON).</summary>
    public ReadOnlySpan<byte> Payload(int i)
    {
        ref readonly var row = ref RowAt(i);
        return _chunks[row.Chunk].AsSpan(row.Start + row.ActorLength + row.KindLength + row.SubjectLength, row.PayloadLength);
    }

    /// <summary>The entry's hash once <see cref="Chain"/> has run (64 lower-case hex digits, UTF-8).</summary>
    public ReadOnlySpan<byte> Hash(int i)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(i);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(i, _chainedRows);
        return HashSlot(i);
    }

    /// <summary>The hash the entry before <paramref name="i"/> has (the first entry's previous hash for i = 0).</summary>
    public ReadOnlySpan<byte> PreviousHash(int i) => i == 0 ? _previous : Hash(i - 1);

    /// <summary>
    /// Chains the entries after <paramref name="previousHash"/>, the first as <paramref name="firstSequence"/>: computes
    /// each entry's hash (<see cref="JournalEntry.ComputeHash(long, long, ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte})"/>)
    /// from the bytes stored. Returns the last entry's hash.
    /// </summary>
    public string Chain(long firstSequence, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        _previous = Encoding.UTF8.GetBytes(previousHash);
        _chained = (firstSequence, previousHash);
        _chainedRows = 0;
        return ChainAdded();
    }

    /// <summary>
    /// Hashes the entries added since the last <see cref="Chain"/> or <see cref="ChainAdded"/>, going on from the entries
    /// already hashed (a batch that grows entry by entry within one transaction, hashed once per entry). Returns the last
    /// entry's hash.
    /// </summary>
    public string ChainAdded()
    {
        ChainNew();
        return LastHash();
    }

    /// <summary>
    /// The last entry's hash (the hash chained from when there is none), after <see cref="Chain"/> or
    /// <see cref="ChainNew"/>.
    /// </summary>
    public string LastHash()
    {
        if (_chained is not { } start)
        {
            throw new InvalidOperationException("the batch was never chained: call Chain first");
        }
        if (_chainedRows != Count)
        {
            throw new InvalidOperationException("entries were added after the batch was chained: call ChainNew first");
        }
        return Count == 0 ? start.Previous : Encoding.ASCII.GetString(Hash(Count - 1));
    }

    /// <summary>
    /// <see cref="ChainAdded"/> without making the last hash into a string: for a writer that appends entry by entry and
    /// asks for the tail's hash (<see cref="LastHash"/>) only now and then.
    /// </summary>
    public void ChainNew()
    {
        if (_chained is not { } start)
        {
            throw new InvalidOperationException("the batch was never chained: call Chain first");
        }
        for (var i = _chainedRows; i < Count; i++)
        {
            if ((i >> RowShift) == _hashes.Count)
            {
                _hashes.Add(ArrayPool<byte>.Shared.Rent(RowsPerChunk * HexLength));
            }
            JournalEntry.ComputeHash(start.First + i, RowAt(i).AtMs, Actor(i), Kind(i), Subject(i), Payload(i),
                i == 0 ? _previous : HashSlot(i - 1), HashSlot(i));
        }
        _chainedRows = Count;
    }

    /// <summary>
    /// The last entry's hash when <see cref="Chain"/> already ran from exactly <paramref name="firstSequence"/> and
    /// <paramref name="previousHash"/> and no entry was added since (a writer that chains the batch on another thread
    /// while storing something else); otherwise chains it now. Returns the last entry's hash, as <see cref="Chain"/>.
    /// </summary>
    public string ChainOnce(long firstSequence, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        return _chained is { } done && _chainedRows == Count && done.First == firstSequence
            && string.Equals(done.Previous, previousHash, StringComparison.Ordinal)
            ? (Count == 0 ? previousHash : Encoding.ASCII.GetString(Hash(Count - 1)))
            : Chain(firstSequence, previousHash);
    }

    /// <summary>The entries as <see cref="JournalEntry"/> values, after <see cref="Chain"/> (a database that binds strings).</summary>
    public JournalEntry[] ToEntries(long firstSequence) => ToEntries(firstSequence, 0);

    /// <summary>The entries from index <paramref name="from"/> on as <see cref="JournalEntry"/> values, after <see cref="Chain"/>.</summary>
    public JournalEntry[] ToEntries(long firstSequence, int from)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, Count);
        var entries = new JournalEntry[Count - from];
        for (var i = from; i < Count; i++)
        {
            entries[i - from] = new JournalEntry(firstSequence + i, DateTimeOffset.FromUnixTimeMilliseconds(AtMs(i)),
                Encoding.UTF8.GetString(Actor(i)), Encoding.UTF8.GetString(Kind(i)), Encoding.UTF8.GetString(Subject(i)),
                Encoding.UTF8.GetString(Payload(i)), Encoding.ASCII.GetString(PreviousHash(i)), Encoding.ASCII.GetString(Hash(i)));
        }
        return entries;
    }

    // The chunk where the next `most` bytes fit: the current one, or a new one (of more than ChunkBytes for an entry
    // that large).
    private int Reserve(int most)
    {
        if (_chunks.Count == 0 || _used + most > _chunks[^1].Length)
        {
            _chunks.Add(ArrayPool<byte>.Shared.Rent(Math.Max(ChunkBytes, most)));
            _used = 0;
        }
        return _chunks.Count - 1;
    }

    private ref readonly Row RowAt(int i)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(i);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(i, Count);
        return ref _rows[i >> RowShift][i & RowMask];
    }

    private Span<byte> HashSlot(int i) => _hashes[i >> RowShift].AsSpan((i & RowMask) * HexLength, HexLength);

    private struct Row
    {
        public long AtMs;
        public int Chunk;
        public int Start;
        public int ActorLength;
        public int KindLength;
        public int SubjectLength;
        public int PayloadLength;
    }
}
