using OpenEts.Application.Identity;
using OpenEts.Application.Storage;

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

    /// <summary>Appends the command's journal entry (kind <c>cards.</c> + <paramref name="what"/>).</summary>
    public Task JournalAsync(string what, string subject, object payload) =>
        session.Journal.AppendAsync(now, actor.UserName, "cards." + what, subject, Json.Object(("details", payload)));
}
