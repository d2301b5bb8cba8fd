using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>How a monitoring command ended: <see cref="Completed"/>, <see cref="Refused"/>, <see cref="Forbidden"/> or <see cref="Invalid"/>.</summary>
public abstract record MonitoringCommandOutcome
{
    private MonitoringCommandOutcome()
    {
    }

    /// <summary>Done and journalled; <paramref name="Result"/> is the command's result (unit, meter, <see cref="IngestResult"/>, fault, calibration).</summary>
    public sealed record Completed(object Result) : MonitoringCommandOutcome;

    /// <summary>Refused by a rule; nothing changed.</summary>
    public sealed record Refused(string Rule, string Field, string Message, RefusalKind Kind) : MonitoringCommandOutcome;

    /// <summary>The actor's role may not ask for this (<paramref name="Allowed"/> may); nothing changed.</summary>
    public sealed record Forbidden(IReadOnlyList<Role> Allowed) : MonitoringCommandOutcome;

    /// <summary>Fields or rows that could not be taken (each with its rule); nothing changed.</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : MonitoringCommandOutcome;
}
