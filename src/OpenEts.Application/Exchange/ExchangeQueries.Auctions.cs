using OpenEts.Application.Identity;

namespace OpenEts.Application.Exchange;

// One-way auctions (单向竞价): who sees what.
public sealed partial class ExchangeQueries
{
    /// <summary>
    /// The latest one-way auctions, newest first: their terms and, once cleared, the clearing price and what sold, for every
    /// member with a trading account and for the supervisors (empty for anyone else).
    /// </summary>
    public async Task<IReadOnlyList<OneWayAuction>> AuctionsAsync(Actor actor, CancellationToken ct) =>
        await SeesAuctionsAsync(actor, ct).ConfigureAwait(false)
            ? await store.ReadAsync(s => s.Exchange.AuctionsAsync(ListLimit), ct).ConfigureAwait(false)
            : [];

    /// <summary>
    /// One auction and the bids the actor may see, or null (no such auction, or the actor sees none): the supervisors see
    /// every bid; the seller every bid once the auction is cleared; a bidder its own organisation's bids.
    /// </summary>
    public async Task<(OneWayAuction Auction, IReadOnlyList<OneWayBid> Bids)?> AuctionAsync(Actor actor, long id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!await SeesAuctionsAsync(actor, ct).ConfigureAwait(false))
        {
            return null;
        }
        var account = await AccountAsync(actor, ct).ConfigureAwait(false);
        return await store.ReadAsync<(OneWayAuction, IReadOnlyList<OneWayBid>)?>(async s =>
        {
            if (await s.Exchange.FindAuctionAsync(id).ConfigureAwait(false) is not { } auction)
            {
                return null;
            }
            var bids = await s.Exchange.AuctionBidsAsync(id).ConfigureAwait(false);
            var all = ExchangeRoles.Supervisors.Contains(actor.Role) && account is null
                || (auction.AccountId == account?.Id && auction.Status == OneWayAuctionStatus.Cleared);
            return (auction, all ? bids : [.. bids.Where(b => b.AccountId == account?.Id)]);
        }, ct).ConfigureAwait(false);
    }

    private async Task<bool> SeesAuctionsAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return ExchangeRoles.Supervisors.Contains(actor.Role) || await AccountAsync(actor, ct).ConfigureAwait(false) is not null;
    }
}
