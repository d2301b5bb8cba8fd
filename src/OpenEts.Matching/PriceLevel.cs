namespace OpenEts.Matching;

/// <summary>One price level of a side of the book: its price in fen, the tonnes resting there and how many orders.</summary>
public readonly record struct PriceLevel(long PriceFen, long Quantity, int Orders);
