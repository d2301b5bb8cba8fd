using OpenEts.Domain.Identity;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>One dual-control targets operation as a typed request: the roles that may ask, and its run inside <see cref="EnergyTargetsCommandHandler"/>'s write transaction.</summary>
public interface IEnergyTargetsCommand
{
    /// <summary>The roles that may ask (<see cref="EnergyTargetsRoles"/>).</summary>
    IReadOnlyList<Role> Roles { get; }

    /// <summary>Runs on the current state; a refusal must not have written.</summary>
    Task<EnergyTargetsOutcome> ExecuteAsync(EnergyTargetsWork work);
}
