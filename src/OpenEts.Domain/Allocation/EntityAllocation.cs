using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;

namespace OpenEts.Domain.Allocation;

/// <summary>
/// One entity's allocation at one stage, with its calculation: the exact tonnes, the whole allowances
/// (<see cref="AllocationCalculator.RoundForAllocation"/>), the free part (issued) and the paid part (to auction).
/// </summary>
public sealed record EntityAllocation(
    string Code, string Name, Sector Sector, AllocationStage Stage, decimal Exact, AllowanceCount Total, AllowanceCount Free,
    AllowanceCount Paid, IReadOnlyList<CalculationStep> Steps)
{
    /// <summary>Remarks: rules applied, inputs missing.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// The same remarks as codes and figures, one for each of <see cref="Notes"/> in order; empty for an allocation stored
    /// before remarks had codes, whose <see cref="Notes"/> are read as they are.
    /// </summary>
    public IReadOnlyList<CalculationNote> NoteCodes { get; init; } = [];

    /// <summary>True when any figure of the calculation is [UNCONFIRMED].</summary>
    public bool Unconfirmed => FiguresUnconfirmed || Steps.Any(s => s.Terms.Any(t => t.Unconfirmed));

    /// <summary>
    /// Set by the calculator: true when a figure it used is unconfirmed, whether or not the steps were kept
    /// (<see cref="AllocationCalculator.AllocateTotals"/>). False for an allocation read back from storage, whose steps say it.
    /// </summary>
    public bool FiguresUnconfirmed { get; init; }
}
