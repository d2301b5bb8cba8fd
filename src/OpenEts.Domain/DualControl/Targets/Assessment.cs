namespace OpenEts.Domain.DualControl.Targets;

/// <summary>
/// Scores an annual assessment (目标责任评价考核) by a scheme: target points from the completion of the year's intensity
/// target, the bonus, the regulator's measure points (each capped at its area's maximum), the grade by score, and the
/// veto: a unit that misses the annual intensity target is 未完成 whatever its score.
/// </summary>
public static class Assessment
{
    /// <summary>
    /// Completion of an intensity target in percent: achieved ÷ required × 100. A target of zero or less is met (100)
    /// when the achieved fall is at least the target, else 0. Null without data.
    /// </summary>
    public static decimal? Completion(decimal targetPercent, decimal? achievedPercent) => achievedPercent switch
    {
        null => null,
        { } a when targetPercent <= 0m => a >= targetPercent ? 100m : 0m,
        { } a => decimal.Round(a / targetPercent * 100m, 4, MidpointRounding.ToZero),
    };

    /// <summary>Scores a unit: <paramref name="measurePoints"/> by area code (unknown areas are a bug at the caller).</summary>
    public static AssessmentResult Score(AssessmentScheme scheme, decimal? completionPercent, IReadOnlyDictionary<string, decimal> measurePoints)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(measurePoints);
        var measures = 0m;
        foreach (var (code, points) in measurePoints)
        {
            var area = scheme.Area(code) ?? throw new ArgumentException($"{scheme.Code} has no measure area {code}", nameof(measurePoints));
            measures += Math.Clamp(points, 0m, area.MaxPoints);
        }
        var completion = completionPercent ?? 0m;
        var targetPoints = scheme.TargetPoints(completion);
        var bonus = scheme.Bonus(completion);
        var total = targetPoints + bonus + measures;
        var scoreGrade = scheme.GradeFor(total);
        var grade = scheme.IntensityVeto && completion < 100m ? Grade.NotCompleted : scoreGrade;
        var vetoed = grade != scoreGrade;
        return new AssessmentResult(completionPercent, targetPoints, bonus, measures, total, scoreGrade, vetoed, grade, scheme.ConsequencesOf(grade));
    }
}
