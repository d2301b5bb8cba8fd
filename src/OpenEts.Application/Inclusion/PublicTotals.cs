using System.Globalization;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// A programme's public statistics (公开统计): reductions by behaviour and month, coins issued and redeemed by month, the
/// wallets' totals, and the PHCER aggregated. Sums over every citizen only: no row names or counts a single person.
/// </summary>
public sealed record PublicTotals(
    InclusionProgramme Programme, IReadOnlyList<string> Months, IReadOnlyList<PublicTotals.BehaviourMonths> Reductions, IReadOnlyList<long> CoinsIssued,
    IReadOnlyList<long> CoinsRedeemed, long Citizens, long Credited, long Redeemed, long Expired, CarbonGrams Reduction,
    IReadOnlyList<InclusionAggregation> Aggregations)
{
    /// <summary>How many months the charts show, ending with the current one.</summary>
    public const int MonthsShown = 12;

    /// <summary>One behaviour's reduction in each month of <see cref="Months"/>.</summary>
    public sealed record BehaviourMonths(Behaviour Behaviour, IReadOnlyList<CarbonGrams> Reduction);

    /// <summary>The PHCER claimed by every aggregation, in tonnes.</summary>
    public decimal PhcerTonnes => Aggregations.Sum(a => a.ClaimedTonnes);

    /// <summary>The <see cref="MonthsShown"/> months ending with <paramref name="today"/>'s, as yyyy-MM, oldest first.</summary>
    public static IReadOnlyList<string> MonthsTo(DateOnly today) =>
        [.. Enumerable.Range(0, MonthsShown).Select(i => Month(new DateOnly(today.Year, today.Month, 1).AddMonths(i - MonthsShown + 1)))];

    /// <summary>The month key (yyyy-MM) of a day.</summary>
    public static string Month(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>
    /// Sums daily rows (any citizen, any source) into <paramref name="months"/> by behaviour; rows outside the months are
    /// left out. Behaviours in code order; a behaviour with no row is left out.
    /// </summary>
    public static IReadOnlyList<BehaviourMonths> ByBehaviourAndMonth(IEnumerable<DailyRollup> rows, IReadOnlyList<string> months)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(months);
        var index = months.Select((m, i) => (m, i)).ToDictionary(x => x.m, x => x.i, StringComparer.Ordinal);
        var sums = new SortedDictionary<Behaviour, long[]>();
        foreach (var row in rows)
        {
            if (!index.TryGetValue(Month(row.Day), out var i))
            {
                continue;
            }
            if (!sums.TryGetValue(row.Behaviour, out var line))
            {
                sums[row.Behaviour] = line = new long[months.Count];
            }
            line[i] = checked(line[i] + row.Reduction.Milligrams);
        }
        return [.. sums.Select(kv => new BehaviourMonths(kv.Key, [.. kv.Value.Select(CarbonGrams.FromMilligrams)]))];
    }

    /// <summary>Sums amounts dated by day into <paramref name="months"/>; amounts outside them are left out.</summary>
    public static IReadOnlyList<long> ByMonth(IEnumerable<(DateOnly Day, long Amount)> amounts, IReadOnlyList<string> months)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        ArgumentNullException.ThrowIfNull(months);
        var sums = new long[months.Count];
        var index = months.Select((m, i) => (m, i)).ToDictionary(x => x.m, x => x.i, StringComparer.Ordinal);
        foreach (var (day, amount) in amounts)
        {
            if (index.TryGetValue(Month(day), out var i))
            {
                sums[i] = checked(sums[i] + amount);
            }
        }
        return sums;
    }
}
