namespace OpenEts.Domain.Exchange;

/// <summary>One price level of a book's depth: the price, the tonnes resting there and how many orders.</summary>
public sealed record DepthLevel(long PriceFen, long Quantity, int Orders);

/// <summary>A book's depth (盘口): the best levels of each side, best first.</summary>
/// <param name="Instrument">The instrument's code.</param>
/// <param name="Bids">Buy levels, highest price first.</param>
/// <param name="Asks">Sell levels, lowest price first.</param>
/// <param name="Halted">True while the instrument is halted.</param>
public sealed record Depth(string Instrument, IReadOnlyList<DepthLevel> Bids, IReadOnlyList<DepthLevel> Asks, bool Halted);
