using OpenEts.Application.Identity;

namespace OpenEts.Application.Exchange;

// One-way auctions (单向竞价): who sees what.
public sealed partial class ExchangeQueries
{
    /// <summary>How many of the latest auctions <see cref="AuctionsWithBidsAsync"/> reads with their bids.</summary>
    public const int AuctionsWithBidsShown = 20;

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
    /// every bid; the seller every bid once the auction is cleared; a bidder its own organisation's bids. A member's traders
    /// see as their own what the member's clients (客户) sold and bid.
    /// </summary>
    public async Task<(OneWayAuction Auction, IReadOnlyList<OneWayBid> Bids)?> AuctionAsync(Actor actor, long id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!await SeesAuctionsAsync(actor, ct).ConfigureAwait(false))
        {
            return null;
        }
        var own = await OwnAccountsAsync(actor, ct).ConfigureAwait(false);
        return await store.ReadAsync<(OneWayAuction, IReadOnlyList<OneWayBid>)?>(async s =>
        {
            if (await s.Exchange.FindAuctionAsync(id).ConfigureAwait(false) is not { } auction)
            {
                return null;
            }
            return (auction, Visible(actor, own, auction, await s.Exchange.AuctionBidsAsync(id).ConfigureAwait(false)));
        }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The latest <see cref="AuctionsWithBidsShown"/> one-way auctions, newest first, each with the bids the actor may see
    /// (as <see cref="AuctionAsync"/>), read at once: empty for anyone who sees no auctions.
    /// </summary>
    public async Task<IReadOnlyList<(OneWayAuction Auction, IReadOnlyList<OneWayBid> Bids)>> AuctionsWithBidsAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!await SeesAuctionsAsync(actor, ct).ConfigureAwait(false))
        {
            return [];
        }
        var own = await OwnAccountsAsync(actor, ct).ConfigureAwait(false);
        var found = await store.ReadAsync(s => s.Exchange.AuctionsWithBidsAsync(AuctionsWithBidsShown), ct).ConfigureAwait(false);
        return [.. found.Select(f => (f.Auction, Visible(actor, own, f.Auction, f.Bids)))];
    }

    // The supervisors see every bid; the seller every bid once the auction is cleared; a bidder its own bids — "own" being
    // the actor's organisation's trading account and, for a member's traders, its clients'.
    private static IReadOnlyList<OneWayBid> Visible(Actor actor, IReadOnlySet<long> own, OneWayAuction auction, IReadOnlyList<OneWayBid> bids) =>
        ExchangeRoles.Supervisors.Contains(actor.Role) && own.Count == 0 || (own.Contains(auction.AccountId) && auction.Status == OneWayAuctionStatus.Cleared)
            ? bids
            : [.. bids.Where(b => own.Contains(b.AccountId))];

    // The trading accounts the actor reads as its own: its organisation's and, for a member's traders, the member's clients'.
    private async Task<IReadOnlySet<long>> OwnAccountsAsync(Actor actor, CancellationToken ct)
    {
        if (await AccountAsync(actor, ct).ConfigureAwait(false) is not { } account)
        {
            return new HashSet<long>();
        }
        var own = new HashSet<long> { account.Id };
        if (!account.IsClient)
        {
            own.UnionWith((await ClientsAsync(actor, ct).ConfigureAwait(false)).Select(c => c.Account.Id));
        }
        return own;
    }

    private async Task<bool> SeesAuctionsAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return await AccountAsync(actor, ct).ConfigureAwait(false) is not null || await OverseesAsync(actor, ct).ConfigureAwait(false);
    }
}
