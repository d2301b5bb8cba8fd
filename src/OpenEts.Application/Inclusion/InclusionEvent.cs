using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// One behaviour event as stored: its source and the source's event id (the idempotency key: a replay is refused), the
/// citizen, the programme, when it happened and its Beijing day, what was measured, and what it earned — or why it was
/// refused by a cap (<paramref name="Refusal"/>; refused events are kept so that their replay is a duplicate too).
/// </summary>
public sealed record InclusionEvent(
    string Source, string EventId, long UserId, string Programme, Behaviour Behaviour, DateTimeOffset OccurredAt, DateOnly Day,
    decimal Quantity, decimal? Minutes, CarbonGrams Reduction, long Coins, string? Refusal);
