namespace OpenEts.Matching;

/// <summary>One execution (成交): <paramref name="Quantity"/> tonnes at <paramref name="PriceFen"/> fen per tonne.</summary>
/// <param name="Sequence">The <see cref="Command.Sequence"/> of the input that made the trade.</param>
public readonly record struct Trade(
    long Sequence,
    long BuyOrderId,
    long SellOrderId,
    long BuyAccount,
    long SellAccount,
    Aggressor Aggressor,
    long PriceFen,
    long Quantity);
