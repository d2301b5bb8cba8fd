using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Allocation;

/// <summary>How an allocation command ended: <see cref="Completed"/>, <see cref="Refused"/>, <see cref="NotFound"/>, <see cref="Forbidden"/> or <see cref="Invalid"/>.</summary>
public abstract record AllocationCommandOutcome
{
    private AllocationCommandOutcome()
    {
    }

    /// <summary>Done and journalled as <paramref name="Event"/>: the plan version saved, or the run's result.</summary>
    public sealed record Completed(string Event, StoredPlan? Plan, AllocationRun? Run) : AllocationCommandOutcome;

    /// <summary>Refused by a rule (a code, e.g. <c>PlanApproved</c>) on a field; nothing changed.</summary>
    public sealed record Refused(string Rule, string Field, string Message, RefusalKind Kind) : AllocationCommandOutcome
    {
        /// <summary>The figures <see cref="Message"/> names (a plan's years, a cap), so that another language states them too.</summary>
        public IReadOnlyList<string> Figures { get; init; } = [];

        /// <summary>A refusal whose message names figures: the message in the invariant culture, and its figures.</summary>
        public static Refused Of(string rule, string field, FormattableString message, RefusalKind kind) =>
            new(rule, field, Domain.Text.Figures.Sentence(message), kind) { Figures = Domain.Text.Figures.Of(message) };
    }

    /// <summary>No such plan version (404); nothing changed.</summary>
    public sealed record NotFound : AllocationCommandOutcome;

    /// <summary>The actor's role may not ask for this (<paramref name="Allowed"/> may); nothing changed.</summary>
    public sealed record Forbidden(IReadOnlyList<Role> Allowed) : AllocationCommandOutcome;

    /// <summary>Fields, or JSON paths of the document, that could not be read or break their rules; nothing changed.</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : AllocationCommandOutcome;
}
