using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.DualControl.Cards;

namespace OpenEts.Application.DualControl.Cards;

/// <summary>What a card command runs on: the store inside the handler's transaction, who asks, now, and the rules.</summary>
public sealed class CardsWork(IStoreSession session, Actor actor, DateTimeOffset now, CardRuleSets rules)
{
    public IStoreSession Session => session;

    public Actor Actor => actor;

    public DateTimeOffset Now => now;

    /// <summary>Today in Beijing (the day cards are confirmed, lifted and escalated on).</summary>
    public DateOnly Today => CardsTime.DayOf(now);

    public CardRuleSets Rules => rules;

    /// <summary>
    /// One officer step on one card: finds it (else UnknownCard), checks that its status allows the step (else
    /// <paramref name="refusal"/>: "not <paramref name="expected"/>"), writes the changed card and the journal entry
    /// <paramref name="journal"/> with <paramref name="details"/> of the card before and after.
    /// </summary>
    public async Task<CardsCommandOutcome> StepAsync(long id, Func<CardStatus, bool> allowed, string refusal, string expected,
        Func<CardRecord, CardRecord> change, string journal, Func<CardRecord, CardRecord, object> details)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(details);
        if (await session.EnergyCards.FindCardAsync(id).ConfigureAwait(false) is not { } card)
        {
            return new CardsCommandOutcome.Refused("UnknownCard", "card", $"there is no card {id}", RefusalKind.Conflict);
        }
        if (!allowed(card.Status))
        {
            return new CardsCommandOutcome.Refused(refusal, "card", $"card {id} is {card.Status}, not {expected}", RefusalKind.Conflict);
        }
        var changed = change(card);
        await session.EnergyCards.UpdateCardAsync(changed).ConfigureAwait(false);
        await JournalAsync(journal, card.OrganisationCode, details(card, changed)).ConfigureAwait(false);
        return new CardsCommandOutcome.Completed(changed);
    }

    /// <summary>Appends the command's journal entry (kind <c>cards.</c> + <paramref name="what"/>).</summary>
    public Task JournalAsync(string what, string subject, object payload) =>
        session.Journal.AppendAsync(now, actor.UserName, "cards." + what, subject, Json.Object(("details", payload)));
}
