using System.Globalization;
using OpenEts.Domain.Exchange;

namespace OpenEts.Application.Exchange;

/// <summary>
/// A one-way auction (单向竞价): one seller offers <see cref="OneWayAuctionTerms.Quantity"/> t of an instrument; its units sit
/// in the clearing account from the announcement to the close. Members bid inside the window (<see cref="OneWayBid"/>); the
/// close clears them (<see cref="OneWayAuctionClearing"/>), settles each winning bid delivery versus payment and gives the
/// unsold units back.
/// </summary>
/// <param name="Id">The auction number, 1, 2, 3, … over the exchange.</param>
/// <param name="AccountId">The seller's trading account.</param>
/// <param name="UserName">The seller's user who announced it.</param>
/// <param name="ClearingPriceFen">The lowest accepted bid's price once cleared; null before, or when nothing sold.</param>
/// <param name="Sold">Tonnes sold at the close (0 before).</param>
/// <param name="Key">The seller's idempotency key.</param>
public sealed record OneWayAuction(
    long Id, string Instrument, long AccountId, string UserName, OneWayAuctionTerms Terms, OneWayAuctionStatus Status, long? ClearingPriceFen,
    long Sold, DateTimeOffset AnnouncedAt, DateTimeOffset UpdatedAt, string Key)
{
    /// <summary>The journal subject and registry reference of an auction: <c>exchange/auction/4</c>.</summary>
    public static string Subject(long id) => string.Create(CultureInfo.InvariantCulture, $"exchange/auction/{id}");
}
