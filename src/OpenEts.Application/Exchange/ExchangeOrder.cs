using OpenEts.Matching;

namespace OpenEts.Application.Exchange;

/// <summary>An order as the exchange keeps it: what was asked, what happened so far, and the money it holds.</summary>
/// <param name="Id">The order number, 1, 2, 3, … over the exchange.</param>
/// <param name="PriceFen">The limit (or a market order's protection) in fen per tonne; null for a market order without one.</param>
/// <param name="Filled">Tonnes traded.</param>
/// <param name="Resting">Tonnes on the book now.</param>
/// <param name="Cancelled">Tonnes cancelled (by the trader, by an IOC/market remainder, or by self-trade prevention).</param>
/// <param name="Status">Open while resting; else filled, cancelled or partly filled and cancelled.</param>
/// <param name="Reason">Why a remainder was cancelled (the engine's reason), if it was.</param>
/// <param name="ReservationId">A buy's cash reservation.</param>
public sealed record ExchangeOrder(
    long Id, string Instrument, long AccountId, string UserName, Side Side, OrderType Type, long? PriceFen, long Quantity,
    long Filled, long Resting, long Cancelled, OrderStatus Status, string? Reason, long? ReservationId, DateTimeOffset PlacedAt,
    DateTimeOffset UpdatedAt, string Key);

/// <summary>Where an order stands.</summary>
public enum OrderStatus
{
    /// <summary>On the book, possibly partly filled.</summary>
    Open = 1,

    /// <summary>Traded in full.</summary>
    Filled,

    /// <summary>Off the book with some or all of it cancelled.</summary>
    Cancelled,
}
