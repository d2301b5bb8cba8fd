using OpenEts.Domain.DualControl.Cards;
using Xunit;

namespace OpenEts.Domain.Tests.DualControl.Cards;

public sealed class ListedSupervisionTests
{
    [Fact]
    public void Applies_SeriousInQ2AndQ3_SupervisedInQ3NotQ2()
    {
        Quarter[] serious = [Quarter.From(2026, 2), Quarter.From(2026, 3)];

        Assert.True(ListedSupervision.Applies(serious, Quarter.From(2026, 3), 2));
        Assert.False(ListedSupervision.Applies(serious, Quarter.From(2026, 2), 2));
    }

    [Fact]
    public void Applies_SeriousInQ2AndQ4_NotConsecutiveNotSupervised() =>
        Assert.False(ListedSupervision.Applies([Quarter.From(2026, 2), Quarter.From(2026, 4)], Quarter.From(2026, 4), 2));

    [Fact]
    public void Applies_AcrossTheYearEnd_Q4ThenQ1IsConsecutive() =>
        Assert.True(ListedSupervision.Applies([Quarter.From(2025, 4), Quarter.From(2026, 1)], Quarter.From(2026, 1), 2));

    [Theory]
    [InlineData(0, "green")]
    [InlineData(1, "blue")]
    [InlineData(2, "yellow")]
    [InlineData(3, "red")]
    [InlineData(7, "red")]
    public void CreditGrade_EachCardLowersOneLevel_NeverBelowTheWorst(int cards, string expected) =>
        Assert.Equal(expected, CreditGrade.After(CardRulesTests.Tianjin(), cards));
}
