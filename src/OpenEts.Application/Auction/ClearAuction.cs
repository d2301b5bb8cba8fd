using OpenEts.Application.Cash;
using OpenEts.Application.Registry;
using OpenEts.Domain.Allocation.Auction;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Auction;

/// <summary>
/// The first step of closing an auction, in one transaction: clear the sealed bids (<see cref="AuctionClearing"/>), pay
/// each winner's cost (won tonnes × the clearing price) from its bid's reservation to the auction proceeds and free the
/// rest, free every losing bid's reservation, store the awards and mark the auction cleared, journalled as
/// <c>auction.cleared</c>. An auction already cleared is left as it is (a re-run of a close goes on to delivery).
/// </summary>
internal sealed record ClearAuction(long Auction) : ICashCommand
{
    public IReadOnlyList<Role> Roles => AuctionRoles.Regulator;

    public async Task<CashCommandOutcome> RunAsync(CashWork work)
    {
        var s = work.Session;
        if (await s.Auctions.FindAuctionAsync(Auction).ConfigureAwait(false) is not { } auction)
        {
            return new CashCommandOutcome.NotFound("auction");
        }
        if (auction.Status != AuctionStatus.Open)
        {
            return new CashCommandOutcome.Completed("auction.cleared", auction.Id, Duplicate: true);
        }
        if (work.Now < auction.ClosesAt)
        {
            return new CashCommandOutcome.Refused("BiddingNotOver", "auction",
                $"auction {auction.Id} takes bids until {auction.ClosesAt:u}; it can be closed from then", RefusalKind.Conflict);
        }
        var bids = await s.Auctions.BidsAsync(auction.Id).ConfigureAwait(false);
        var result = AuctionClearing.Clear(auction.Rules, auction.VolumeTonnes, auction.Reserve,
            [.. bids.Select(b => new SealedBid(b.Id, b.OrganisationId, b.Tonnes, b.Price))]);
        var awards = result.Awards.ToDictionary(a => a.BidId);
        var bidders = new Dictionary<long, Organisation>();
        var updated = new List<AuctionBid>(bids.Count);
        foreach (var bid in bids)
        {
            if (!bidders.TryGetValue(bid.OrganisationId, out var bidder))
            {
                bidder = await s.Organisations.FindByIdAsync(bid.OrganisationId).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"bid {bid.Id} names a missing organisation");
                bidders[bid.OrganisationId] = bidder;
            }
            var award = awards[bid.Id];
            var paid = await work.Ledger.SettleAsync(bidder, bid.ReservationId, CashAccountKind.AuctionProceeds, award.Cost,
                IdempotencyKey.From($"{AuctionService.Subject(auction.Id)}/bid/{bid.Id}/pay")).ConfigureAwait(false);
            if (paid is CashResult.Refused refused)
            {
                throw new InvalidOperationException($"bid {bid.Id}'s reservation could not settle: {refused.Message}");
            }
            updated.Add(bid with { Awarded = award.Tonnes, Delivered = award.Tonnes == 0 });
        }
        await s.Auctions.UpdateBidsAsync(updated).ConfigureAwait(false);
        var cleared = auction with
        {
            Status = result.SoldTonnes == 0 ? AuctionStatus.Settled : AuctionStatus.Cleared,
            ClearingPrice = result.ClearingPrice,
            SoldTonnes = result.SoldTonnes,
            ClearedAt = work.Now,
            SettledAt = result.SoldTonnes == 0 ? work.Now : null,
        };
        await s.Auctions.UpdateAuctionAsync(cleared).ConfigureAwait(false);
        await s.Journal.AppendAsync(work.Now, work.Actor.UserName, "auction.cleared", AuctionService.Subject(auction.Id), Json.Serialize(new
        {
            auction = auction.Id, clearingPrice = result.ClearingPrice?.Value, sold = result.SoldTonnes, unsold = result.UnsoldTonnes,
            bids = bids.Count, winners = result.Awards.Where(a => a.Tonnes > 0).Select(a => a.BidderId).Distinct().Count(),
            proceeds = result.Proceeds.Value,
        })).ConfigureAwait(false);
        return new CashCommandOutcome.Completed("auction.cleared", auction.Id, Duplicate: false);
    }
}
