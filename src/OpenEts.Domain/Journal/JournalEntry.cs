using System.Text;

namespace OpenEts.Domain.Journal;

/// <summary>
/// One row of the append-only journal (审计日志 / 登记簿流水): every state change in the platform is written as one entry,
/// chained to the previous entry by its SHA-256 so that changing, inserting or deleting any row is detectable.
/// </summary>
/// <param name="Sequence">Position in the journal, 1 for the first entry, gapless.</param>
/// <param name="At">When the change was made (UTC, stored to the millisecond).</param>
/// <param name="Actor">Who made it: a user name, or <c>system</c>.</param>
/// <param name="Kind">What kind of change, dotted, e.g. <c>entity.created</c>, <c>registry.transfer.executed</c>.</param>
/// <param name="Subject">What it is about, e.g. an organisation's credit code or an account number.</param>
/// <param name="Payload">The change itself as JSON (for edits, <c>{"before":…,"after":…}</c>).</param>
/// <param name="PreviousHash">The <see cref="Hash"/> of entry <c>Sequence - 1</c>, or <see cref="GenesisHash"/> for the first.</param>
/// <param name="Hash">SHA-256 (lower-case hex) over the fields above, see <see cref="ComputeHash(long, DateTimeOffset, string, string, string, string, string)"/>.</param>
public sealed record JournalEntry(
    long Sequence,
    DateTimeOffset At,
    string Actor,
    string Kind,
    string Subject,
    string Payload,
    string PreviousHash,
    string Hash)
{
    /// <summary>The previous-hash of the first entry: 64 zeros.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>Creates the next entry after <paramref name="previousHash"/>, computing its hash.</summary>
    public static JournalEntry Create(
        long sequence, DateTimeOffset at, string actor, string kind, string subject, string payload, string previousHash)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        var rounded = Truncate(at);
        return new JournalEntry(sequence, rounded, actor, kind, subject, payload, previousHash,
            ComputeHash(sequence, rounded, actor, kind, subject, payload, previousHash));
    }

    /// <summary>
    /// The chain hash: SHA-256 over the UTF-8 of the fields joined by line feeds, the time as
    /// <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> in UTC. Stable: a stored journal verifies on any machine.
    /// </summary>
    public static string ComputeHash(
        long sequence, DateTimeOffset at, string actor, string kind, string subject, string payload, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(previousHash);
        Span<byte> hex = stackalloc byte[JournalHash.HexLength];
        JournalHash.Compute(sequence, at.ToUnixTimeMilliseconds(), actor, kind, subject, payload, previousHash, hex);
        return Encoding.ASCII.GetString(hex);
    }

    /// <summary>
    /// The chain hash of <see cref="ComputeHash(long, DateTimeOffset, string, string, string, string, string)"/> from the
    /// fields' stored UTF-8 bytes, written as 64 lower-case hex digits (UTF-8) into <paramref name="hash"/>; allocates
    /// nothing, so a verifier can hash straight from the rows it reads.
    /// </summary>
    /// <param name="sequence">The entry's sequence.</param>
    /// <param name="atUnixMilliseconds">The time as Unix milliseconds (UTC), as the journal stores it.</param>
    /// <param name="actor">The actor (UTF-8).</param>
    /// <param name="kind">The kind (UTF-8).</param>
    /// <param name="subject">The subject (UTF-8).</param>
    /// <param name="payload">The payload (UTF-8).</param>
    /// <param name="previousHash">The previous entry's hash as stored (UTF-8).</param>
    /// <param name="hash">Receives the hash: 64 bytes.</param>
    public static void ComputeHash(
        long sequence, long atUnixMilliseconds, ReadOnlySpan<byte> actor, ReadOnlySpan<byte> kind, ReadOnlySpan<byte> subject,
        ReadOnlySpan<byte> payload, ReadOnlySpan<byte> previousHash, Span<byte> hash) =>
        JournalHash.Compute(sequence, atUnixMilliseconds, actor, kind, subject, payload, previousHash, hash);

    /// <summary>True when this entry's stored hash matches its fields.</summary>
    public bool HashMatches()
    {
        Span<byte> hex = stackalloc byte[JournalHash.HexLength];
        JournalHash.Compute(Sequence, At.ToUnixTimeMilliseconds(), Actor, Kind, Subject, Payload, PreviousHash, hex);
        return JournalHash.SameText(hex, Hash);
    }

    private static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
