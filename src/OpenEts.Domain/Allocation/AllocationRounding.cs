namespace OpenEts.Domain.Allocation;

/// <summary>How an exact allocation becomes whole allowances (<see cref="AllocationCalculator.RoundForAllocation"/>).</summary>
public enum AllocationRounding
{
    /// <summary>To the nearest tonne, half away from zero.</summary>
    Nearest,

    /// <summary>Down to the whole tonne below.</summary>
    Down,
}
