namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>
/// A batch of readings as received, kept for idempotency: the sender (its organisation, 0 for the regulator), its batch
/// id, the SHA-256 of its content, what it held and what was new. A batch sent again with the same id and content
/// changes nothing and answers with this record.
/// </summary>
public sealed record ReadingBatch(
    long Sender, string BatchId, string ContentHash, int Readings, int MonthlyFigures, int NewReadings, int NewMonthlyFigures,
    DateTimeOffset ReceivedAt, string ReceivedBy);
