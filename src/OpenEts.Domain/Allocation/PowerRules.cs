namespace OpenEts.Domain.Allocation;

/// <summary>
/// The national power plans' rules beyond the formula (national-ets.md §2.3): the load-factor correction table, the
/// gas-unit exemption (a gas unit's allocation is raised to its verified emissions) and the shortfall cap (an entity
/// allocated less than (1 − cap) of its verified emissions is raised to exactly that).
/// </summary>
public sealed record PowerRules
{
    /// <summary>The Ff table; null when the plan has none.</summary>
    public LoadFactorCorrection? LoadFactorCorrection { get; init; }

    /// <summary>Whether gas units are topped up to their verified emissions, with its source; null for no exemption.</summary>
    public PlanFigure? GasExemption { get; init; }

    /// <summary>The largest shortfall rate (verified − allocation) / verified an entity bears (0.2 = 20 %); null for none.</summary>
    public PlanFigure? ShortfallCap { get; init; }
}
