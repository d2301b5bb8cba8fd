namespace OpenEts.Domain.Allocation;

/// <summary>
/// Where <see cref="AllocationCalculator"/> writes an allocation's steps: kept (<see cref="Keep"/>) for a result shown
/// with its calculation, or only flagged for a total (the what-if). Either way it records whether a figure used was
/// unconfirmed.
/// </summary>
internal sealed class CalculationLog(bool keep)
{
    private readonly List<CalculationStep> _steps = [];

    /// <summary>True when the steps are kept; callers build a step only then.</summary>
    public bool Keep { get; } = keep;

    /// <summary>The steps kept (none when <see cref="Keep"/> is false).</summary>
    public IReadOnlyList<CalculationStep> Steps => _steps;

    /// <summary>True once a figure flagged unconfirmed was used.</summary>
    public bool Unconfirmed { get; private set; }

    /// <summary>Notes that a figure was used, and whether it is unconfirmed.</summary>
    public void Flag(bool unconfirmed) => Unconfirmed |= unconfirmed;

    /// <summary>Keeps a step.</summary>
    public void Add(CalculationStep step) => _steps.Add(step);
}
