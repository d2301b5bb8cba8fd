using OpenEts.Application.Organisations;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>How a targets command ended: <see cref="Completed"/>, <see cref="Refused"/>, <see cref="Forbidden"/>, <see cref="Invalid"/> or <see cref="RowsInvalid"/>.</summary>
public abstract record EnergyTargetsOutcome
{
    private EnergyTargetsOutcome()
    {
    }

    /// <summary>Done and journalled; <paramref name="Result"/> is what the command saved.</summary>
    public sealed record Completed(object Result) : EnergyTargetsOutcome;

    /// <summary>Refused by a rule; nothing changed.</summary>
    public sealed record Refused(string Rule, string Field, string Message, RefusalKind Kind) : EnergyTargetsOutcome;

    /// <summary>The actor's role may not ask for this; nothing changed.</summary>
    public sealed record Forbidden(IReadOnlyList<Role> Allowed) : EnergyTargetsOutcome;

    /// <summary>Fields that could not be read; nothing changed.</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : EnergyTargetsOutcome;

    /// <summary>Rows of an uploaded sheet that could not be read (all or nothing: no row was saved).</summary>
    public sealed record RowsInvalid(IReadOnlyList<RowError> Errors) : EnergyTargetsOutcome;
}
