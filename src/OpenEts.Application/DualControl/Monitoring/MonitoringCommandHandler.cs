using OpenEts.Application.Identity;
using OpenEts.Application.Storage;

namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>
/// Runs online-monitoring commands: checks the role, then runs the command in one write transaction, its rows and its
/// journal entry committing together or not at all. The API, the pages, the CLI, the demo and the bench come through here.
/// </summary>
public sealed class MonitoringCommandHandler(IStore store, TimeProvider clock)
{
    /// <summary>Runs one command.</summary>
    public async Task<MonitoringCommandOutcome> HandleAsync(Actor actor, IMonitoringCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        if (!command.Roles.Contains(actor.Role))
        {
            return new MonitoringCommandOutcome.Forbidden(command.Roles);
        }
        command.Prepare();
        var now = clock.GetUtcNow();
        return await store.WriteAsync(s => command.ExecuteAsync(new MonitoringWork(s, actor, now)), ct).ConfigureAwait(false);
    }
}
