namespace OpenEts.Domain.Inclusion;

/// <summary>
/// What was measured of one action, in the behaviour's unit (<see cref="Behaviours.UnitOf"/>): km for trips, steps for a
/// day's walking, kWh for electricity and PV, a count for per-action behaviours.
/// </summary>
/// <param name="Quantity">The measure (≥ 0), e.g. 12.4 km or 8000 steps.</param>
/// <param name="Minutes">A ride's duration in minutes, when known (bike-share coin rules count minutes).</param>
/// <param name="OwnAverage">For electricity: the user's own average daily use over the previous 7 days (kWh), when known.</param>
public sealed record ActionMeasure(decimal Quantity, decimal? Minutes = null, decimal? OwnAverage = null);
