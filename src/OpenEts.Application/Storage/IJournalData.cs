using OpenEts.Domain.Journal;

namespace OpenEts.Application.Storage;

/// <summary>The append-only, hash-chained journal of every state change.</summary>
public interface IJournalData
{
    /// <summary>Appends one entry after the current last one. Only inside <see cref="IStore.WriteAsync{T}"/>.</summary>
    Task<JournalEntry> AppendAsync(DateTimeOffset at, string actor, string kind, string subject, string payload);

    /// <summary>
    /// Appends one entry whose payload is already UTF-8 JSON (written by a <c>Utf8JsonWriter</c>: no string is made of
    /// it) after the current last one, and returns its sequence: the entry is hashed and stored from these bytes as
    /// <see cref="AppendAsync"/> stores the UTF-8 of its text. Only inside <see cref="IStore.WriteAsync{T}"/>.
    /// </summary>
    ValueTask<long> AppendUtf8Async(DateTimeOffset at, string actor, string kind, string subject, ReadOnlyMemory<byte> payload);

    /// <summary>
    /// Appends <paramref name="entries"/> in order after the current last one, reading the tail once; returns them as
    /// stored (sequence and hashes filled in). Only inside <see cref="IStore.WriteAsync{T}"/>.
    /// </summary>
    Task<IReadOnlyList<JournalEntry>> AppendManyAsync(
        IReadOnlyList<(DateTimeOffset At, string Actor, string Kind, string Subject, string Payload)> entries);

    /// <summary>
    /// Appends the entries of <paramref name="batch"/> in order after the current last one, as <see cref="AppendManyAsync"/>
    /// does, hashing and storing the batch's bytes as they are (no string per entry); returns the last entry's sequence
    /// (the first is that minus <c>Count - 1</c>). Only inside <see cref="IStore.WriteAsync{T}"/>.
    /// </summary>
    Task<long> AppendBatchAsync(JournalBatch batch);

    /// <summary>
    /// The newest entry's sequence and hash as this write transaction sees them (0 and the genesis hash for an empty
    /// journal): where the next append goes on. A writer may chain a <see cref="JournalBatch"/> from it on another thread
    /// (<see cref="JournalBatch.Chain"/>), and <see cref="AppendBatchAsync"/> then does not hash it again. Only inside
    /// <see cref="IStore.WriteAsync{T}"/>.
    /// </summary>
    Task<(long Sequence, string Hash)> TailAsync();

    /// <summary>Entries newest first, filtered, for the audit log.</summary>
    Task<IReadOnlyList<JournalEntry>> PageAsync(JournalFilter filter, int skip, int take);

    Task<long> CountAsync(JournalFilter filter);

    /// <summary>
    /// The newest entry of each of <paramref name="subjects"/> among those whose kind starts with <paramref name="kindPrefix"/>
    /// (none for a subject without one), newest first, in one read however many subjects are asked: for each subject what
    /// <see cref="PageAsync"/> with that subject and prefix answers first.
    /// </summary>
    Task<IReadOnlyList<JournalEntry>> NewestOfSubjectsAsync(IReadOnlyCollection<string> subjects, string kindPrefix);

    /// <summary>All entries from <paramref name="fromSequence"/> in ascending order, in chunks, for verification.</summary>
    IAsyncEnumerable<JournalEntry> ReadAllAsync(long fromSequence);

    /// <summary>
    /// Feeds every stored entry from <paramref name="fromSequence"/> on, in sequence order, to <paramref name="visit"/> as
    /// its kind and payload bytes (no entry object, no string per field) until it returns false: a replay reads only what
    /// it applies.
    /// </summary>
    Task ReadPayloadsAsync(long fromSequence, JournalPayloadVisitor visit);

    /// <summary>The newest entry's sequence; 0 for an empty journal.</summary>
    Task<long> LastSequenceAsync();

    /// <summary>
    /// Feeds the stored entries from <see cref="JournalChainCheck.Next"/> up to <paramref name="upTo"/> into
    /// <paramref name="check"/>, in sequence order, straight from the rows' bytes where the database allows, and stops at
    /// the first break: the hash chain in constant memory, without materialising entries.
    /// </summary>
    Task CheckChainAsync(JournalChainCheck check, long upTo);
}

/// <summary>
/// Filter for the audit log; null fields match all. <see cref="KindPrefix"/> matches kinds starting with it, <see cref="Kind"/>
/// the one kind.
/// </summary>
public sealed record JournalFilter(string? Subject = null, string? Actor = null, string? KindPrefix = null, string? Kind = null);
