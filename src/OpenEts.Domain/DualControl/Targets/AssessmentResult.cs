namespace OpenEts.Domain.DualControl.Targets;

/// <summary>
/// An annual assessment's result: the completion of the intensity target in percent, target points, bonus, measure
/// points, the total, the grade the score earns, whether the veto applied, and the grade given.
/// </summary>
public sealed record AssessmentResult(decimal? CompletionPercent, decimal TargetPoints, decimal Bonus, decimal MeasurePoints,
    decimal Total, Grade ScoreGrade, bool Vetoed, Grade Grade, IReadOnlyList<string> Consequences);
