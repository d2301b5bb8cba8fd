using OpenEts.Application.Identity;
using OpenEts.Application.Storage;

namespace OpenEts.Application.Cash;

/// <summary>
/// Runs cash and auction commands: checks the role, then runs the command in one write transaction, so its rows, its
/// cash movements and their journal entries commit together or not at all. The API, the pages, the CLI and the demo all
/// come through here.
/// </summary>
public sealed class CashCommandHandler(IStore store, TimeProvider clock)
{
    /// <summary>Runs one command now.</summary>
    public Task<CashCommandOutcome> HandleAsync(Actor actor, ICashCommand command, CancellationToken ct) =>
        HandleAsync(actor, command, clock.GetUtcNow(), ct);

    /// <summary>Runs one command at <paramref name="now"/> (the demo dates its deposits before the trades they pay for).</summary>
    public async Task<CashCommandOutcome> HandleAsync(Actor actor, ICashCommand command, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        if (!command.Roles.Contains(actor.Role))
        {
            return new CashCommandOutcome.Forbidden(command.Roles);
        }
        return await store.WriteAsync(s => command.RunAsync(new CashWork(s, actor, now)), ct).ConfigureAwait(false);
    }
}
