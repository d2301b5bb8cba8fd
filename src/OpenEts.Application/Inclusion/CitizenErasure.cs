using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>The arithmetic of erasure: the coins forfeited, and the daily rows merged across sources (meter and card ids are personal).</summary>
public static class CitizenErasure
{
    /// <summary>The coins a citizen still holds in <paramref name="lots"/> (spendable, pending or lapsed but not yet written off).</summary>
    public static long Forfeit(IEnumerable<CoinLot> lots) => lots.Sum(l => l.Remaining);

    /// <summary>
    /// The rows summed by day and behaviour under one <paramref name="source"/>: actions, reduction, coins and the coins cut are
    /// conserved, so every total by programme, period and behaviour is unchanged.
    /// </summary>
    public static IReadOnlyList<DailyRollup> MergeSources(IEnumerable<DailyRollup> rows, string source) =>
        [.. rows.GroupBy(r => (r.Day, r.Behaviour))
            .OrderBy(g => g.Key.Day).ThenBy(g => g.Key.Behaviour)
            .Select(g => new DailyRollup(g.Key.Day, g.Key.Behaviour, source, g.Sum(r => r.Actions),
                g.Aggregate(CarbonGrams.Zero, (sum, r) => sum + r.Reduction), g.Sum(r => r.Coins), g.Sum(r => r.CoinsCut)))];
}
