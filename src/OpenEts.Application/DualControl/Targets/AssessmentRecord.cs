using OpenEts.Domain.DualControl.Targets;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>
/// A scored annual assessment of one unit: the scheme, the intensity target and the fall achieved, the measure scores
/// with their evidence, the result, and who scored it when. Scoring a unit's year again replaces it; the journal keeps each.
/// </summary>
public sealed record AssessmentRecord(UnitCode Unit, string UnitName, UnitKind Kind, int Year, string Scheme, decimal TargetPercent,
    decimal? AchievedPercent, IReadOnlyList<MeasureScore> Measures, AssessmentResult Result, DateTimeOffset At, string By);
