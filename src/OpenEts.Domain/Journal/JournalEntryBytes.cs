namespace OpenEts.Domain.Journal;

/// <summary>
/// One stored journal row as its UTF-8 bytes, borrowed from the reader for the time of one call (a row of a database
/// cursor): what <see cref="JournalChainCheck.Add(JournalEntryBytes)"/> checks without decoding a string.
/// </summary>
/// <param name="sequence">The row's sequence.</param>
/// <param name="atUnixMilliseconds">The row's time, as stored: Unix milliseconds (UTC).</param>
/// <param name="actor">The actor's UTF-8 bytes.</param>
/// <param name="kind">The kind's UTF-8 bytes.</param>
/// <param name="subject">The subject's UTF-8 bytes.</param>
/// <param name="payload">The payload's UTF-8 bytes.</param>
/// <param name="previousHash">The stored previous hash (64 hex digits when intact).</param>
/// <param name="hash">The stored hash (64 hex digits when intact).</param>
public readonly ref struct JournalEntryBytes(
    long sequence,
    long atUnixMilliseconds,
    ReadOnlySpan<byte> actor,
    ReadOnlySpan<byte> kind,
    ReadOnlySpan<byte> subject,
    ReadOnlySpan<byte> payload,
    ReadOnlySpan<byte> previousHash,
    ReadOnlySpan<byte> hash)
{
    /// <summary>The row's sequence.</summary>
    public long Sequence { get; } = sequence;

    /// <summary>The row's time: Unix milliseconds (UTC).</summary>
    public long AtUnixMilliseconds { get; } = atUnixMilliseconds;

    /// <summary>The actor (UTF-8).</summary>
    public ReadOnlySpan<byte> Actor { get; } = actor;

    /// <summary>The kind (UTF-8).</summary>
    public ReadOnlySpan<byte> Kind { get; } = kind;

    /// <summary>The subject (UTF-8).</summary>
    public ReadOnlySpan<byte> Subject { get; } = subject;

    /// <summary>The payload (UTF-8).</summary>
    public ReadOnlySpan<byte> Payload { get; } = payload;

    /// <summary>The stored previous hash (UTF-8).</summary>
    public ReadOnlySpan<byte> PreviousHash { get; } = previousHash;

    /// <summary>The stored hash (UTF-8).</summary>
    public ReadOnlySpan<byte> Hash { get; } = hash;
}
