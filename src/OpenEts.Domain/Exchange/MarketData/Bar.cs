namespace OpenEts.Domain.Exchange.MarketData;

/// <summary>
/// One K-line bar (OHLCV) of an instrument's trades in one interval: prices in integer fen per tonne, volume in tonnes,
/// turnover in fen (Σ price × quantity, exact).
/// </summary>
/// <remarks>
/// A bar is made only from trades: its close is the interval's last trade price. The official daily closing price,
/// which follows the exchange's rule (VWAP, or the reference kept on a thin day), is <see cref="DailyClose"/>'s, not the
/// bar's. <c>Start</c> is the interval's first instant (offset +08:00); <c>Trades</c> counts the bar's trades. An interval
/// without trades has no bar. <c>default</c> is not a meaningful bar.
/// </remarks>
public readonly record struct Bar(
    DateTimeOffset Start, long OpenFen, long HighFen, long LowFen, long CloseFen, long Volume, long TurnoverFen, int Trades);
