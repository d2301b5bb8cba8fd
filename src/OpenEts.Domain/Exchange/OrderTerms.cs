using OpenEts.Matching;

namespace OpenEts.Domain.Exchange;

/// <summary>What an order asks for, as the pre-trade checks see it.</summary>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">Limit, market, IOC or FOK.</param>
/// <param name="PriceFen">The limit price in fen per tonne; null for a market order without a protection price.</param>
/// <param name="Quantity">Tonnes.</param>
public sealed record OrderTerms(Side Side, OrderType Type, long? PriceFen, long Quantity);
