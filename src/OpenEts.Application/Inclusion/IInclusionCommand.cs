using OpenEts.Domain.Identity;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// One inclusion operation as a typed request (built by its <c>TryParse</c>): the roles that may ask, and its run inside
/// <see cref="InclusionCommandHandler"/>'s one write transaction (which it journals through <see cref="InclusionWork.JournalAsync"/>).
/// </summary>
public interface IInclusionCommand
{
    /// <summary>The roles that may ask (<see cref="InclusionRoles"/>).</summary>
    IReadOnlyList<Role> Roles { get; }

    /// <summary>Runs on the current state; a refusal must not have written.</summary>
    Task<InclusionCommandOutcome> ExecuteAsync(InclusionWork work);
}
