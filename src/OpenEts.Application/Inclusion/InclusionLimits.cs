using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// The platform's anti-fraud limits on one action, applied before any programme rule: events from the future or too
/// old, impossible quantities and speeds are refused. These are the platform's own limits [UNCONFIRMED: no programme
/// publishes them]; docs/inclusion.md lists them.
/// </summary>
public static class InclusionLimits
{
    /// <summary>Actions in one batch at most.</summary>
    public const int MaxBatch = 10_000;

    /// <summary>Sign-ups through the API from one address per <see cref="SignUpWindow"/> [UNCONFIRMED: the platform's own limit against mass account creation].</summary>
    public const int SignUpsPerWindow = 5;

    /// <summary>The window of <see cref="SignUpsPerWindow"/>.</summary>
    public static TimeSpan SignUpWindow { get; } = TimeSpan.FromMinutes(10);

    /// <summary>Batches one partner key may submit per <see cref="PartnerWindow"/> [UNCONFIRMED: the platform's own limit; a batch holds up to <see cref="MaxBatch"/> actions].</summary>
    public const int PartnerBatchesPerWindow = 60;

    /// <summary>The window of <see cref="PartnerBatchesPerWindow"/>.</summary>
    public static TimeSpan PartnerWindow { get; } = TimeSpan.FromMinutes(1);

    /// <summary>How far in the future an event may be stamped (clock skew of the partner's device).</summary>
    public static TimeSpan FutureSkew { get; } = TimeSpan.FromMinutes(10);

    /// <summary>How old an event may be when it arrives.</summary>
    public static TimeSpan MaxAge { get; } = TimeSpan.FromDays(30);

    /// <summary>The longest trip: the 1 440 minutes an action's <c>minutes</c> may state (a counted trip that began this long before a new one may still overlap it).</summary>
    public static TimeSpan LongestTrip { get; } = TimeSpan.FromMinutes(1440);

    /// <summary>
    /// The largest household rooftop PV system the platform believes, kW [UNCONFIRMED: the platform's own bound; no
    /// programme publishes one. Shenzhen's distributed PV methodology admits systems up to 1 MW (cards A1), which is a plant,
    /// not a household; the demo's village rooftop is 30 kW].
    /// </summary>
    public const decimal HouseholdPvKilowatts = 50m;

    /// <summary>
    /// The most one installed kW of PV yields in a day, kWh [UNCONFIRMED: the platform's own bound. A panel's kW is rated
    /// at 1 000 W/m² (the standard test condition), and a clear day's irradiation on a tilted plane rarely exceeds about
    /// 8 kWh/m², so about 8 full-sun hours; China's average is nearer 3.5].
    /// </summary>
    public const decimal PvKwhPerKilowattDay = 8m;

    /// <summary>The largest quantity of one action of <paramref name="behaviour"/> (an impossible distance or reading beyond it).</summary>
    public static decimal MaxQuantity(Behaviour behaviour) => behaviour switch
    {
        Behaviour.Metro or Behaviour.Bus => 150m,
        Behaviour.Bike => 60m,
        Behaviour.Walk => 100_000m,
        Behaviour.Electricity => 200m,
        Behaviour.SolarPv => HouseholdPvKilowatts * PvKwhPerKilowattDay,
        _ => 10m,
    };

    /// <summary>The fastest credible average speed of a ride of <paramref name="behaviour"/>, km/h, or null when not a ride.</summary>
    public static decimal? MaxSpeed(Behaviour behaviour) => behaviour switch
    {
        Behaviour.Bike => 40m,
        Behaviour.Bus => 80m,
        Behaviour.Metro => 120m,
        _ => null,
    };
}
