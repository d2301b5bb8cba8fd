using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Inclusion;

/// <summary>How an inclusion command ended: <see cref="Completed"/>, <see cref="Refused"/>, <see cref="Forbidden"/> or <see cref="Invalid"/>.</summary>
public abstract record InclusionCommandOutcome
{
    private InclusionCommandOutcome()
    {
    }

    /// <summary>Done and journalled; <paramref name="Result"/> is the command's result (<see cref="RecordedActions"/>, <see cref="CoinRedemption"/>, <see cref="InclusionAggregation"/>).</summary>
    public sealed record Completed(object Result) : InclusionCommandOutcome;

    /// <summary>Refused by a rule; nothing changed.</summary>
    public sealed record Refused(string Rule, string Field, string Message, RefusalKind Kind) : InclusionCommandOutcome
    {
        /// <summary>The figures <see cref="Message"/> names (the kilograms found, the period and report), for a message in another language.</summary>
        public IReadOnlyList<string> Figures { get; init; } = [];

        /// <summary>A refusal whose sentence names figures: the sentence in the invariant culture, and its figures.</summary>
        public static Refused Of(string rule, string field, FormattableString message, RefusalKind kind) =>
            new(rule, field, Domain.Text.Figures.Sentence(message), kind) { Figures = Domain.Text.Figures.Of(message) };
    }

    /// <summary>The actor's role may not ask for this (<paramref name="Allowed"/> may); nothing changed.</summary>
    public sealed record Forbidden(IReadOnlyList<Role> Allowed) : InclusionCommandOutcome;

    /// <summary>Fields that could not be read; nothing changed.</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : InclusionCommandOutcome;
}
