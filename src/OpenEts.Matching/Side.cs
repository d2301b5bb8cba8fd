namespace OpenEts.Matching;

/// <summary>Side of an order (买/卖).</summary>
public enum Side
{
    Buy = 0,
    Sell = 1,
}
