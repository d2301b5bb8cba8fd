using OpenEts.Domain.Exchange.MarketData;

namespace OpenEts.Application.Exchange.MarketData;

/// <summary>A published statistics row with the inconsistencies <see cref="StatisticsCheck"/> found in it (empty: consistent).</summary>
public sealed record CheckedStatistic(MarketStatistic Statistic, IReadOnlyList<StatisticIssue> Issues, DateTimeOffset ImportedAt, string ImportedBy)
{
    public bool Consistent => Issues.Count == 0;
}
