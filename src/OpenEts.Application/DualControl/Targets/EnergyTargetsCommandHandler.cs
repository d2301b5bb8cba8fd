using OpenEts.Application.Identity;
using OpenEts.Application.Storage;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>
/// Runs dual-control targets commands for a signed-in actor: checks the role, runs the command in one write transaction
/// (its journal entry included), and returns the outcome.
/// </summary>
public sealed class EnergyTargetsCommandHandler(IStore store, TimeProvider clock)
{
    /// <summary>Runs one command.</summary>
    public async Task<EnergyTargetsOutcome> HandleAsync(Actor actor, IEnergyTargetsCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        if (!command.Roles.Contains(actor.Role))
        {
            return new EnergyTargetsOutcome.Forbidden(command.Roles);
        }
        var now = clock.GetUtcNow();
        return await store.WriteAsync(s => command.ExecuteAsync(new EnergyTargetsWork(s, actor, now)), ct).ConfigureAwait(false);
    }
}
