namespace OpenEts.Domain.Inclusion;

/// <summary>
/// A merchant's settlement (商户结算) over a period of Beijing days: the redemptions it confirmed in the period that no
/// earlier settlement covers, each valued at the yuan per coin of the programme version in force on the day it was
/// confirmed, and their sums. A redemption is settled at most once: one already settled is never taken again.
/// </summary>
/// <param name="Lines">The redemptions settled, by confirmation time.</param>
/// <param name="Coins">Their coins.</param>
/// <param name="Yuan">Their yuan: the sum of each line's coins × yuan per coin, exact to the fen.</param>
public sealed record Settlement(IReadOnlyList<Settlement.Line> Lines, long Coins, decimal Yuan)
{
    /// <summary>One redemption settled: its id, item, coins, the day it was confirmed, its yuan per coin and its yuan.</summary>
    public sealed record Line(long RedemptionId, string Item, long Coins, DateOnly ConfirmedOn, decimal YuanPerCoin, decimal Yuan);

    /// <summary>
    /// The settlement of <paramref name="confirmed"/> (the merchant's confirmed redemptions in the period, with the Beijing
    /// day each was confirmed and whether a settlement covers it already) over a period ending <paramref name="periodEnd"/>,
    /// on <paramref name="today"/>; <paramref name="valueOn"/> is the yuan per coin in force on a day (null: none stated).
    /// Null with the reason when it cannot be made.
    /// </summary>
    public static Settlement? Make(IEnumerable<(Voucher Voucher, DateOnly ConfirmedOn, bool Settled)> confirmed, DateOnly periodEnd, DateOnly today,
        Func<DateOnly, CoinValue?> valueOn, out SettlementRejection? rejection)
    {
        ArgumentNullException.ThrowIfNull(confirmed);
        ArgumentNullException.ThrowIfNull(valueOn);
        if (periodEnd > today)
        {
            rejection = SettlementRejection.PeriodInFuture;
            return null;
        }
        var lines = new List<Line>();
        foreach (var (voucher, day, settled) in confirmed.OrderBy(c => c.Voucher.ConfirmedAt).ThenBy(c => c.Voucher.Id))
        {
            if (settled || !voucher.Confirmed)
            {
                continue;
            }
            if (valueOn(day) is not { } value)
            {
                rejection = SettlementRejection.NoCoinValue;
                return null;
            }
            lines.Add(new Line(voucher.Id, voucher.Item, voucher.Coins, day, value.YuanPerCoin, value.YuanFor(voucher.Coins)));
        }
        if (lines.Count == 0)
        {
            rejection = SettlementRejection.NothingToSettle;
            return null;
        }
        rejection = null;
        return new Settlement(lines, lines.Sum(l => l.Coins), lines.Sum(l => l.Yuan));
    }
}
