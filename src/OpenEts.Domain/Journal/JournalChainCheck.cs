using System.Text;

namespace OpenEts.Domain.Journal;

/// <summary>
/// The hash-chain check of <see cref="JournalVerifier.FindFirstBreak"/>, one entry at a time, so that a journal of any
/// length is checked as a stream in constant memory. It can start mid-journal from an entry already checked (to resume,
/// or to check one segment), and it takes rows either as entries or as their stored bytes
/// (<see cref="Add(JournalEntryBytes)"/>), hashing without a per-entry allocation.
/// </summary>
public sealed class JournalChainCheck
{
    private readonly bool _segment;
    private long _expected;
    private byte[] _previous = new byte[JournalHash.HexLength];
    private int _previousLength;
    private byte[] _scratch = [];

    /// <summary>A check that starts at the journal's first entry.</summary>
    public JournalChainCheck() : this(0, JournalEntry.GenesisHash)
    {
    }

    /// <summary>A check that starts after entry <paramref name="afterSequence"/>, whose hash is <paramref name="afterHash"/>.</summary>
    public JournalChainCheck(long afterSequence, string afterHash)
    {
        ArgumentNullException.ThrowIfNull(afterHash);
        _expected = afterSequence + 1;
        Remember(Encoding.UTF8.GetBytes(afterHash));
    }

    private JournalChainCheck(long afterSequence)
    {
        _segment = true;
        _expected = afterSequence + 1;
    }

    /// <summary>
    /// A check of the segment that starts after entry <paramref name="afterSequence"/> without knowing that entry's hash:
    /// the first entry's previous-hash is taken as it is and kept in <see cref="FirstPreviousHash"/>, for whoever joins
    /// the segments to compare with the segment before.
    /// </summary>
    public static JournalChainCheck Segment(long afterSequence) => new(afterSequence);

    /// <summary>Entries checked so far (the entry that broke the chain included).</summary>
    public long Checked { get; private set; }

    /// <summary>The first break met; once set, later entries are not checked.</summary>
    public JournalBreak? Break { get; private set; }

    /// <summary>The sequence the next entry must have.</summary>
    public long Next => _expected;

    /// <summary>For a <see cref="Segment"/>: the previous-hash stored in its first entry; null before one was added.</summary>
    public string? FirstPreviousHash { get; private set; }

    /// <summary>The last entry that checked out: its sequence (0 for none) and hash (empty for a segment with none yet).</summary>
    public (long Sequence, string Hash) Last => (_expected - 1, Encoding.UTF8.GetString(_previous, 0, _previousLength));

    /// <summary>Checks the next entry; returns false once the chain is broken.</summary>
    public bool Add(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Add(entry.Sequence, entry.At.ToUnixTimeMilliseconds(), entry.Actor, entry.Kind, entry.Subject, entry.Payload,
            entry.PreviousHash, entry.Hash);
    }

    /// <summary>Checks the next entry from its stored fields (time as Unix milliseconds); returns false once the chain is broken.</summary>
    public bool Add(
        long sequence, long atUnixMilliseconds, string actor, string kind, string subject, string payload, string previousHash,
        string hash)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(previousHash);
        ArgumentNullException.ThrowIfNull(hash);
        if (Break is not null)
        {
            return false;
        }
        var utf8 = Encoding.UTF8;
        var length = utf8.GetByteCount(actor) + utf8.GetByteCount(kind) + utf8.GetByteCount(subject)
            + utf8.GetByteCount(payload) + utf8.GetByteCount(previousHash) + utf8.GetByteCount(hash);
        if (_scratch.Length < length)
        {
            _scratch = new byte[Math.Max(length, 2 * _scratch.Length)];
        }
        var s = _scratch.AsSpan();
        var a = utf8.GetBytes(actor, s);
        var k = utf8.GetBytes(kind, s[a..]) + a;
        var j = utf8.GetBytes(subject, s[k..]) + k;
        var p = utf8.GetBytes(payload, s[j..]) + j;
        var v = utf8.GetBytes(previousHash, s[p..]) + p;
        var h = utf8.GetBytes(hash, s[v..]) + v;
        return Add(new JournalEntryBytes(sequence, atUnixMilliseconds, s[..a], s[a..k], s[k..j], s[j..p], s[p..v], s[v..h]));
    }

    /// <summary>Checks the next entry from its stored bytes; returns false once the chain is broken.</summary>
    public bool Add(JournalEntryBytes entry)
    {
        if (Break is not null)
        {
            return false;
        }
        var first = Checked == 0;
        Checked++;
        if (entry.Sequence != _expected)
        {
            Break = new JournalBreak(_expected, $"entry {_expected} is missing (found {entry.Sequence})");
            return false;
        }
        if (_segment && first)
        {
            FirstPreviousHash = Encoding.UTF8.GetString(entry.PreviousHash);
        }
        else if (!entry.PreviousHash.SequenceEqual(_previous.AsSpan(0, _previousLength)))
        {
            Break = new JournalBreak(entry.Sequence, "previous-hash does not match the entry before it");
            return false;
        }
        Span<byte> computed = stackalloc byte[JournalHash.HexLength];
        if (!JournalHash.InRange(entry.AtUnixMilliseconds) || !Matches(entry, computed))
        {
            Break = new JournalBreak(entry.Sequence, "content does not match its hash (the row was changed)");
            return false;
        }
        Remember(entry.Hash);
        _expected++;
        return true;
    }

    private static bool Matches(JournalEntryBytes entry, Span<byte> computed)
    {
        JournalHash.Compute(entry.Sequence, entry.AtUnixMilliseconds, entry.Actor, entry.Kind, entry.Subject, entry.Payload,
            entry.PreviousHash, computed);
        return computed.SequenceEqual(entry.Hash);
    }

    private void Remember(ReadOnlySpan<byte> hash)
    {
        if (_previous.Length < hash.Length)
        {
            _previous = new byte[hash.Length];
        }
        hash.CopyTo(_previous);
        _previousLength = hash.Length;
    }
}
