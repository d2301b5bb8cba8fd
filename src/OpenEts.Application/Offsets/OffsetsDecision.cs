using OpenEts.Application.Registry;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Offsets;

/// <summary>What an offsets command decided: what to write and journal, registry commands to run first, a refusal, or wrong fields.</summary>
public abstract record OffsetsDecision
{
    private OffsetsDecision()
    {
    }

    /// <summary>
    /// Write the project, report and document given, add <paramref name="Step"/> to the project's history and journal
    /// <paramref name="Event"/> (the step's kind with the <c>offsets.</c> prefix) with <paramref name="Payload"/>.
    /// </summary>
    public sealed record Write(string Event, string Subject, OffsetStep Step, object Payload) : OffsetsDecision
    {
        public OffsetProject? Project { get; init; }

        public MonitoringReport? Report { get; init; }

        public (OffsetDocument Document, byte[] Content)? Document { get; init; }
    }

    /// <summary>
    /// Run <paramref name="Commands"/> through the registry's own handler first (each with an idempotency key derived from
    /// the report, so a retry issues nothing twice), then decide again and write <paramref name="Then"/>.
    /// </summary>
    public sealed record ThroughRegistry(IReadOnlyList<IRegistryCommand> Commands, Write Then) : OffsetsDecision;

    /// <summary>Refused by <paramref name="Rule"/> (a stable code) on <paramref name="Field"/>; nothing is written.</summary>
    public sealed record Refuse(string Rule, string Field, string Message, RefusalKind Kind) : OffsetsDecision
    {
        /// <summary>The figures <see cref="Message"/> names (a reference, a state), so that another language states them too.</summary>
        public IReadOnlyList<string> Figures { get; init; } = [];

        /// <summary>A refusal whose message names figures: the message in the invariant culture, and its figures.</summary>
        public static Refuse Of(string rule, string field, FormattableString message, RefusalKind kind) =>
            new(rule, field, Domain.Text.Figures.Sentence(message), kind) { Figures = Domain.Text.Figures.Of(message) };
    }

    /// <summary>The project or report named does not exist (or the actor may not know it does).</summary>
    public sealed record Missing : OffsetsDecision;

    /// <summary>Fields that break their rules; nothing is written.</summary>
    public sealed record Fail(IReadOnlyList<FieldError> Errors) : OffsetsDecision;
}
