using OpenEts.Application.Registry;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Mrv;

/// <summary>What an MRV command decided: what to write and journal, a refusal by a rule, or fields that are wrong.</summary>
public abstract record MrvDecision
{
    private MrvDecision()
    {
    }

    /// <summary>Write the report, plan or deadline given, and journal <paramref name="Event"/> about <paramref name="Subject"/>.</summary>
    public sealed record Write(string Event, string Subject, object Payload) : MrvDecision
    {
        public MrvReport? Report { get; init; }

        public MonitoringPlan? Plan { get; init; }

        public ReportingDeadline? Deadline { get; init; }

        public PublishedFactors? Factors { get; init; }
    }

    /// <summary>Refused by <paramref name="Rule"/> (a stable code) on <paramref name="Field"/>; nothing is written.</summary>
    public sealed record Refuse(string Rule, string Field, string Message, RefusalKind Kind) : MrvDecision;

    /// <summary>The report named does not exist (or the actor may not know it does).</summary>
    public sealed record Missing : MrvDecision;

    /// <summary>Fields that break their rules (e.g. the calculation's errors on submit); nothing is written.</summary>
    public sealed record Fail(IReadOnlyList<FieldError> Errors) : MrvDecision;
}
