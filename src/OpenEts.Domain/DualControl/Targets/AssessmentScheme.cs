namespace OpenEts.Domain.DualControl.Targets;

/// <summary>
/// An assessment scheme as data: the target and measure weights, the completion → points table, the bonus for going
/// over target and its cap, the measure areas, the grade bands with their consequences, whether missing the annual
/// intensity target vetoes (否决性指标), and where the numbers come from (<paramref name="Source"/>, with
/// [UNCONFIRMED] where they are inferred).
/// </summary>
public sealed record AssessmentScheme(
    string Code,
    string Name,
    decimal TargetWeight,
    decimal MeasureWeight,
    IReadOnlyList<CompletionStep> CompletionTable,
    decimal BonusPerTenPercentOver,
    decimal BonusCap,
    IReadOnlyList<MeasureArea> Areas,
    IReadOnlyList<GradeBand> Bands,
    bool IntensityVeto,
    string Source)
{
    /// <summary>
    /// The kinds of unit the scheme assesses: a region's scheme (its consequences fall on officials and on the region's
    /// project reviews) does not fit a key energy user, nor an enterprise's scheme a region. Provinces and cities unless it says.
    /// </summary>
    public IReadOnlyList<UnitKind> Kinds { get; init; } = [UnitKind.Province, UnitKind.City];

    /// <summary>Whether the scheme assesses a unit of this kind.</summary>
    public bool Fits(UnitKind kind) => Kinds.Contains(kind);

    /// <summary>The target points a 10 % shortfall costs: the table's top step less the next (the top step's points when it has one).</summary>
    public decimal ShortfallStep =>
        CompletionTable.OrderByDescending(s => s.CompletionPercent).Select(s => s.Points).Take(2).ToList() switch
        {
            [var top, var next] => top - next,
            [var only] => only,
            _ => 0m,
        };

    /// <summary>The completion in percent below which the target earns no points: the table's lowest step.</summary>
    public decimal NoPointsBelow => CompletionTable.Select(s => s.CompletionPercent).DefaultIfEmpty(0m).Min();

    /// <summary>The area with this code, or null.</summary>
    public MeasureArea? Area(string code) => Areas.FirstOrDefault(a => a.Code == code);

    /// <summary>Target points for a completion in percent: the highest table row reached (a step, not interpolated), else 0.</summary>
    public decimal TargetPoints(decimal completionPercent) =>
        CompletionTable.Where(s => completionPercent >= s.CompletionPercent).Select(s => s.Points).DefaultIfEmpty(0m).Max();

    /// <summary>Bonus points: <see cref="BonusPerTenPercentOver"/> per full 10 % over target, at most <see cref="BonusCap"/>.</summary>
    public decimal Bonus(decimal completionPercent) =>
        completionPercent <= 100m ? 0m : Math.Min(BonusCap, decimal.Floor((completionPercent - 100m) / 10m) * BonusPerTenPercentOver);

    /// <summary>The grade a score earns before any veto.</summary>
    public Grade GradeFor(decimal score) =>
        Bands.OrderByDescending(b => b.MinScore).FirstOrDefault(b => score >= b.MinScore)?.Grade ?? Grade.NotCompleted;

    /// <summary>The consequences listed for a grade.</summary>
    public IReadOnlyList<string> ConsequencesOf(Grade grade) => Bands.FirstOrDefault(b => b.Grade == grade)?.Consequences ?? [];
}
