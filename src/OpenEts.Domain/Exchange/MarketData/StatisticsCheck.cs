using System.Globalization;

namespace OpenEts.Domain.Exchange.MarketData;

/// <summary>
/// Checks published cumulative statistics for internal consistency: each row's average price against turnover ÷ volume,
/// and each market's cumulative figures never decreasing over time. It flags; it never corrects.
/// </summary>
public static class StatisticsCheck
{
    /// <summary>
    /// The tolerance of the average-price check, in 元/t, for a row of <paramref name="volumeTonnes"/> t: half a unit of
    /// each figure's published rounding, as the pilots publish them (the seed's table: turnover in whole 万元, the
    /// average to 0.01 元/t). The turnover's ±0.5 万元 (5 000 元) spread over the volume, plus the average's ±0.005 元.
    /// </summary>
    public static decimal AverageTolerance(long volumeTonnes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(volumeTonnes);
        return 0.005m + (5_000m / volumeTonnes);
    }

    /// <summary>Every inconsistency in <paramref name="rows"/>, by row index; empty when all are consistent.</summary>
    public static IReadOnlyList<StatisticIssue> Check(IReadOnlyList<MarketStatistic> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var issues = new List<StatisticIssue>();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (r.VolumeTonnes == 0)
            {
                if (r.Turnover10kYuan > 0)
                {
                    issues.Add(new StatisticIssue(i, StatisticRule.TurnoverWithoutVolume,
                        Text($"{r.Market}: a turnover of {r.Turnover10kYuan} 万元 on a volume of 0 t")));
                }
                continue;
            }
            if (r.AveragePrice is { } published)
            {
                var computed = r.TurnoverYuan / r.VolumeTonnes;
                var tolerance = AverageTolerance(r.VolumeTonnes);
                if (Math.Abs(published - computed) > tolerance)
                {
                    issues.Add(new StatisticIssue(i, StatisticRule.AverageMismatch, Text(
                        $"{r.Market}: the average price {published} 元/t is not turnover ÷ volume = {r.Turnover10kYuan} 万元 ÷ {r.VolumeTonnes} t = {decimal.Round(computed, 2, MidpointRounding.AwayFromZero)} 元/t (tolerance ±{decimal.Round(tolerance, 4, MidpointRounding.AwayFromZero)})")));
                }
            }
        }
        foreach (var market in Enumerable.Range(0, rows.Count).GroupBy(i => (rows[i].Market, rows[i].Product)))
        {
            var ordered = market.OrderBy(i => rows[i].AsOf).ToList();
            for (var k = 1; k < ordered.Count; k++)
            {
                var (before, now) = (rows[ordered[k - 1]], rows[ordered[k]]);
                if (now.VolumeTonnes < before.VolumeTonnes || now.Turnover10kYuan < before.Turnover10kYuan)
                {
                    issues.Add(new StatisticIssue(ordered[k], StatisticRule.CumulativeDecreased, Text(
                        $"{now.Market}: the cumulative figures at {now.AsOf:yyyy-MM-dd} ({now.VolumeTonnes} t, {now.Turnover10kYuan} 万元) are below those at {before.AsOf:yyyy-MM-dd} ({before.VolumeTonnes} t, {before.Turnover10kYuan} 万元)")));
                }
            }
        }
        return [.. issues.OrderBy(x => x.Index)];
    }

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
