namespace OpenEts.Domain.Allocation;

/// <summary>How a plan allocates a product (reference/guangdong.md §1.4, national-ets.md §2.3).</summary>
public enum AllocationMethod
{
    /// <summary>基准线法: output × benchmark × the plan's correction factors (+ heat × heat benchmark).</summary>
    Benchmark,

    /// <summary>历史强度下降法: output × the entity's historical intensity × decline factor.</summary>
    HistoricalIntensity,

    /// <summary>历史排放法: average historical emissions × decline factor, plus the process allowance.</summary>
    HistoricalEmissions,
}
