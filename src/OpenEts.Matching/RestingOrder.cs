namespace OpenEts.Matching;

/// <summary>An order resting on the book, as seen in a snapshot: open quantity in tonnes at a price in fen.</summary>
public readonly record struct RestingOrder(long OrderId, long Account, Side Side, long PriceFen, long Quantity);
