using OpenEts.Domain.Allocation;

namespace OpenEts.Application.Allocation;

/// <summary>One version of a plan as stored: its document (the JSON as checked), status and who did what when.</summary>
/// <param name="PlanId">The plan's id, e.g. <c>guangdong-2017</c>.</param>
/// <param name="Version">The version, from 1.</param>
/// <param name="Jurisdiction">The plan's jurisdiction.</param>
/// <param name="Status">Draft or approved.</param>
/// <param name="Document">The plan document, JSON.</param>
/// <param name="CreatedAt">When this version was saved first.</param>
/// <param name="CreatedBy">Who saved it.</param>
public sealed record StoredPlan(string PlanId, int Version, string Jurisdiction, PlanStatus Status, string Document,
    DateTimeOffset CreatedAt, string CreatedBy)
{
    /// <summary>When it was approved.</summary>
    public DateTimeOffset? ApprovedAt { get; init; }

    /// <summary>Who approved it.</summary>
    public string? ApprovedBy { get; init; }

    /// <summary>When the draft last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The document read as a plan (it was checked when stored).</summary>
    public AllocationPlan Plan => AllocationQueries.Read(this);

    /// <summary>Its [UNCONFIRMED] figures.</summary>
    public IReadOnlyList<PlanFlag> Flags => PlanFlag.Of(Document);
}
