using OpenEts.Application.Registry;
using OpenEts.Domain.Compliance;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Compliance;

/// <summary>How a compliance surrender ended.</summary>
public abstract record ComplianceOutcome
{
    private ComplianceOutcome()
    {
    }

    /// <summary>
    /// The units were surrendered (or had been: <paramref name="Duplicate"/>) by <paramref name="Event"/>;
    /// <paramref name="Status"/> is the entity's standing after it.
    /// </summary>
    public sealed record Completed(RegistryEvent Event, RegistryEventFacts Facts, bool Duplicate, EntityCompliance Status) : ComplianceOutcome;

    /// <summary>
    /// Refused and nothing moved: by a compliance rule (<paramref name="Rule"/> is <c>Compliance.&lt;rule&gt;</c>, e.g.
    /// <c>Compliance.ExcludedCategory</c>) or by the registry (its rejection's name, e.g. <c>InsufficientHoldings</c>).
    /// </summary>
    public sealed record Refused(string Rule, string Field, string Message, RefusalKind Kind) : ComplianceOutcome
    {
        /// <summary>The figures <see cref="Message"/> names (the quantity held and asked), for a message in another language.</summary>
        public IReadOnlyList<string> Figures { get; init; } = [];
    }

    /// <summary>The actor's role may not surrender for compliance.</summary>
    public sealed record Forbidden(IReadOnlyList<Role> Allowed) : ComplianceOutcome;

    /// <summary>A field could not be read.</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : ComplianceOutcome;

    /// <summary>The rule code of a compliance rule: <c>Compliance.&lt;rule&gt;</c>.</summary>
    public static string CodeOf(ComplianceRule rule) => "Compliance." + rule;
}
