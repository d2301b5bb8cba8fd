namespace OpenEts.Domain.Exchange;

/// <summary>
/// One published trade (成交) of an instrument: its place in the exchange's trade sequence, when it happened, its price
/// in integer fen (0.01 元) per tonne and its quantity in whole tonnes.
/// </summary>
public sealed record TradePrint(long Sequence, string Instrument, DateTimeOffset At, long PriceFen, long Quantity);
