namespace OpenEts.Domain.Allocation;

/// <summary>What a plan's pre-allocation (预分配) is computed from.</summary>
public enum PreAllocationBasis
{
    /// <summary>The plan's methods on the previous year's output (Guangdong 2017: 2016 output; national 2019–2020: 70 % of 2018 supply).</summary>
    PreviousYearOutput,

    /// <summary>A share of the previous year's verified emissions (national 2023–2024: 70 %).</summary>
    PreviousYearVerifiedEmissions,
}
