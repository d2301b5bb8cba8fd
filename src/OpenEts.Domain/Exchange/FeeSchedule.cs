namespace OpenEts.Domain.Exchange;

/// <summary>
/// The exchange's fee (交易手续费): a decimal rate of the trade value, charged to each side. The fee of one trade is the
/// value × rate rounded down to the fen, so the fees of the parts of an order never add up to more than the fee of the
/// whole (<see cref="MaxFeeFen"/>, what a buy order reserves).
/// </summary>
/// <remarks>
/// No published fee schedule was retrieved for either exchange (trading.md has none): the demo rate is
/// <see cref="DemoRate"/> per side, [UNCONFIRMED]. The rounding (down, to the fen) is ours, [UNCONFIRMED].
/// </remarks>
public sealed record FeeSchedule
{
    /// <summary>0.05 % of the value per side: a demo figure, [UNCONFIRMED] (no exchange's fee schedule was retrieved).</summary>
    public const decimal DemoRate = 0.0005m;

    private FeeSchedule(decimal buyRate, decimal sellRate) => (BuyRate, SellRate) = (buyRate, sellRate);

    /// <summary>The buyer's rate, 0 ≤ rate &lt; 1.</summary>
    public decimal BuyRate { get; }

    /// <summary>The seller's rate, 0 ≤ rate &lt; 1.</summary>
    public decimal SellRate { get; }

    /// <summary>The demo schedule: <see cref="DemoRate"/> on each side [UNCONFIRMED].</summary>
    public static FeeSchedule Demo { get; } = new(DemoRate, DemoRate);

    /// <summary>A schedule with these rates; each 0 ≤ rate &lt; 1 with at most 6 decimals.</summary>
    public static FeeSchedule Of(decimal buyRate, decimal sellRate)
    {
        Check(buyRate, nameof(buyRate));
        Check(sellRate, nameof(sellRate));
        return new FeeSchedule(buyRate, sellRate);
    }

    /// <summary>The fee in fen on a trade of <paramref name="valueFen"/> fen for one side, rounded down to the fen.</summary>
    public long FeeFen(long valueFen, bool buyer)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(valueFen);
        return (long)decimal.Floor(valueFen * (buyer ? BuyRate : SellRate));
    }

    /// <summary>The most a buy of <paramref name="valueFen"/> fen can pay in fees, whatever its fills: the fee of the whole.</summary>
    public long MaxFeeFen(long valueFen) => FeeFen(valueFen, buyer: true);

    private static void Check(decimal rate, string name)
    {
        if (rate < 0m || rate >= 1m || decimal.Round(rate, 6) != rate)
        {
            throw new ArgumentOutOfRangeException(name, rate, "a fee rate is 0 ≤ rate < 1 with at most 6 decimals");
        }
    }
}
