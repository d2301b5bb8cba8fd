using OpenEts.Domain.DualControl.Cards;
using Xunit;

namespace OpenEts.Domain.Tests.DualControl.Cards;

public sealed class CardLifeTests
{
    [Fact]
    public void IsOverdue_YellowConfirmedJan10With90Days_InTimeOnApr10EscalatesOnApr11()
    {
        var rules = CardRulesTests.Tianjin();
        var deadline = rules.DeadlineFor(CardColour.Yellow, new DateOnly(2026, 1, 10));

        Assert.Equal(new DateOnly(2026, 4, 10), deadline);
        Assert.False(CardLife.IsOverdue(rules, CardColour.Yellow, CardStatus.InForce, deadline, new DateOnly(2026, 4, 10)));
        Assert.True(CardLife.IsOverdue(rules, CardColour.Yellow, CardStatus.InForce, deadline, new DateOnly(2026, 4, 11)));
    }

    [Fact]
    public void IsOverdue_LiftedOrRedOrNotEscalatingRules_NeverEscalates()
    {
        var rules = CardRulesTests.Tianjin();
        var late = new DateOnly(2027, 1, 1);
        var deadline = new DateOnly(2026, 4, 10);

        Assert.False(CardLife.IsOverdue(rules, CardColour.Yellow, CardStatus.Lifted, deadline, late));
        Assert.False(CardLife.IsOverdue(rules, CardColour.Red, CardStatus.InForce, null, late));
        Assert.False(CardLife.IsOverdue(rules with { YellowEscalates = new(0m, "t", true) }, CardColour.Yellow, CardStatus.InForce, deadline, late));
    }

    [Fact]
    public void DeadlineFor_RedCard_HasNone() => Assert.Null(CardRulesTests.Tianjin().DeadlineFor(CardColour.Red, new DateOnly(2026, 1, 10)));

    [Fact]
    public void InForceDuring_LiftedTheDayBeforeTheQuarter_IsNotOnItsList()
    {
        var q3 = Quarter.From(2026, 3);

        Assert.False(CardLife.InForceDuring(new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 30), q3));
        Assert.True(CardLife.InForceDuring(new DateOnly(2026, 5, 1), new DateOnly(2026, 7, 1), q3));
        Assert.True(CardLife.InForceDuring(new DateOnly(2026, 9, 30), null, q3));
        Assert.False(CardLife.InForceDuring(new DateOnly(2026, 10, 1), null, q3));
    }
}
