namespace OpenEts.Domain.Exchange.MarketData;

/// <summary>A consistency rule that published cumulative statistics can break (see <see cref="StatisticsCheck"/>).</summary>
public enum StatisticRule
{
    /// <summary>The published average price is not turnover ÷ volume within <see cref="StatisticsCheck.AverageTolerance"/>.</summary>
    AverageMismatch,

    /// <summary>A cumulative volume or turnover is lower than the same market's at an earlier date.</summary>
    CumulativeDecreased,

    /// <summary>A turnover above zero on no volume.</summary>
    TurnoverWithoutVolume,
}
