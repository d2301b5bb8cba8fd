using OpenEts.Domain.Exchange.MarketData;

namespace OpenEts.Application.Exchange.MarketData;

/// <summary>
/// The demo's published statistics, as the seed newsletter (节能减排信息动态 第120期, 2017-09-01) printed them: the seven
/// pilots' cumulative figures to 2017-07-19 and Fujian's forestry offsets to 2017-08-15
/// (shared/reference/seed-excerpts.md; the full text is shared/reference/000_942cc9f62abd0419.txt).
/// </summary>
/// <remarks>
/// The figures are copied as printed, not corrected. Two rows are inconsistent as printed, and the statistics page
/// flags them: Tianjin's average (20.78 元/t) is not 5 021 万元 ÷ 3 579 459 t = 14.03 元/t, and Hubei's (14.03 元/t) is not
/// 86 568 万元 ÷ 43 231 626 t = 20.02 元/t; it looks as if Tianjin's computed average was printed in Hubei's row.
/// Fujian's article gives no average; the page shows turnover ÷ volume.
/// </remarks>
public static class DemoStatistics
{
    /// <summary>Where the pilots' table comes from.</summary>
    public const string PilotsSource =
        "节能减排信息动态第120期（2017-09-01）转载汉能碳《近日中国碳市场扑朔迷离，究竟哪儿出了问题？》：截止2017年7月19日7市场公开的数据（不含拍卖数据）";

    /// <summary>Where Fujian's forestry figures come from.</summary>
    public const string FujianSource = "节能减排信息动态第120期（2017-09-01）《福建多个林业碳汇项目完成交易》：截至8月15日完成交易26.1万吨，交易金额488.1万元";

    private static readonly DateOnly PilotsAsOf = new(2017, 7, 19);

    /// <summary>The rows, in the newsletter's order.</summary>
    public static IReadOnlyList<MarketStatistic> Rows { get; } =
    [
        Pilot("深圳", 20_623_286, 65_952m, 31.98m),
        Pilot("上海", 10_050_563, 23_482m, 23.36m),
        Pilot("北京", 7_043_749, 35_515m, 50.42m),
        Pilot("广东", 45_296_949, 66_820m, 14.75m),
        Pilot("天津", 3_579_459, 5_021m, 20.78m),
        Pilot("湖北", 43_231_626, 86_568m, 14.03m),
        Pilot("重庆", 5_813_552, 2_085m, 3.59m),
        new("福建", "FFCER 林业碳汇", new DateOnly(2017, 8, 15), 261_000, 488.1m, null, FujianSource),
    ];

    private static MarketStatistic Pilot(string market, long volume, decimal turnover10k, decimal average) =>
        new(market, "", PilotsAsOf, volume, turnover10k, average, PilotsSource);
}
