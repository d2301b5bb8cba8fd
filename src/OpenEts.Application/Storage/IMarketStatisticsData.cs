using OpenEts.Application.Exchange.MarketData;
using OpenEts.Domain.Exchange.MarketData;

namespace OpenEts.Application.Storage;

/// <summary>
/// Published market statistics (cumulative volume, turnover and average price per market and date), one row per market,
/// product and date. Only <see cref="MarketStatisticsService"/> writes them; anyone reads them.
/// </summary>
public interface IMarketStatisticsData
{
    /// <summary>
    /// Stores <paramref name="rows"/>: a row for a market, product and date already stored replaces it. Returns how many
    /// were added and how many replaced.
    /// </summary>
    Task<(int Added, int Replaced)> SaveStatisticsAsync(IReadOnlyList<MarketStatistic> rows, DateTimeOffset at, string by);

    /// <summary>Every stored row with when and by whom it was imported, in the order first imported.</summary>
    Task<IReadOnlyList<(MarketStatistic Statistic, DateTimeOffset ImportedAt, string ImportedBy)>> StatisticsAsync();
}
