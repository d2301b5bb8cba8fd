using System.Globalization;
using OpenEts.Matching;

namespace OpenEts.Application.Exchange;

/// <summary>
/// A listing (挂牌点选): a member offers <see cref="Quantity"/> t on one side at one price; while it is open its units sit in
/// the clearing account (a sell) or its cash is reserved for the value + the maximum fee (a buy, <see cref="ReservationId"/>).
/// Other members pick the best-priced listing, all that is left or at least <see cref="MinimumTake"/>; each pick is a
/// <see cref="ListingTrade"/> settled delivery versus payment. It ends filled, withdrawn, or expired with its trading day.
/// </summary>
/// <param name="Id">The listing number, 1, 2, 3, … over the exchange (price-then-time priority: a lower number is earlier).</param>
/// <param name="PriceFen">Fen per tonne: every pick trades at it.</param>
/// <param name="Quantity">Tonnes listed.</param>
/// <param name="MinimumTake">The smallest pick, tonnes (a pick of all that is left is always allowed).</param>
/// <param name="Taken">Tonnes picked so far.</param>
/// <param name="ReservationId">A buy listing's cash reservation; null for a sell.</param>
/// <param name="Key">The lister's idempotency key.</param>
public sealed record ExchangeListing(
    long Id, string Instrument, long AccountId, string UserName, Side Side, long PriceFen, long Quantity, long MinimumTake, long Taken,
    ListingStatus Status, DateTimeOffset PostedAt, DateTimeOffset UpdatedAt, long? ReservationId, string Key)
{
    /// <summary>Tonnes still offered.</summary>
    public long Left => Quantity - Taken;

    /// <summary>The journal subject and cash/registry reference of a listing: <c>exchange/listing/3</c>.</summary>
    public static string Subject(long id) => string.Create(CultureInfo.InvariantCulture, $"exchange/listing/{id}");
}

/// <summary>Where a listing stands.</summary>
public enum ListingStatus
{
    /// <summary>Offered: it can be picked or withdrawn.</summary>
    Open = 1,

    /// <summary>Picked in full.</summary>
    Filled,

    /// <summary>Its lister took back what was left.</summary>
    Withdrawn,

    /// <summary>Its trading day ended with something left: that was given back.</summary>
    Expired,
}
