using OpenEts.Domain.Identity;
using OpenEts.Domain.Offsets;
using OpenEts.Domain.Quantities;

namespace OpenEts.Application.Offsets;

/// <summary>
/// A monitoring report (监测报告) of a registered project for one period within one calendar year (its vintage): what
/// the owner claims (a forestry input, or a stated quantity), what the verifier verified, and what was issued.
/// </summary>
/// <param name="Id">Storage id, 0 before it is saved.</param>
/// <param name="ProjectId">The project.</param>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="PeriodEnd">Last day of the period (inclusive), in the same year.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Claimed">The owner's claim in tCO2e (forestry: the calculator's net).</param>
/// <param name="Forestry">The forestry input, for a forestry methodology; null otherwise.</param>
/// <param name="UpdatedAt">The last change.</param>
public sealed record MonitoringReport(
    long Id, long ProjectId, DateOnly PeriodStart, DateOnly PeriodEnd, MonitoringStatus Status, Tonnes Claimed, ForestryInput? Forestry,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The vintage of its credits: the period's year.</summary>
    public int Vintage => PeriodEnd.Year;

    /// <summary>Whole tonnes verified (issued, the buffer included).</summary>
    public long? Verified { get; init; }

    /// <summary>The verifier's opinion.</summary>
    public string? Opinion { get; init; }

    /// <summary>The verifier's organisation.</summary>
    public long? VerifierOrganisationId { get; init; }

    /// <summary>Tonnes issued to the owner, once issued.</summary>
    public long? IssuedToOwner { get; init; }

    /// <summary>Tonnes withheld to the buffer, once issued.</summary>
    public long? IssuedToBuffer { get; init; }

    /// <summary>The last return's comments, while returned.</summary>
    public string? ReturnComment { get; init; }

    /// <summary>The role that returned it, while returned.</summary>
    public Role? ReturnedBy { get; init; }

    /// <summary>
    /// True for a carbon-inclusion aggregation's report: the verifier verifies it on a checked sample of its events
    /// (<see cref="Inclusion.VerifyAggregation"/>), never directly.
    /// </summary>
    public bool SampleRequired { get; init; }
}
