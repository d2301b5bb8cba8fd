using OpenEts.Domain.Identity;

namespace OpenEts.Application.DualControl.Cards;

/// <summary>One polluter-card operation as a typed request: the roles that may ask, and its run in the handler's write transaction.</summary>
public interface ICardsCommand
{
    /// <summary>The roles that may ask (<see cref="CardsRoles"/>).</summary>
    IReadOnlyList<Role> Roles { get; }

    /// <summary>Runs on the current state; a refusal must not have written.</summary>
    Task<CardsCommandOutcome> ExecuteAsync(CardsWork work);
}
