namespace OpenEts.Application.Offsets;

/// <summary>
/// How a batch of offsets commands (a project workbook) ended: every command <see cref="Completed"/>, or none of them,
/// stopped by the command at <see cref="StoppedAt"/> (0-based) whose outcome is <see cref="Stopped"/>.
/// </summary>
public sealed record OffsetsBatchOutcome(IReadOnlyList<OffsetsCommandOutcome.Completed> Completed, int StoppedAt, OffsetsCommandOutcome? Stopped)
{
    /// <summary>True when every command was done, in one transaction.</summary>
    public bool AllDone => Stopped is null;
}
