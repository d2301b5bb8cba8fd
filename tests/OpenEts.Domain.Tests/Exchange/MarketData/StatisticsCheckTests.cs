using OpenEts.Domain.Exchange.MarketData;

namespace OpenEts.Domain.Tests.Exchange.MarketData;

public sealed class StatisticsCheckTests
{
    private static readonly DateOnly AsOf = new(2017, 7, 19);

    // The seed newsletter's table of the pilots to 2017-07-19 (shared/reference/seed-excerpts.md, 中国碳市场扑朔迷离).
    private static MarketStatistic Pilot(string market, long volume, decimal turnover10k, decimal average) =>
        new(market, "", AsOf, volume, turnover10k, average, "节能减排信息动态 120");

    [Fact]
    public void Check_SeedTable_FlagsTianjinAndHubeiWhoseAveragesAreNotTurnoverOverVolume()
    {
        var rows = new[]
        {
            Pilot("深圳", 20_623_286, 65_952, 31.98m),
            Pilot("上海", 10_050_563, 23_482, 23.36m),
            Pilot("北京", 7_043_749, 35_515, 50.42m),
            Pilot("广东", 45_296_949, 66_820, 14.75m),
            Pilot("天津", 3_579_459, 5_021, 20.78m),
            Pilot("湖北", 43_231_626, 86_568, 14.03m),
            Pilot("重庆", 5_813_552, 2_085, 3.59m),
        };

        var issues = StatisticsCheck.Check(rows);

        Assert.Equal([4, 5], issues.Select(i => i.Index));
        Assert.All(issues, i => Assert.Equal(StatisticRule.AverageMismatch, i.Rule));
        Assert.Contains("14.03 元/t", issues[0].Message, StringComparison.Ordinal); // 5 021 万元 ÷ 3 579 459 t
    }

    [Fact]
    public void Check_CumulativeVolumeLowerThanAtAnEarlierDate_FlagsTheLaterRow()
    {
        var rows = new[]
        {
            new MarketStatistic("福建", "", new DateOnly(2017, 8, 15), 261_000, 488.1m, null, "s"),
            new MarketStatistic("福建", "", new DateOnly(2017, 6, 30), 300_000, 400m, null, "s"),
        };

        var issues = StatisticsCheck.Check(rows);

        Assert.Equal(StatisticRule.CumulativeDecreased, Assert.Single(issues).Rule);
        Assert.Equal(0, issues[0].Index);
    }

    [Fact]
    public void Check_TurnoverOnNoVolume_IsFlagged()
    {
        var issues = StatisticsCheck.Check([new MarketStatistic("X", "", AsOf, 0, 5m, null, "s")]);

        Assert.Equal(StatisticRule.TurnoverWithoutVolume, Assert.Single(issues).Rule);
    }

    [Fact]
    public void ComputedAverage_FujianForestryWithoutPublishedAverage_IsTurnoverOverVolume()
    {
        // 261 000 t for 488.1 万元 (shared/reference/seed-excerpts.md, 福建 林业碳汇): 4 881 000 ÷ 261 000 = 18.70 元/t.
        var fujian = new MarketStatistic("福建", "FFCER", new DateOnly(2017, 8, 15), 261_000, 488.1m, null, "s");

        Assert.Equal(18.70m, fujian.Average);
    }
}
