using OpenEts.Domain.Journal;

namespace OpenEts.Application.Storage;

/// <summary>A registry request's journal entry with the sender and the idempotency key it was sent with.</summary>
public sealed record KeyedEntry(string Actor, string Key, JournalEntry Entry);
