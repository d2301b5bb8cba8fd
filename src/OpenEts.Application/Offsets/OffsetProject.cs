using OpenEts.Domain.Identity;
using OpenEts.Domain.Offsets;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Offsets;

/// <summary>
/// An offset project as stored: its programme and project code (the registry class's middle part), the owner
/// organisation and the holding account its credits go to, where it stands, and what the owner filed.
/// </summary>
/// <param name="Id">Storage id, 0 before it is saved.</param>
/// <param name="Programme">CCER, FFCER or PHCER.</param>
/// <param name="Code">The programme's project code (e.g. <c>FJ0001</c>); unique within the programme.</param>
/// <param name="OrganisationId">The owner organisation.</param>
/// <param name="HoldingAccount">The registry account its credits are issued into.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Details">What the owner filed.</param>
/// <param name="SubmittedAt">The last submission.</param>
/// <param name="UpdatedAt">The last change.</param>
public sealed record OffsetProject(
    long Id, UnitType Programme, string Code, long OrganisationId, string HoldingAccount, ProjectStatus Status, ProjectDetails Details,
    DateTimeOffset SubmittedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>The last return's comments, while returned.</summary>
    public string? ReturnComment { get; init; }

    /// <summary>The role that returned it, while returned.</summary>
    public Role? ReturnedBy { get; init; }

    /// <summary><c>FFCER-FJ0001</c>: the journal subject and the name pages show.</summary>
    public string Reference => $"{UnitClass.ProgrammeText(Programme)}-{Code}";

    /// <summary>The registry class of <paramref name="vintage"/>'s credits.</summary>
    public UnitClass ClassOf(int vintage) => UnitClass.Offset(Programme, Code, vintage);
}
