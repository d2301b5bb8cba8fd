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
    public Task<CardsCommandOutcome> ExecuteAsync(CardsWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work.StepAsync(Card, CardLife.MayLift, "CardNotInForce", "in force",
            card => card with { Status = CardStatus.Lifted, EndedOn = work.Today, EndedBy = work.Actor.UserName, EndEvidence = Evidence },
            "card.lifted", (card, _) => new
            {
                card = card.Id,
                colour = card.Colour.ToString(),
                evidence = Evidence,
                deadline = card.Deadline,
                inTime = card.Deadline is not { } d || work.Today <= d,
            });
    }
}
