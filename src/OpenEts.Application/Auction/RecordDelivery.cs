using OpenEts.Application.Cash;
using OpenEts.Domain.Identity;

namespace OpenEts.Application.Auction;

/// <summary>
/// The last step of closing an auction: records which winning bids' allowances are now in their holding accounts and,
/// once all are, marks the auction settled (journalled as <c>auction.settled</c>).
/// </summary>
internal sealed record RecordDelivery(long Auction, IReadOnlyList<long> DeliveredBids) : ICashCommand
{
    public IReadOnlyList<Role> Roles => AuctionRoles.Regulator;

    public async Task<CashCommandOutcome> RunAsync(CashWork work)
    {
        var s = work.Session;
        var auction = await s.Auctions.FindAuctionAsync(Auction).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"auction {Auction} vanished while closing");
        if (auction.Status == AuctionStatus.Settled)
        {
            return new CashCommandOutcome.Completed("auction.settled", auction.Id, Duplicate: true);
        }
        var bids = await s.Auctions.BidsAsync(Auction).ConfigureAwait(false);
        var delivered = DeliveredBids.ToHashSet();
        var changed = bids.Where(b => !b.Delivered && delivered.Contains(b.Id)).Select(b => b with { Delivered = true }).ToList();
        await s.Auctions.UpdateBidsAsync(changed).ConfigureAwait(false);
        if (bids.Any(b => !b.Delivered && !delivered.Contains(b.Id)))
        {
            return new CashCommandOutcome.Completed("auction.cleared", auction.Id, Duplicate: false);
        }
        await s.Auctions.UpdateAuctionAsync(auction with { Status = AuctionStatus.Settled, SettledAt = work.Now }).ConfigureAwait(false);
        await s.Journal.AppendAsync(work.Now, work.Actor.UserName, "auction.settled", AuctionService.Subject(auction.Id), Json.Serialize(new
        {
            auction = auction.Id, delivered = bids.Where(b => b.Awarded > 0).Sum(b => b.Awarded), @class = auction.Class.ToString(),
        })).ConfigureAwait(false);
        return new CashCommandOutcome.Completed("auction.settled", auction.Id, Duplicate: false);
    }
}
