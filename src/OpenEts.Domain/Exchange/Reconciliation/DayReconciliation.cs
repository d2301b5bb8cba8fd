namespace OpenEts.Domain.Exchange.Reconciliation;

/// <summary>
/// The end-of-day reconciliation of one instrument (日终对账): what the day's trades moved against what the ledgers
/// moved, with zero difference allowed.
/// </summary>
/// <remarks>
/// Cash: each trade's value must be one payment from the buyer's reservation to the seller, and each side's fee one
/// entry to the fee account (none when the fee is 0). Units: the registry's delivery event for each trade must have moved
/// the trade's tonnes from clearing to the buyer's holding account; and the registry's clearing account must hold, for the
/// instrument's unit class, exactly the tonnes still resting in open sell orders — a sell reserves its units into
/// clearing, and a trade or a cancel moves them out, so any trade not delivered (or a release not made) leaves a
/// difference there. Both are integers (fen, tonnes): no rounding is involved.
/// </remarks>
public static class DayReconciliation
{
    /// <summary>Every difference for <paramref name="instrument"/>; empty when the day reconciles.</summary>
    /// <param name="instrument">The instrument's code.</param>
    /// <param name="trades">The day's trades (book, block and listing trades, auctions' winning bids) with the cash ledger's entries and the registry's delivery for them.</param>
    /// <param name="clearingHeld">Tonnes of the instrument's class in the clearing account now.</param>
    /// <param name="openSellResting">Tonnes resting in the instrument's open sell orders now.</param>
    public static IReadOnlyList<ReconciliationMismatch> Check(
        string instrument, IReadOnlyList<TradeSettlement> trades, long clearingHeld, long openSellResting)
    {
        ArgumentNullException.ThrowIfNull(trades);
        var found = new List<ReconciliationMismatch>();
        foreach (var t in trades)
        {
            Compare(found, instrument, t, "cash.paid", t.ValueFen, t.PaidFen);
            Compare(found, instrument, t, "cash.buyer-fee", t.BuyerFeeFen, t.BuyerFeePaidFen);
            Compare(found, instrument, t, "cash.seller-fee", t.SellerFeeFen, t.SellerFeePaidFen);
            Compare(found, instrument, t, "units.delivered", t.Quantity, t.DeliveredTonnes);
        }
        if (clearingHeld != openSellResting)
        {
            found.Add(new ReconciliationMismatch(instrument, "units.clearing", null, openSellResting, clearingHeld));
        }
        return found;
    }

    private static void Compare(List<ReconciliationMismatch> found, string instrument, TradeSettlement trade, string what, long expected, long? ledger)
    {
        var actual = ledger ?? 0;
        if (actual != expected)
        {
            found.Add(new ReconciliationMismatch(instrument, what, trade.Trade, expected, actual, trade.Block, trade.Listing, trade.Label));
        }
    }
}
