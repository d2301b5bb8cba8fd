using OpenEts.Domain.Mrv;

namespace OpenEts.Domain.Allocation;

/// <summary>
/// One product (or power unit category) of a sector and how it is allocated. Outputs come from MRV's approved outputs
/// of <see cref="Output"/> (qualified by <see cref="Detail"/> where the sector's template asks).
/// </summary>
/// <param name="Id">Unique within the sector, e.g. <c>clinker</c>, <c>coal-I</c>.</param>
/// <param name="Name">Name as the plan writes it (Chinese).</param>
/// <param name="Method">How it is allocated.</param>
/// <param name="Output">The MRV output it is allocated on (its code, e.g. <c>clinker</c>, <c>electricity-generated</c>).</param>
public sealed record PlanProduct(string Id, string Name, AllocationMethod Method, string Output)
{
    /// <summary>The output's qualifier that selects this product (steel process, paper grade, power unit category); null matches any.</summary>
    public string? Detail { get; init; }

    /// <summary>The product taken when an entity's outputs name no qualifier (one per sector at most).</summary>
    public bool Default { get; init; }

    /// <summary>Benchmark (t CO2 per unit of output) for <see cref="AllocationMethod.Benchmark"/>.</summary>
    public PlanFigure? Benchmark { get; init; }

    /// <summary>Heat benchmark (t CO2/GJ) of a power unit: A = Qe × Be × F + Qh × Bh.</summary>
    public PlanFigure? HeatBenchmark { get; init; }

    /// <summary>The fuel of a power unit category (gas units get the gas exemption).</summary>
    public FuelType Fuel { get; init; }

    /// <summary>Correction factors multiplied into the benchmark term.</summary>
    public IReadOnlyList<PlanFactor> Factors { get; init; } = [];

    /// <summary>Decline factor of the historical methods.</summary>
    public PlanFigure? Decline { get; init; }

    /// <summary>True when the entity's approved process allowance is added (历史排放法 + 工艺调整).</summary>
    public bool ProcessAllowance { get; init; }

    /// <summary>The output kind the product reads, or null when <see cref="Output"/> is not an MRV output code.</summary>
    public OutputKind? KindOfOutput() => OutputKinds.TryParse(Output, out var kind) ? kind : null;
}
