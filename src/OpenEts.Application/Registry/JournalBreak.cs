namespace OpenEts.Application.Registry;

/// <summary>
/// The first journal entry whose registry event does not replay (it cannot be read, or the ledger refuses it). While
/// there is one, the registry is read-only: reads show the state up to the entry before it, and writes are refused.
/// </summary>
/// <param name="Sequence">The entry's journal sequence number.</param>
/// <param name="Reason">Why it does not replay.</param>
public sealed record JournalBreak(long Sequence, string Reason);
