using OpenEts.Matching;

namespace OpenEts.Application.Exchange;

/// <summary>
/// What an exchange snapshot holds: every book as the input journal rebuilds it after entry <paramref name="Sequence"/>
/// (settings with the reference price, band and best-5-levels limit, phase, halt, resting orders in time priority with
/// their open quantities), and the last order and trade numbers then stored, which a check of the tail starts from.
/// </summary>
/// <param name="Sequence">The last journal entry the books include.</param>
/// <param name="LastOrder">The last order number stored at that entry (0 for none).</param>
/// <param name="LastTrade">The last trade number stored at that entry (0 for none).</param>
/// <param name="Books">One book per listed instrument, in ordinal order of the instrument's code.</param>
public sealed record ExchangeSnapshotState(long Sequence, long LastOrder, long LastTrade, IReadOnlyList<OrderBookSnapshot> Books);
