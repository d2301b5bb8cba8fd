namespace OpenEts.Domain.Allocation;

/// <summary>
/// One product output (or power unit) of an entity for one year, as the plan's product reads it: the output in the
/// product's unit (t, MWh), and for power units the heat supplied (GJ), the load factor and the cooling.
/// </summary>
/// <param name="Product">The plan product's id.</param>
/// <param name="Output">Output in the product's unit; never negative.</param>
public sealed record ProductInput(string Product, decimal Output)
{
    /// <summary>The unit's name when an entity has several of one product (e.g. <c>#1</c>).</summary>
    public string? Unit { get; init; }

    /// <summary>Heat supplied, GJ (Qh).</summary>
    public decimal Heat { get; init; }

    /// <summary>Load (output) factor F, a fraction; null when not reported.</summary>
    public decimal? LoadFactor { get; init; }

    /// <summary>Heat-supply ratio, a fraction; null when not reported.</summary>
    public decimal? HeatRatio { get; init; }

    /// <summary>True for an air-cooled unit.</summary>
    public bool AirCooled { get; init; }

    /// <summary>The unit's verified emissions, t (for the gas-unit exemption); null when only the entity's are known.</summary>
    public decimal? Verified { get; init; }
}
