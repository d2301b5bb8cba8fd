using OpenEts.Domain.DualControl.Cards;
using OpenEts.Domain.Identity;

namespace OpenEts.Application.DualControl.Cards;

/// <summary>
/// Escalates every yellow card in force whose rectification deadline has passed (today is after it) under rules that
/// escalate: the yellow card ends as escalated and a red card comes into force today, naming it. Running it twice on
/// a day escalates nothing the second time. The result is the red cards issued.
/// </summary>
public sealed record EscalateOverdue : ICardsCommand
{
    /// <summary>The trigger text of an escalated red card.</summary>
    public const string Trigger = "yellow card not rectified by its deadline → red";

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => CardsRoles.Officers;

    /// <inheritdoc/>
    public async Task<CardsCommandOutcome> ExecuteAsync(CardsWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var data = work.Session.EnergyCards;
        var issued = new List<CardRecord>();
        foreach (var card in await data.CardsAsync(null).ConfigureAwait(false))
        {
            var rules = work.Rules.Find(card.Rules) ?? throw new InvalidOperationException($"card {card.Id} names unknown rules {card.Rules}");
            if (!CardLife.IsOverdue(rules, card.Colour, card.Status, card.Deadline, work.Today))
            {
                continue;
            }
            await data.UpdateCardAsync(card with { Status = CardStatus.Escalated, EndedOn = work.Today, EndedBy = work.Actor.UserName,
                EndEvidence = $"deadline {card.Deadline:yyyy-MM-dd} passed without verified rectification" }).ConfigureAwait(false);
            var red = await data.InsertCardAsync(new CardRecord(0, card.Violation, card.OrganisationId, card.OrganisationCode, card.OrganisationName,
                card.Rules, CardColour.Red, CardStatus.InForce, $"{Trigger} ({rules.YellowEscalates.Source})", work.Now, work.Today,
                work.Actor.UserName, $"yellow card {card.Id} not rectified by {card.Deadline:yyyy-MM-dd}", null, null, null, null, card.Id)).ConfigureAwait(false);
            await work.JournalAsync("card.escalated", card.OrganisationCode, new
            {
                yellow = card.Id,
                red = red.Id,
                deadline = card.Deadline,
                rules = card.Rules,
            }).ConfigureAwait(false);
            issued.Add(red);
        }
        return new CardsCommandOutcome.Completed(issued);
    }
}
