using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Offsets;
using OpenEts.Application.Registry;
using OpenEts.Domain.DualControl.Cards;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.DualControl.Cards;

/// <summary>
/// An officer confirms a proposed card with evidence (it comes into force today; a yellow card gets its rectification
/// deadline from the rules) or dismisses it as unfounded.
/// </summary>
public sealed record DecideCard(long Card, bool Confirm, string Evidence) : ICardsCommand
{
    public sealed record Form(long? Card, string? Decision, string? Evidence);

    /// <summary>The decisions, as typed.</summary>
    public enum Decision
    {
        Confirm,
        Dismiss,
    }

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => CardsRoles.Officers;

    public static bool TryParse(Form form, [NotNullWhen(true)] out DecideCard? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var card = read.Id(form.Card, "card");
        var decision = read.Choice(form.Decision, "decision", Decision.Confirm, Decision.Dismiss);
        var evidence = read.Words(form.Evidence, "evidence", OffsetsFields.LongText);
        command = read.IsValid ? new DecideCard(card, decision == Decision.Confirm, evidence) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public Task<CardsCommandOutcome> ExecuteAsync(CardsWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work.StepAsync(Card, CardLife.MayDecide, "CardNotProposed", "proposed", card => Confirm
                ? card with { Status = CardStatus.InForce, ConfirmedOn = work.Today, ConfirmedBy = work.Actor.UserName, ConfirmEvidence = Evidence,
                    Deadline = (work.Rules.Find(card.Rules) ?? throw new InvalidOperationException($"card {Card} names unknown rules {card.Rules}"))
                        .DeadlineFor(card.Colour, work.Today) }
                : card with { Status = CardStatus.Dismissed, EndedOn = work.Today, EndedBy = work.Actor.UserName, EndEvidence = Evidence },
            Confirm ? "card.confirmed" : "card.dismissed", (card, decided) => new
            {
                card = card.Id,
                colour = card.Colour.ToString(),
                rules = card.Rules,
                evidence = Evidence,
                deadline = decided.Deadline,
            });
    }
}
