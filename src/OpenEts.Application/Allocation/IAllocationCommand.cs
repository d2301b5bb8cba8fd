using OpenEts.Domain.Identity;

namespace OpenEts.Application.Allocation;

/// <summary>
/// One plan operation as a typed, validated request (built by its <c>TryParse</c>): the roles that may ask, and the
/// decision it makes on the store's current state. <see cref="AllocationCommandHandler"/> writes what it decides, with
/// its journal entry, in the same transaction.
/// </summary>
public interface IAllocationCommand
{
    /// <summary>The roles that may ask for this; anyone else is forbidden before anything is read.</summary>
    IReadOnlyList<Role> Roles { get; }

    /// <summary>Decides what to write (or why not) as the actor of <paramref name="work"/>, at its time.</summary>
    Task<AllocationDecision> DecideAsync(AllocationWork work);
}
