using OpenEts.Domain.Cash;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Auction;

/// <summary>One sealed bid as stored.</summary>
/// <param name="Id">Its id (0 before it is stored); a smaller id is an earlier bid.</param>
/// <param name="AuctionId">The auction.</param>
/// <param name="OrganisationId">The bidding organisation.</param>
/// <param name="Account">The registry holding account the allowances go to.</param>
/// <param name="Tonnes">How many it asks for.</param>
/// <param name="Price">The most it pays per tonne.</param>
/// <param name="ReservationId">The cash reservation holding tonnes × price.</param>
/// <param name="PlacedAt">When.</param>
/// <param name="PlacedBy">Who placed it (user name).</param>
public sealed record AuctionBid(
    long Id, long AuctionId, long OrganisationId, AccountNumber Account, long Tonnes, Yuan Price, long ReservationId,
    DateTimeOffset PlacedAt, string PlacedBy)
{
    /// <summary>What it won, once cleared.</summary>
    public long? Awarded { get; init; }

    /// <summary>True once the award is in the holding account (or nothing was won).</summary>
    public bool Delivered { get; init; }

    /// <summary>The idempotency key it was placed with.</summary>
    public string Key { get; init; } = "";

    /// <summary>What the bid holds in cash: tonnes × price.</summary>
    public Yuan Held => Yuan.Times(Price, Tonnes);
}
