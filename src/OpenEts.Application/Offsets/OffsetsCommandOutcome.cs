using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Offsets;

/// <summary>How an offsets command ended: <see cref="Completed"/>, <see cref="Refused"/>, <see cref="NotFound"/>, <see cref="Forbidden"/> or <see cref="Invalid"/>.</summary>
public abstract record OffsetsCommandOutcome
{
    private OffsetsCommandOutcome()
    {
    }

    /// <summary>Done and journalled as <paramref name="Event"/>; the project (and report, document) as saved.</summary>
    public sealed record Completed(string Event, OffsetProject Project, MonitoringReport? Report, OffsetDocument? Document) : OffsetsCommandOutcome;

    /// <summary>Refused by a rule (or by the registry); nothing changed.</summary>
    public sealed record Refused(string Rule, string Field, string Message, RefusalKind Kind) : OffsetsCommandOutcome
    {
        /// <summary>The figures <see cref="Message"/> names (a project's reference, its state and the state a step needs).</summary>
        public IReadOnlyList<string> Figures { get; init; } = [];
    }

    /// <summary>No such project or report (404); nothing changed.</summary>
    public sealed record NotFound : OffsetsCommandOutcome;

    /// <summary>The actor's role may not ask for this at all (<paramref name="Allowed"/> may); nothing changed.</summary>
    public sealed record Forbidden(IReadOnlyList<Role> Allowed) : OffsetsCommandOutcome;

    /// <summary>Fields that could not be read or break their rules; nothing changed.</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : OffsetsCommandOutcome;
}
