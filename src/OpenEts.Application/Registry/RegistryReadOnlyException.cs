namespace OpenEts.Application.Registry;

/// <summary>
/// A write was asked of a registry whose journal does not replay (<see cref="RegistryService.Break"/>): nothing was
/// written. The server answers it with 503 naming the entry.
/// </summary>
public sealed class RegistryReadOnlyException : Exception
{
    public RegistryReadOnlyException()
        : this(new JournalBreak(0, "the journal does not replay"))
    {
    }

    public RegistryReadOnlyException(string message)
        : base(message)
    {
        Break = new JournalBreak(0, message);
    }

    public RegistryReadOnlyException(string message, Exception innerException)
        : base(message, innerException)
    {
        Break = new JournalBreak(0, message);
    }

    public RegistryReadOnlyException(JournalBreak journalBreak)
        : base($"The registry is read-only: journal entry {journalBreak?.Sequence} does not replay ({journalBreak?.Reason}).")
    {
        ArgumentNullException.ThrowIfNull(journalBreak);
        Break = journalBreak;
    }

    public JournalBreak Break { get; }
}
