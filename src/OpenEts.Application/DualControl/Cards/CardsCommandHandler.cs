using OpenEts.Application.Identity;
using OpenEts.Application.Storage;

namespace OpenEts.Application.DualControl.Cards;

/// <summary>Runs polluter-card commands for a signed-in actor: checks the role, runs the command in one write transaction (its journal entry included).</summary>
public sealed class CardsCommandHandler(IStore store, CardRuleSets rules, TimeProvider clock)
{
    /// <summary>The rules the commands run under.</summary>
    public CardRuleSets Rules => rules;

    /// <summary>Runs one command.</summary>
    public async Task<CardsCommandOutcome> HandleAsync(Actor actor, ICardsCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        if (!command.Roles.Contains(actor.Role))
        {
            return new CardsCommandOutcome.Forbidden(command.Roles);
        }
        var now = clock.GetUtcNow();
        return await store.WriteAsync(s => command.ExecuteAsync(new CardsWork(s, actor, now, rules)), ct).ConfigureAwait(false);
    }
}
