using OpenEts.Application.Inclusion;
using OpenEts.Domain.Inclusion;
using Xunit;

namespace OpenEts.Application.Tests.Inclusion;

public sealed class ProgrammeJsonTests
{
    private static readonly DateOnly Day = new(2026, 11, 30);

    [Fact]
    public void Shipped_FuzhouTwoVersions_The2018RuleIsInForceIn2018AndThe2024RuleNow()
    {
        var programmes = InclusionProgrammes.Shipped;

        var old = programmes.InForce("fuzhou-lvbao", new DateOnly(2018, 2, 19))!;
        var now = programmes.InForce("fuzhou-lvbao", Day)!;

        Assert.Equal("2018", old.Version);
        Assert.Equal("2024", now.Version);
        Assert.Equal(0, old.Find(Behaviour.Walk)!.Coins.CoinsFor(new ActionMeasure(5999), CarbonGrams.Zero));
        Assert.Equal(1, old.Find(Behaviour.Walk)!.Coins.CoinsFor(new ActionMeasure(6000), CarbonGrams.Zero));
        Assert.Equal(3, now.Find(Behaviour.Walk)!.Coins.CoinsFor(new ActionMeasure(6000), CarbonGrams.Zero));
        Assert.Equal(5, old.Find(Behaviour.HospitalBooking)!.Coins.CoinsFor(new ActionMeasure(1), CarbonGrams.Zero));
        Assert.Equal(105, old.Item("movie-ticket")!.Coins);
        Assert.Null(programmes.InForce("fuzhou-lvbao", new DateOnly(2017, 7, 31)));
    }

    [Fact]
    public void Shipped_Fuzhou2024WalkOf20000StepsOnADay_EarnsSevenCoinsNotTen_AndTheDaysNextWalkNone()
    {
        var now = InclusionProgrammes.Shipped.InForce("fuzhou-lvbao", Day)!;
        var usage = new UsageLedger([]);

        var first = Reward.Apply(now, Behaviour.Walk, "phone", Day, new ActionMeasure(20_000m), usage);
        var second = Reward.Apply(now, Behaviour.Walk, "watch", Day, new ActionMeasure(2_000m), usage);
        var nextDay = Reward.Apply(now, Behaviour.Walk, "phone", Day.AddDays(1), new ActionMeasure(4_000m), usage);

        // 20 000 steps ÷ 2 000 = 10 coins, cut to 7 a day [UNCONFIRMED]; the reduction stops at 296 g (0.02 g × 14 800 steps).
        Assert.Equal((7L, 3L, 296m), (first.Coins, first.CoinsCut, first.Reduction.Grams));
        Assert.False(first.CutBy!.Confirmed);
        // 22 000 steps on the day earn 11, one more than the 10 held: cut, the day's 7 paid already.
        Assert.Equal((0L, 1L), (second.Coins, second.CoinsCut));
        Assert.Equal((2L, 0L), (nextDay.Coins, nextDay.CoinsCut));
    }

    [Fact]
    public void Shipped_ShenzhenTransit_CarriesTheReferenceFactorsAsConfirmed()
    {
        var shenzhen = InclusionProgrammes.Shipped.InForce("shenzhen-tanpuhui", Day)!;

        var metro = shenzhen.Find(Behaviour.Metro)!.Methodology;
        var bus = shenzhen.Find(Behaviour.Bus)!.Methodology;

        Assert.Equal(46.7m, metro.NetFactor);
        Assert.Equal(26.9m, bus.NetFactor);
        Assert.True(metro.Confirmed);
        Assert.Equal(46.7m * 10m, metro.Quantify(new ActionMeasure(10m)).Grams);
    }

    [Fact]
    public void Shipped_GuangdongMetro_IsGuangzhouMeanMethodPerTripAndFilesUnderAPhcerProject()
    {
        var guangdong = InclusionProgrammes.Shipped.InForce("guangdong-tanpuhui", Day)!;

        Assert.Equal(0.5155m, guangdong.Find(Behaviour.Metro)!.Methodology.Quantify(new ActionMeasure(1m)).Kilograms);
        Assert.Equal("GD0001", guangdong.PhcerProject);
        Assert.Contains("guangdong-tanpuhui-2022", InclusionProgrammes.Shipped.All.Select(p => p.Id));
    }

    [Fact]
    public void Shipped_EveryUnconfirmedNumber_SaysSoInItsSource()
    {
        foreach (var p in InclusionProgrammes.Shipped.All)
        {
            foreach (var v in p.Behaviours.SelectMany(b => b.Methodology.Parameters).Where(v => !v.Confirmed))
            {
                Assert.Contains("UNCONFIRMED", v.Source, StringComparison.Ordinal);
            }
            Assert.All(p.Caps.Where(c => !c.Confirmed), c => Assert.Contains("UNCONFIRMED", c.Source, StringComparison.Ordinal));
            Assert.All(p.Catalogue.Where(c => !c.Confirmed), c => Assert.Contains("UNCONFIRMED", c.Source, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void TryRead_NegativeFactorAndUnknownBehaviour_NamesEachPathAndRule()
    {
        var json = """
            {"code":"x","version":"1","name":"n","region":"r","operator":"o","validFrom":"2026-01-01","source":"s",
             "timing":{"availableAfterDays":1,"expiryDays":3,"source":"s","confirmed":true},
             "behaviours":[
               {"behaviour":"bus","coins":{"kind":"per-action","coins":1,"source":"s","confirmed":true},
                "methodology":{"code":"M","version":"1","title":"t","formula":"distance","source":"s",
                  "design":{"scope":"a","applicability":"b","boundary":"c","baseline":"d","behaviourEmissions":"e"},
                  "parameters":[{"name":"netFactor","value":-1,"unit":"g","source":"s","confirmed":true}]}}],
             "caps":[{"scope":"user","behaviour":"walk","period":"day","maxCoins":1,"source":"s","confirmed":true}],
             "catalogue":[]}
            """;

        Assert.False(ProgrammeJson.TryRead(json, out _, out var problems));

        Assert.Contains(problems, p => p.Path == "$.behaviours[0].methodology.parameters[0].value" && p.Rule == "NotNegative");
        Assert.Contains(problems, p => p.Path == "$.caps[0].behaviour" && p.Rule == "UnknownBehaviour");
    }

    [Fact]
    public void TryRead_MissingConfirmedFlagAndBadFormula_NamesThePaths()
    {
        var json = """
            {"code":"x","version":"1","name":"n","region":"r","operator":"o","validFrom":"2026-01-01","source":"s",
             "timing":{"availableAfterDays":0,"source":"s","confirmed":false},
             "behaviours":[
               {"behaviour":"bus","coins":{"kind":"per-action","coins":1,"source":"s"},
                "methodology":{"code":"M","version":"1","title":"t","formula":"teleport","source":"s",
                  "design":{"scope":"a","applicability":"b","boundary":"c","baseline":"d","behaviourEmissions":"e"},
                  "parameters":[]}}],
             "caps":[],"catalogue":[]}
            """;

        Assert.False(ProgrammeJson.TryRead(json, out _, out var problems));

        Assert.Contains(problems, p => p.Path == "$.behaviours[0].coins.confirmed" && p.Rule == "Required");
        Assert.Contains(problems, p => p.Path == "$.behaviours[0].methodology.formula" && p.Rule == "UnknownValue");
    }
}
