namespace OpenEts.Matching;

/// <summary>Which side took liquidity in a trade; <see cref="Auction"/> for trades made by an auction uncross.</summary>
public enum Aggressor
{
    Auction = 0,
    Buy = 1,
    Sell = 2,
}
