using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.DualControl.Cards;

/// <summary>How a card command ended: <see cref="Completed"/>, <see cref="Refused"/>, <see cref="Forbidden"/> or <see cref="Invalid"/>.</summary>
public abstract record CardsCommandOutcome
{
    private CardsCommandOutcome()
    {
    }

    /// <summary>Done and journalled; <paramref name="Result"/> is the command's result (<see cref="RecordedViolation"/>, <see cref="CardRecord"/>, <see cref="CardList"/>, a list of cards).</summary>
    public sealed record Completed(object Result) : CardsCommandOutcome;

    /// <summary>Refused by a rule; nothing changed.</summary>
    public sealed record Refused(string Rule, string Field, string Message, RefusalKind Kind) : CardsCommandOutcome;

    /// <summary>The actor's role may not ask for this; nothing changed.</summary>
    public sealed record Forbidden(IReadOnlyList<Role> Allowed) : CardsCommandOutcome;

    /// <summary>Fields that could not be read; nothing changed.</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : CardsCommandOutcome;
}
