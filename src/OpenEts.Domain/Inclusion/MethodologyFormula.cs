namespace OpenEts.Domain.Inclusion;

/// <summary>How a methodology turns an action's measure into a reduction (the code half of a methodology; its numbers are parameters).</summary>
public enum MethodologyFormula
{
    /// <summary>
    /// Low-carbon travel by distance: reduction (g) = (baselineFactor − modeFactor) × km, with factors in gCO2 per
    /// person-km; a methodology that publishes only the difference gives it as <c>netFactor</c>.
    /// </summary>
    Distance = 1,

    /// <summary>Per trip: reduction (g) = tripFactor (kgCO2 per trip) × 1000 × trips.</summary>
    PerTrip,

    /// <summary>
    /// Household electricity saved: baseline = the city's per-capita daily use (<c>cityBaseline</c>, kWh); when the day's
    /// use is above it and the user's own previous 7-day average is known, the baseline is that average (Shenzhen 2022).
    /// Reduction (g) = max(0, baseline − used) × gridFactor (gCO2/kWh).
    /// </summary>
    Electricity,

    /// <summary>Steps walked: reduction (g) = steps × gramsPerStep, at most <c>maxGramsPerDay</c> for one day's count.</summary>
    Steps,

    /// <summary>Distributed PV: reduction (g) = kWh generated × gridFactor (gCO2/kWh).</summary>
    SolarPv,

    /// <summary>A fixed reduction per action: reduction (g) = gramsPerAction × actions.</summary>
    PerAction,
}
