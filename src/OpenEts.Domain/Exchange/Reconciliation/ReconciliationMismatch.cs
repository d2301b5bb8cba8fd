namespace OpenEts.Domain.Exchange.Reconciliation;

/// <summary>One difference the day's reconciliation found: what was compared, the exchange's figure and the ledger's.</summary>
/// <param name="Instrument">The instrument's code.</param>
/// <param name="What">Which figure: <c>cash.paid</c>, <c>cash.buyer-fee</c>, <c>cash.seller-fee</c>, <c>units.delivered</c> (per trade) or <c>units.clearing</c>.</param>
/// <param name="Trade">The trade it concerns, or null for the clearing account.</param>
/// <param name="Expected">The exchange's figure (fen for cash, tonnes for units).</param>
/// <param name="Found">The ledger's figure (0 when the ledger has no entry).</param>
/// <param name="Block">True when <paramref name="Trade"/> is a block trade's number.</param>
/// <param name="Listing">True when <paramref name="Trade"/> is a listing trade's (挂牌点选) number.</param>
/// <param name="Label">
/// What the settlement is when it is not a trade (then it names it instead of "trade N"): <c>auction bid 3</c> (a one-way
/// auction's winning bid), <c>allowance auction 2 bid 5</c> (an allowance auction's award).
/// </param>
public sealed record ReconciliationMismatch(
    string Instrument, string What, long? Trade, long Expected, long Found, bool Block = false, bool Listing = false, string? Label = null)
{
    /// <summary>The difference in one line, e.g. <c>GDEA-2017 trade 7 cash.paid: expected 1648000, found 0</c>.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Instrument}{(Label is { } label ? " " + label : Trade is { } t ? $"{(Block ? " block" : Listing ? " listing" : "")} trade {t}" : "")} {What}: expected {Expected}, found {Found}");
}
