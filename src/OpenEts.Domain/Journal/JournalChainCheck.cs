namespace OpenEts.Domain.Journal;

/// <summary>
/// The hash-chain check of <see cref="JournalVerifier.FindFirstBreak"/>, one entry at a time, so that a journal of any
/// length is checked as a stream in constant memory. It can start mid-journal from an entry already checked (to resume,
/// or to check one segment).
/// </summary>
public sealed class JournalChainCheck
{
    private long _expected;
    private string _previous;

    /// <summary>A check that starts at the journal's first entry.</summary>
    public JournalChainCheck() : this(0, JournalEntry.GenesisHash)
    {
    }

    /// <summary>A check that starts after entry <paramref name="afterSequence"/>, whose hash is <paramref name="afterHash"/>.</summary>
    public JournalChainCheck(long afterSequence, string afterHash)
    {
        ArgumentNullException.ThrowIfNull(afterHash);
        _expected = afterSequence + 1;
        _previous = afterHash;
    }

    /// <summary>Entries checked so far.</summary>
    public long Checked { get; private set; }

    /// <summary>The first break met; once set, later entries are not checked.</summary>
    public JournalBreak? Break { get; private set; }

    /// <summary>The last entry that checked out: its sequence (0 for none) and hash.</summary>
    public (long Sequence, string Hash) Last => (_expected - 1, _previous);

    /// <summary>Checks the next entry; returns false once the chain is broken.</summary>
    public bool Add(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (Break is not null)
        {
            return false;
        }
        Checked++;
        if (entry.Sequence != _expected)
        {
            Break = new JournalBreak(_expected, $"entry {_expected} is missing (found {entry.Sequence})");
        }
        else if (entry.PreviousHash != _previous)
        {
            Break = new JournalBreak(entry.Sequence, "previous-hash does not match the entry before it");
        }
        else if (!entry.HashMatches())
        {
            Break = new JournalBreak(entry.Sequence, "content does not match its hash (the row was changed)");
        }
        else
        {
            _previous = entry.Hash;
            _expected++;
            return true;
        }
        return false;
    }
}
