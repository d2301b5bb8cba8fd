using System.Globalization;
using OpenEts.Application.Storage;
using OpenEts.Domain.Exchange.MarketData;

namespace OpenEts.Storage;

internal sealed partial class SqlSession : IMarketStatisticsData
{
    // 1 万元 = 10 000 yuan = 1 000 000 fen.
    private const decimal FenPer10kYuan = 1_000_000m;

    public IMarketStatisticsData MarketStatistics => this;

    async Task<(int Added, int Replaced)> IMarketStatisticsData.SaveStatisticsAsync(IReadOnlyList<MarketStatistic> rows, DateTimeOffset at, string by)
    {
        var (added, replaced) = (0, 0);
        foreach (var r in rows)
        {
            var asOf = r.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var exists = await ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM market_statistics WHERE market = @market AND product = @product AND as_of = @asOf",
                new { market = r.Market, product = r.Product, asOf }).ConfigureAwait(false) > 0;
            await ExecuteAsync("""
                INSERT INTO market_statistics (market, product, as_of, volume, turnover_fen, average_fen, source, imported_at, imported_by)
                VALUES (@market, @product, @asOf, @volume, @turnover, @average, @source, @at, @by)
                ON CONFLICT (market, product, as_of) DO UPDATE SET volume = excluded.volume, turnover_fen = excluded.turnover_fen,
                    average_fen = excluded.average_fen, source = excluded.source, imported_at = excluded.imported_at,
                    imported_by = excluded.imported_by
                """, new
            {
                market = r.Market, product = r.Product, asOf, volume = r.VolumeTonnes,
                turnover = checked((long)(r.Turnover10kYuan * FenPer10kYuan)),
                average = r.AveragePrice is { } a ? checked((long)(a * 100m)) : (long?)null,
                source = r.Source, at = Ms(at), by,
            }).ConfigureAwait(false);
            (added, replaced) = exists ? (added, replaced + 1) : (added + 1, replaced);
        }
        return (added, replaced);
    }

    async Task<IReadOnlyList<(MarketStatistic Statistic, DateTimeOffset ImportedAt, string ImportedBy)>> IMarketStatisticsData.StatisticsAsync() =>
        [.. (await QueryAsync<StatisticRow>("""
            SELECT market, product, as_of, volume, turnover_fen, average_fen, source, imported_at, imported_by
            FROM market_statistics ORDER BY id
            """).ConfigureAwait(false)).Select(r => (r.ToStatistic(), At(r.Imported_At), r.Imported_By))];

    private sealed class StatisticRow
    {
        public string Market { get; init; } = "";

        public string Product { get; init; } = "";

        public string As_Of { get; init; } = "";

        public long Volume { get; init; }

        public long Turnover_Fen { get; init; }

        public long? Average_Fen { get; init; }

        public string Source { get; init; } = "";

        public long Imported_At { get; init; }

        public string Imported_By { get; init; } = "";

        public MarketStatistic ToStatistic() => new(Market, Product,
            DateOnly.ParseExact(As_Of, "yyyy-MM-dd", CultureInfo.InvariantCulture), Volume, Turnover_Fen / FenPer10kYuan / 1.000000000000000000000000m,
            Average_Fen is { } a ? a / 100m : null, Source);
    }
}
