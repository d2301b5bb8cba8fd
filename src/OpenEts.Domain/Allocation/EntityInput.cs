using OpenEts.Domain.Organisations;

namespace OpenEts.Domain.Allocation;

/// <summary>
/// What allocation knows of one entity for one year, all from approved MRV figures: the year's outputs (for the final
/// allocation), the previous year's outputs and verified emissions (for pre-allocation), its history, and the special
/// circumstances the regulator has recorded.
/// </summary>
/// <param name="Code">Its credit code.</param>
/// <param name="Name">Its name.</param>
/// <param name="Sector">Its sector.</param>
public sealed record EntityInput(string Code, string Name, Sector Sector)
{
    /// <summary>The allocation year's approved outputs.</summary>
    public IReadOnlyList<ProductInput> Products { get; init; } = [];

    /// <summary>The previous year's approved outputs.</summary>
    public IReadOnlyList<ProductInput> PreviousProducts { get; init; } = [];

    /// <summary>The allocation year's approved emissions, t; null before they are approved.</summary>
    public decimal? Verified { get; init; }

    /// <summary>The previous year's approved emissions, t; null when none.</summary>
    public decimal? PreviousVerified { get; init; }

    /// <summary>Approved emissions and outputs of historical years.</summary>
    public IReadOnlyList<HistoryYear> History { get; init; } = [];

    /// <summary>Historical years the regulator excluded for this entity.</summary>
    public IReadOnlyList<int> ExcludedYears { get; init; } = [];

    /// <summary>The approved process allowance, t (历史排放法 + 工艺调整).</summary>
    public decimal ProcessAllowance { get; init; }

    /// <summary>Months of the year with utilisation below the plan's abnormal level (0–12).</summary>
    public int AbnormalMonths { get; init; }

    /// <summary>True when it closed, deregistered or left the jurisdiction in the year (art. 14).</summary>
    public bool Closed { get; init; }

    /// <summary>For a new entrant: expected annual energy use, t standard coal; null otherwise.</summary>
    public decimal? NewEntrantEnergy { get; init; }

    /// <summary>
    /// Expected annual energy use of capacity added during the year (tce; art. 14–15's 产能变化), allocated at the final
    /// stage on top of the rest as a new entrant's would be: E × the plan's new-entrant factor. Null: no added capacity.
    /// </summary>
    public decimal? AddedCapacityEnergy { get; init; }
}
