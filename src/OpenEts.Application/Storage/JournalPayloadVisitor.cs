namespace OpenEts.Application.Storage;

/// <summary>
/// Told one stored journal entry by <see cref="IJournalData.ReadPayloadsAsync"/>: its sequence, kind and payload as the
/// UTF-8 bytes stored (valid during the call only). Returns false to stop the read.
/// </summary>
public delegate bool JournalPayloadVisitor(long sequence, ReadOnlySpan<byte> kind, ReadOnlySpan<byte> payload);
