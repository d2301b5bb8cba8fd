namespace OpenEts.Application.DualControl.Cards;

/// <summary>
/// What proposing from monitoring did over Beijing days <paramref name="From"/> to <paramref name="To"/>: the violations
/// recorded (each with the card the rules proposed) and how many meter-months were skipped (proposed before, or before
/// the jurisdiction's rules applied).
/// </summary>
public sealed record MonitoringProposals(DateOnly From, DateOnly To, IReadOnlyList<RecordedViolation> Proposed, int Skipped);
