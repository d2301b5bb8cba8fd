using OpenEts.Domain.Journal;

namespace OpenEts.Application.Journal;

/// <summary>What <see cref="JournalChain.CheckAsync(long, string, Action{long}?, CancellationToken)"/> found.</summary>
/// <param name="Checked">Entries checked (up to and including the first bad one).</param>
/// <param name="Break">The first bad entry and why; null when the chain is intact.</param>
/// <param name="LastSequence">The last entry that checked out.</param>
/// <param name="LastHash">Its hash.</param>
/// <param name="Head">The newest entry when the check began: the end of the range checked.</param>
public sealed record JournalChainResult(long Checked, JournalBreak? Break, long LastSequence, string LastHash, long Head);
