using System.Text;
using OpenEts.Domain.Journal;

namespace OpenEts.Application.Storage;

/// <summary>
/// Journal entries to append together (<see cref="IJournalData.AppendBatchAsync"/>), held as the UTF-8 bytes the journal
/// stores: a caller that writes its payloads as UTF-8 (a <c>Utf8JsonWriter</c>) hands them over without a string per
/// entry, and storage hashes and binds the same bytes. Reusable: <see cref="Clear"/> keeps the buffers.
/// </summary>
public sealed class JournalBatch
{
    // A hash as stored: 64 lower-case hex digits.
    private const int HexLength = 64;

    private byte[] _bytes = new byte[4096];
    private int _used;
    private Row[] _rows = new Row[64];
    private byte[] _hashes = [];
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
        if (Count == _rows.Length)
        {
            Array.Resize(ref _rows, 2 * _rows.Length);
        }
        var row = new Row { AtMs = at.ToUnixTimeMilliseconds() };
        row.Actor = Put(actor);
        row.Kind = Put(kind);
        row.Subject = Put(subject);
        Reserve(payload.Length);
        payload.CopyTo(_bytes.AsSpan(_used));
        row.Payload = (_used, payload.Length);
        _used += payload.Length;
        _rows[Count++] = row;
    }

    /// <summary>Empties the batch, keeping its buffers.</summary>
    public void Clear()
    {
        Count = 0;
        _used = 0;
        _chained = null;
        _chainedRows = 0;
    }

    /// <summary>The entry's time, as stored: Unix milliseconds (UTC).</summary>
    public long AtMs(int i) => _rows[i].AtMs;

    /// <summary>The entry's actor (UTF-8).</summary>
    public ReadOnlySpan<byte> Actor(int i) => Slice(_rows[i].Actor);

    /// <summary>The entry's kind (UTF-8).</summary>
    public ReadOnlySpan<byte> Kind(int i) => Slice(_rows[i].Kind);

    /// <summary>The entry's subject (UTF-8).</summary>
    public ReadOnlySpan<byte> Subject(int i) => Slice(_rows[i].Subject);

    /// <summary>The entry's payload (UTF-8 JSON).</summary>
    public ReadOnlySpan<byte> Payload(int i) => Slice(_rows[i].Payload);

    /// <summary>The entry's hash once <see cref="Chain"/> has run (64 lower-case hex digits, UTF-8).</summary>
    public ReadOnlySpan<byte> Hash(int i) => _hashes.AsSpan(i * HexLength, HexLength);

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
        if (_chained is not { } start)
        {
            throw new InvalidOperationException("the batch was never chained: call Chain first");
        }
        if (_hashes.Length < Count * HexLength)
        {
            Array.Resize(ref _hashes, Math.Max(Math.Max(Count, 64), 2 * _hashes.Length / HexLength) * HexLength);
        }
        for (var i = _chainedRows; i < Count; i++)
        {
            JournalEntry.ComputeHash(start.First + i, _rows[i].AtMs, Actor(i), Kind(i), Subject(i), Payload(i), PreviousHash(i),
                _hashes.AsSpan(i * HexLength, HexLength));
        }
        _chainedRows = Count;
        return Count == 0 ? start.Previous : Encoding.ASCII.GetString(Hash(Count - 1));
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
            entries[i - from] = new JournalEntry(firstSequence + i, DateTimeOffset.FromUnixTimeMilliseconds(_rows[i].AtMs),
                Encoding.UTF8.GetString(Actor(i)), Encoding.UTF8.GetString(Kind(i)), Encoding.UTF8.GetString(Subject(i)),
                Encoding.UTF8.GetString(Payload(i)), Encoding.ASCII.GetString(PreviousHash(i)), Encoding.ASCII.GetString(Hash(i)));
        }
        return entries;
    }

    private (int Start, int Length) Put(string text)
    {
        Reserve(Encoding.UTF8.GetMaxByteCount(text.Length));
        var length = Encoding.UTF8.GetBytes(text, _bytes.AsSpan(_used));
        var at = (_used, length);
        _used += length;
        return at;
    }

    private void Reserve(int more)
    {
        if (_used + more > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_used + more, 2 * _bytes.Length));
        }
    }

    private ReadOnlySpan<byte> Slice((int Start, int Length) at) => _bytes.AsSpan(at.Start, at.Length);

    private struct Row
    {
        public long AtMs;
        public (int Start, int Length) Actor;
        public (int Start, int Length) Kind;
        public (int Start, int Length) Subject;
        public (int Start, int Length) Payload;
    }
}
