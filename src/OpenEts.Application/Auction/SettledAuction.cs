using OpenEts.Domain.Registry;

namespace OpenEts.Application.Auction;

/// <summary>
/// An allowance auction (有偿发放) settled on the exchange, as the exchange's end of day reconciles and reports it
/// (<see cref="AuctionQueries.SettledAsync"/>).
/// </summary>
/// <param name="Id">The auction.</param>
/// <param name="Class">The unit class sold.</param>
/// <param name="ClearingPriceFen">The uniform clearing price, fen per tonne (null when nothing sold).</param>
/// <param name="SoldTonnes">What sold.</param>
/// <param name="SettledAt">When it settled.</param>
/// <param name="SettledBy">The regulator whose close requested the deliveries from the registry (the requests' sender).</param>
/// <param name="Awards">Each winning bid, by bid number.</param>
public sealed record SettledAuction(
    long Id, UnitClass Class, long? ClearingPriceFen, long SoldTonnes, DateTimeOffset SettledAt, string SettledBy, IReadOnlyList<SettledAward> Awards)
{
    /// <summary>How many organisations won.</summary>
    public int Winners => Awards.Select(a => a.OrganisationId).Distinct().Count();

    /// <summary>What the winners paid to the auction proceeds, fen.</summary>
    public long ProceedsFen => Awards.Sum(a => a.ValueFen);
}
