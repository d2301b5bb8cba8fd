namespace OpenEts.Domain.Allocation;

/// <summary>What a correction factor of a benchmark product depends on.</summary>
public enum FactorKind
{
    /// <summary>A fixed number (a decline factor, a sector factor).</summary>
    Fixed,

    /// <summary>The load-factor (peak-regulation) correction Ff of the plan's <see cref="PowerRules.LoadFactorCorrection"/>.</summary>
    LoadFactor,

    /// <summary>Heat-supply correction 1 − value × the unit's heat-supply ratio.</summary>
    HeatSupply,

    /// <summary>Cooling correction: the value for an air-cooled unit, 1 for a water-cooled one.</summary>
    AirCooling,
}
