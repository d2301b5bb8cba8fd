namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>
/// A meter point's permitted use per Beijing day (许可限值), in thousandths of the meter's unit, with the basis the
/// regulator set it on (a permit, a budget, a decision). A day whose readings sum above it is an exceedance, from which
/// the cards module proposes a card.
/// </summary>
public sealed record MeterLimit(long MeterId, long DailyLimitMilli, string Basis, DateTimeOffset SetAt, string SetBy);
