using OpenEts.Domain.DualControl.Targets;
using Xunit;

namespace OpenEts.Domain.Tests.DualControl.Targets;

/// <summary>Hand-derived scores under Ningxia's city scheme (40 + 60, bonus +3 per 10 % to +9, intensity veto).</summary>
public sealed class AssessmentTests
{
    private static readonly AssessmentScheme Scheme = AssessmentSchemes.NingxiaCity;

    private static Dictionary<string, decimal> FullMeasures() => Scheme.Areas.ToDictionary(a => a.Code, a => a.MaxPoints);

    [Theory]
    [InlineData(100, 40)]
    [InlineData(99.99, 36)]
    [InlineData(90, 36)]
    [InlineData(89.99, 32)]
    [InlineData(80, 32)]
    [InlineData(70, 28)]
    [InlineData(60, 24)]
    [InlineData(50, 20)]
    [InlineData(49.99, 0)]
    [InlineData(-20, 0)]
    public void TargetPoints_AtTheTableEdges_FollowTheTable(double completion, int points) =>
        Assert.Equal(points, Scheme.TargetPoints((decimal)completion));

    [Theory]
    [InlineData(100, 0)]
    [InlineData(109.99, 0)]
    [InlineData(110, 3)]
    [InlineData(120, 6)]
    [InlineData(129.99, 6)]
    [InlineData(130, 9)]
    [InlineData(200, 9)]
    public void Bonus_OverTarget_ThreePerTenPercentCappedAtNine(double completion, int bonus) =>
        Assert.Equal(bonus, Scheme.Bonus((decimal)completion));

    [Fact]
    public void Score_NinetySixPointsButTargetMissed_IsNotCompletedByVeto()
    {
        // 95 % completion → 36 target points; full measures 60 → 96, which earns 超额完成 but the veto makes it 未完成.
        var result = Assessment.Score(Scheme, 95m, FullMeasures());

        Assert.Equal(96m, result.Total);
        Assert.Equal(Grade.Exceeded, result.ScoreGrade);
        Assert.True(result.Vetoed);
        Assert.Equal(Grade.NotCompleted, result.Grade);
        Assert.Contains("consequence.suspend-review", result.Consequences);
    }

    [Fact]
    public void Score_OverTargetWithBonus_CountsAboveHundred()
    {
        // 135 % → 40 + 9 (cap); 50 measure points → 99.
        var measures = FullMeasures();
        measures["structure"] = 0m;

        var result = Assessment.Score(Scheme, 135m, measures);

        Assert.Equal(99m, result.Total);
        Assert.Equal(Grade.Exceeded, result.Grade);
        Assert.False(result.Vetoed);
    }

    [Theory]
    [InlineData(95, Grade.Exceeded)]
    [InlineData(94.99, Grade.Completed)]
    [InlineData(80, Grade.Completed)]
    [InlineData(79.99, Grade.BasicallyCompleted)]
    [InlineData(60, Grade.BasicallyCompleted)]
    [InlineData(59.99, Grade.NotCompleted)]
    public void GradeFor_AtTheBandEdges_GivesTheBand(double score, Grade grade) => Assert.Equal(grade, Scheme.GradeFor((decimal)score));

    [Fact]
    public void Score_MeasureOverItsArea_IsCappedAtTheArea()
    {
        var result = Assessment.Score(Scheme, 100m, new Dictionary<string, decimal> { ["market"] = 50m });

        Assert.Equal(45m, result.Total);
    }

    [Fact]
    public void Completion_AchievedOverRequired_InPercent()
    {
        Assert.Equal(90m, Assessment.Completion(3.2m, 2.88m));
        Assert.Equal(0m, Assessment.Completion(0m, -1m));
        Assert.Null(Assessment.Completion(3.2m, null));
    }

    [Fact]
    public void SectorDepartment_WeighsTargetSixtyMeasuresForty()
    {
        var scheme = AssessmentSchemes.SectorDepartment;

        Assert.Equal(60m, scheme.TargetPoints(100m));
        Assert.Equal(40m, scheme.Areas.Sum(a => a.MaxPoints));
        Assert.Equal(60m, AssessmentSchemes.NingxiaCity.Areas.Sum(a => a.MaxPoints));
        Assert.Equal(9, AssessmentSchemes.NingxiaCity.Areas.Count);
    }
}
