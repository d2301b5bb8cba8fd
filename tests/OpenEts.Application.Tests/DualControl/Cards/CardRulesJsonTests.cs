using OpenEts.Application.DualControl.Cards;
using OpenEts.Domain.DualControl.Cards;
using Xunit;

namespace OpenEts.Application.Tests.DualControl.Cards;

public sealed class CardRulesJsonTests
{
    [Fact]
    public void Shipped_TianjinJiangxiAndQinghai_LoadWithQinghaiUnconfirmedThroughout()
    {
        var rules = CardRuleSets.Shipped;

        Assert.Equal(["jiangxi", "qinghai", "tianjin"], rules.Codes.ToArray());
        var qinghai = rules.InForce("qinghai", new DateOnly(2026, 1, 1))!;
        Assert.False(qinghai.Confirmed);
        Assert.All(qinghai.Triggers, t => Assert.False(t.Confirmed));
        Assert.Contains("[UNCONFIRMED]", qinghai.Source, StringComparison.Ordinal);
        Assert.True(rules.InForce("tianjin", new DateOnly(2026, 1, 1))!.Confirmed);
    }

    [Fact]
    public void Shipped_Tianjin_RedForAFineOfFiftyWanYellowBelow()
    {
        var tianjin = CardRuleSets.Shipped.Find("tianjin-2017")!;

        Assert.Equal(CardColour.Red, tianjin.Propose(ViolationKind.OperatingBeforeAcceptance, 500_000m)!.Colour);
        Assert.Equal(CardColour.Yellow, tianjin.Propose(ViolationKind.OperatingBeforeAcceptance, 300_000m)!.Colour);
        Assert.Contains("ahhrtd.cn", tianjin.Propose(ViolationKind.OperatingBeforeAcceptance, 300_000m)!.Trigger.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Shipped_Jiangxi_HasNoFineBandsSoAFinedEiaCaseProposesNothing() =>
        Assert.Null(CardRuleSets.Shipped.Find("jiangxi-2016")!.Propose(ViolationKind.BuiltWithoutEia, 600_000m));

    [Fact]
    public void TryRead_UnknownFieldAndMissingDate_RefusedWithProblems()
    {
        Assert.False(CardRulesJson.TryRead("""{ "code": "x", "colourz": 1 }""", out _, out var unknown));
        Assert.False(CardRulesJson.TryRead("""{ "code": "x" }""", out _, out var missing));

        Assert.NotEmpty(unknown);
        Assert.Contains(missing, p => p.StartsWith("validFrom", StringComparison.Ordinal));
    }
}
