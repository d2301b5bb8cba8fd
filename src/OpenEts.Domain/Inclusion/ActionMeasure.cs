namespace OpenEts.Domain.Inclusion;

/// <summary>
/// What was measured of one action, in its methodology's unit (<see cref="InclusionMethodology.UnitOf"/>): km for trips
/// (1 for a methodology that counts trips), steps walked, kWh for electricity and PV, a count for per-action behaviours.
/// </summary>
/// <param name="Quantity">The measure (≥ 0), e.g. 12.4 km or 8000 steps.</param>
/// <param name="Minutes">A ride's duration in minutes, when known (bike-share coin rules count minutes).</param>
/// <param name="OwnAverage">
/// For electricity: the household's own average daily use over the previous 7 days (kWh), as an action declares it. It is
/// kept as sent (a partner signs it) and not used: <see cref="Reward"/> takes the household's readings the platform holds
/// (<see cref="UsageLedger.OwnAverage"/>) in its place.
/// </param>
public sealed record ActionMeasure(decimal Quantity, decimal? Minutes = null, decimal? OwnAverage = null);
