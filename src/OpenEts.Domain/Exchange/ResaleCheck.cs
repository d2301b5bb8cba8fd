
namespace OpenEts.Domain.Exchange;

/// <summary>
/// The T+1 resale restriction (转售限制) on an instrument that has it switched on (<see cref="Instrument.ResaleNextDay"/>):
/// units bought on a Beijing trading day cannot be sold on the same day. The national settlement cycle was not retrieved
/// (trading.md §5.1, [UNCONFIRMED]), so the rule is off unless the operator switches it on.
/// </summary>
/// <remarks>
/// The registry holds units, not their purchase dates, so the rule counts tonnes: of what the holding account holds free
/// of the instrument's class, the tonnes bought today are not for sale, the rest is. Units that left the account since
/// (a transfer, a surrender, a sell) count against the older units first, which can only restrict more, never less.
/// </remarks>
public static class ResaleCheck
{
    /// <summary>The refusal of a sell of <paramref name="quantity"/> tonnes, or null when the rule allows it.</summary>
    /// <param name="instrument">The instrument with its setting.</param>
    /// <param name="held">Tonnes of the instrument's class the seller's holding account holds free now.</param>
    /// <param name="boughtToday">Tonnes of the instrument the seller's trading account bought on <paramref name="day"/>.</param>
    /// <param name="quantity">Tonnes the sell would take out of the holding account.</param>
    /// <param name="day">The Beijing trading day of the sell.</param>
    public static PreTradeRefusal? Check(Instrument instrument, long held, long boughtToday, long quantity, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentOutOfRangeException.ThrowIfNegative(held);
        ArgumentOutOfRangeException.ThrowIfNegative(boughtToday);
        if (!instrument.ResaleNextDay || boughtToday == 0)
        {
            return null;
        }
        var sellable = Sellable(held, boughtToday);
        return quantity <= sellable ? null : PreTradeRefusal.Of(ExchangeRule.ResaleNextDay, "quantity",
            $"{instrument.Code} is T+1: the {boughtToday} t bought on {day:yyyy-MM-dd} cannot be sold before the next trading day; {sellable} t can be sold today");
    }

    /// <summary>What may be sold today: the tonnes held beyond those bought today, never below 0.</summary>
    public static long Sellable(long held, long boughtToday) => Math.Max(0, held - boughtToday);
}
