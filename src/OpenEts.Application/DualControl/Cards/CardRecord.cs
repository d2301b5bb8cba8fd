using OpenEts.Domain.DualControl.Cards;

namespace OpenEts.Application.DualControl.Cards;

/// <summary>
/// A polluter card: proposed by the rules from <see cref="Violation"/> (or issued red by escalation from
/// <see cref="EscalatedFrom"/>), confirmed with evidence, then lifted after verified rectification, escalated or
/// dismissed. <see cref="Deadline"/> is a yellow card's rectification deadline; <see cref="EndedOn"/> the day it was
/// lifted, escalated or dismissed.
/// </summary>
public sealed record CardRecord(long Id, long Violation, long OrganisationId, string OrganisationCode, string OrganisationName, string Rules,
    CardColour Colour, CardStatus Status, string Trigger, DateTimeOffset ProposedAt, DateOnly? ConfirmedOn, string? ConfirmedBy,
    string? ConfirmEvidence, DateOnly? Deadline, DateOnly? EndedOn, string? EndedBy, string? EndEvidence, long? EscalatedFrom);
