namespace OpenEts.Domain.Journal;

/// <summary>Recomputes a journal's hash chain and names the first entry that does not fit.</summary>
public static class JournalVerifier
{
    /// <summary>Checks entries in sequence order. Returns null when the chain is intact.</summary>
    /// <param name="entries">The journal in ascending sequence order.</param>
    /// <returns>The first bad entry's sequence and why, or null.</returns>
    public static JournalBreak? FindFirstBreak(IEnumerable<JournalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var check = new JournalChainCheck();
        foreach (var entry in entries)
        {
            if (!check.Add(entry))
            {
                break;
            }
        }
        return check.Break;
    }
}

/// <summary>Where a journal's chain breaks.</summary>
/// <param name="Sequence">The first bad entry.</param>
/// <param name="Reason">Why it is bad, in plain words.</param>
public sealed record JournalBreak(long Sequence, string Reason);
