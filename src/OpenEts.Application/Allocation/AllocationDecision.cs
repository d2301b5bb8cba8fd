using OpenEts.Application.Registry;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Allocation;

/// <summary>What a plan command decided: a plan version to insert or update and journal, a refusal, a missing plan, or bad fields.</summary>
public abstract record AllocationDecision
{
    private AllocationDecision()
    {
    }

    /// <summary>Insert (<see cref="Insert"/>) or update (<see cref="Update"/>) the plan version, and journal <paramref name="Event"/>.</summary>
    public sealed record Write(string Event, string Subject, object Payload) : AllocationDecision
    {
        public StoredPlan? Insert { get; init; }

        public StoredPlan? Update { get; init; }

        /// <summary>A special circumstance to store (replacing one of the same entity, year and kind).</summary>
        public SpecialCircumstance? Circumstance { get; init; }
    }

    /// <summary>Refused by <paramref name="Rule"/> on <paramref name="Field"/>; nothing is written.</summary>
    public sealed record Refuse(string Rule, string Field, string Message, RefusalKind Kind) : AllocationDecision
    {
        /// <summary>The figures <see cref="Message"/> names (a plan's years, a version), so that another language states them too.</summary>
        public IReadOnlyList<string> Figures { get; init; } = [];

        /// <summary>A refusal whose message names figures: the message in the invariant culture, and its figures.</summary>
        public static Refuse Of(string rule, string field, FormattableString message, RefusalKind kind) =>
            new(rule, field, Domain.Text.Figures.Sentence(message), kind) { Figures = Domain.Text.Figures.Of(message) };
    }

    /// <summary>No such plan version.</summary>
    public sealed record Missing : AllocationDecision;

    /// <summary>Fields (or JSON paths of the document) that break their rules; nothing is written.</summary>
    public sealed record Fail(IReadOnlyList<FieldError> Errors) : AllocationDecision;
}
