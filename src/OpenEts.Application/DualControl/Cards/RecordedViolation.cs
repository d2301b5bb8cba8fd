namespace OpenEts.Application.DualControl.Cards;

/// <summary>A recorded violation and the card the rules proposed for it (null: the rules give none).</summary>
public sealed record RecordedViolation(ViolationRecord Violation, CardRecord? Proposed);
