using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Offsets;
using OpenEts.Application.Registry;
using OpenEts.Domain.DualControl.Cards;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.DualControl.Cards;

/// <summary>An officer lifts a card in force (摘牌) after verifying the rectification, with the verification's evidence.</summary>
public sealed record LiftCard(long Card, string Evidence) : ICardsCommand
{
    public sealed record Form(long? Card, string? Evidence);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => CardsRoles.Officers;

    public static bool TryParse(Form form, [NotNullWhen(true)] out LiftCard? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var card = read.Id(form.Card, "card");
        var evidence = read.Words(form.Evidence, "evidence", OffsetsFields.LongText);
        command = read.IsValid ? new LiftCard(card, evidence) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<CardsCommandOutcome> ExecuteAsync(CardsWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (await work.Session.EnergyCards.FindCardAsync(Card).ConfigureAwait(false) is not { } card)
        {
            return new CardsCommandOutcome.Refused("UnknownCard", "card", $"there is no card {Card}", RefusalKind.Conflict);
        }
        if (!CardLife.MayLift(card.Status))
        {
            return new CardsCommandOutcome.Refused("CardNotInForce", "card", $"card {Card} is {card.Status}, not in force", RefusalKind.Conflict);
        }
        var lifted = card with { Status = CardStatus.Lifted, EndedOn = work.Today, EndedBy = work.Actor.UserName, EndEvidence = Evidence };
        await work.Session.EnergyCards.UpdateCardAsync(lifted).ConfigureAwait(false);
        await work.JournalAsync("card.lifted", card.OrganisationCode, new
        {
            card = card.Id,
            colour = card.Colour.ToString(),
            evidence = Evidence,
            deadline = card.Deadline,
            inTime = card.Deadline is not { } d || work.Today <= d,
        }).ConfigureAwait(false);
        return new CardsCommandOutcome.Completed(lifted);
    }
}
