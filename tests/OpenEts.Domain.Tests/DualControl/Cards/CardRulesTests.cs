using OpenEts.Domain.DualControl.Cards;
using Xunit;

namespace OpenEts.Domain.Tests.DualControl.Cards;

public sealed class CardRulesTests
{
    private static RuleNumber N(decimal v) => new(v, "test", true);

    // Tianjin's lines (reference §C): 未批先建 fined 20万 to under 50万 → yellow, ≥ 50万 → red; exceedance → yellow.
    internal static CardRules Tianjin(int rectificationDays = 90) => new("tianjin", "2017", "天津", "天津市", new DateOnly(2017, 1, 1), "test", true,
    [
        new(ViolationKind.ConcentrationExceedance, CardColour.Yellow, null, null, "t", true),
        new(ViolationKind.BuiltWithoutEia, CardColour.Yellow, 200_000m, 500_000m, "t", true),
        new(ViolationKind.BuiltWithoutEia, CardColour.Red, 500_000m, null, "t", true),
        new(ViolationKind.RegionalApprovalFreeze, CardColour.Red, null, null, "t", true),
    ], N(rectificationDays), N(1), N(1), N(2), N(1), ["green", "blue", "yellow", "red"], "test", N(1));

    [Theory]
    [InlineData(200_000, CardColour.Yellow)]
    [InlineData(499_999.99, CardColour.Yellow)]
    [InlineData(500_000, CardColour.Red)]
    [InlineData(2_000_000, CardColour.Red)]
    public void Propose_BuiltWithoutEiaFine_PicksTheCardByItsBand(decimal fine, CardColour expected) =>
        Assert.Equal(expected, Tianjin().Propose(ViolationKind.BuiltWithoutEia, fine)!.Colour);

    [Fact]
    public void Propose_FineBelowTheLowestBand_ProposesNoCard()
    {
        Assert.Null(Tianjin().Propose(ViolationKind.BuiltWithoutEia, 199_999m));
        Assert.Null(Tianjin().Propose(ViolationKind.BuiltWithoutEia, null));
        Assert.Null(Tianjin().Propose(ViolationKind.FailureToDisclose, null));
    }

    [Fact]
    public void Propose_ExceedanceAndApprovalFreeze_YellowAndRed()
    {
        Assert.Equal(CardColour.Yellow, Tianjin().Propose(ViolationKind.ConcentrationExceedance, null)!.Colour);
        Assert.Equal(CardColour.Red, Tianjin().Propose(ViolationKind.RegionalApprovalFreeze, null)!.Colour);
    }

    [Fact]
    public void IsSerious_AtTwiceTheLimit_IsSeriousJustBelowIsNot()
    {
        Assert.True(Tianjin().IsSerious(100m, 50m));
        Assert.False(Tianjin().IsSerious(99.99m, 50m));
        Assert.False(Tianjin().IsSerious(50m, 50m));
    }

    [Fact]
    public void Check_EmptyBandAndOneGrade_ReportsBoth()
    {
        var broken = Tianjin() with
        {
            Triggers = [new(ViolationKind.BuiltWithoutEia, CardColour.Yellow, 500_000m, 200_000m, "t", true)],
            CreditGrades = ["green"],
        };

        var problems = broken.Check();

        Assert.Contains(problems, p => p.StartsWith("triggers:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("creditGrades:", StringComparison.Ordinal));
    }
}
