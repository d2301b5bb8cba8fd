using OpenEts.Domain.Identity;

namespace OpenEts.Application.Offsets;

/// <summary>
/// One offsets operation as a typed, validated request (built by its <c>TryParse</c>): the roles that may ask, and the
/// decision it makes on the current state. A decision only reads; <see cref="OffsetsCommandHandler"/> writes it, with
/// its journal entry and status-history step, in one transaction.
/// </summary>
public interface IOffsetsCommand
{
    /// <summary>The roles that may ask (<see cref="OffsetsRoles"/>); anyone else is forbidden before anything is read.</summary>
    IReadOnlyList<Role> Roles { get; }

    /// <summary>Decides what to write (or why not) as the actor of <paramref name="work"/>, at its time.</summary>
    Task<OffsetsDecision> DecideAsync(OffsetsWork work);
}
