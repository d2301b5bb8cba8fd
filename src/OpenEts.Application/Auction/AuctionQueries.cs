using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Identity;

namespace OpenEts.Application.Auction;

/// <summary>
/// Reads auctions with one rule for who sees what: announcements and published results are public; a bidder sees its
/// own bids; the regulator and the auditor see every bid only once the auction is cleared (bids are sealed until then).
/// </summary>
public sealed class AuctionQueries(IStore store)
{
    /// <summary>Every auction, newest first (public).</summary>
    public Task<IReadOnlyList<AuctionRecord>> ListAsync(CancellationToken ct) =>
        store.ReadAsync(s => s.Auctions.ListAuctionsAsync(), ct);

    /// <summary>One auction as <paramref name="actor"/> (null: an anonymous reader) may see it, or null when there is none.</summary>
    public Task<AuctionDetail?> DetailAsync(Actor? actor, long id, CancellationToken ct) =>
        store.ReadAsync(async s =>
        {
            if (await s.Auctions.FindAuctionAsync(id).ConfigureAwait(false) is not { } auction)
            {
                return null;
            }
            var bids = await s.Auctions.BidsAsync(id).ConfigureAwait(false);
            var cleared = auction.Status != AuctionStatus.Open;
            var own = actor?.OrganisationId is { } org ? bids.Where(b => b.OrganisationId == org).ToList() : [];
            var all = cleared && actor?.Role is Role.Regulator or Role.Auditor ? bids : [];
            var results = cleared
                ? new AuctionResults(auction.ClearingPrice?.Value, auction.SoldTonnes ?? 0, auction.VolumeTonnes - (auction.SoldTonnes ?? 0),
                    bids.Select(b => b.OrganisationId).Distinct().Count(),
                    bids.Where(b => b.Awarded > 0).Select(b => b.OrganisationId).Distinct().Count(),
                    bids.Where(b => b.Awarded > 0).Sum(b => Yuan.Times(auction.ClearingPrice ?? Yuan.Zero, b.Awarded!.Value).Value),
                    auction.Status == AuctionStatus.Settled)
                : null;
            return (AuctionDetail?)new AuctionDetail(auction, results, own, all);
        }, ct);
}
