using System.Globalization;
using OpenEts.Application.Cash;
using OpenEts.Application.Exchange;
using OpenEts.Application.Registry;
using OpenEts.Domain.Allocation.Auction;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Auction;

/// <summary>
/// Closing an allowance auction (有偿发放) as one exchange command (<see cref="ExchangeService.HandleAsync"/>), in the
/// exchange's ONE write transaction over the cash ledger and the registry: the sealed bids are cleared by the allocation's
/// own rules (<see cref="AuctionClearing"/>: uniform price, pro rata at the margin, the bidder cap), and each award settles
/// delivery versus payment by the exchange's settlement path (<see cref="ExchangeWork.DeliverIssuanceAsync"/>): the bid's
/// reservation pays won tonnes × the clearing price to the auction proceeds (<c>auction/{id}/bid/{bid}/pay</c>, no fee),
/// and the registry allocates the units from its issuance account to the bid's holding account (key
/// <c>auction/{id}/bid/{bid}</c>). Every reservation's rest is released, the awards stored, the auction settled;
/// journalled as <c>auction.cleared</c> and <c>auction.settled</c>. All or nothing: when the registry refuses one award
/// (too few units issued, a closed account) the whole close rolls back (<see cref="ExchangeRule.DeliveryRefused"/> naming
/// the bid), and <see cref="AuctionService.CloseAsync"/> then fails the auction (<see cref="FailAuction"/>).
/// </summary>
/// <remarks>
/// An auction left <see cref="AuctionStatus.Cleared"/> by the earlier two-step close (paid, some awards owed) is finished:
/// its undelivered awards are delivered with the same keys, so none is delivered twice, and nothing is paid again.
/// </remarks>
internal sealed record SettleAuction(long Auction) : IExchangeCommand
{
    /// <summary>The journal kind of a settled auction; its actor is who requested the deliveries from the registry.</summary>
    public const string Kind = "auction.settled";

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => AuctionRoles.Regulator;

    /// <summary>A bid's reference in both ledgers: <c>auction/3/bid/7</c> (the registry's request key; the payment's key adds <c>/pay</c>).</summary>
    public static string BidReference(long auction, long bid) => string.Create(CultureInfo.InvariantCulture, $"{AuctionService.Subject(auction)}/bid/{bid}");

    /// <inheritdoc/>
    public async Task<ExchangeOutcome> RunAsync(ExchangeWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var s = work.Session;
        if (await s.Auctions.FindAuctionAsync(Auction).ConfigureAwait(false) is not { } auction)
        {
            return new ExchangeOutcome.Refused(ExchangeRule.UnknownAuction, "auction", $"there is no auction {Auction}", RefusalKind.Conflict);
        }
        var subject = AuctionService.Subject(auction.Id);
        if (auction.Status == AuctionStatus.Settled)
        {
            return new ExchangeOutcome.Completed(Kind, subject, true, null, []);
        }
        if (auction.Status == AuctionStatus.Failed)
        {
            return new ExchangeOutcome.Completed(FailAuction.Kind, subject, true, null, []);
        }
        if (auction.Status == AuctionStatus.Withdrawn)
        {
            return ExchangeOutcome.Refused.Of(ExchangeRule.AuctionWithdrawn, "auction",
                $"auction {auction.Id} was withdrawn by the regulator before its close: it takes no bid and is not closed", RefusalKind.Conflict);
        }
        if (auction.Status == AuctionStatus.Open && work.Now < auction.ClosesAt)
        {
            return ExchangeOutcome.Refused.Of(ExchangeRule.AuctionNotOver, "auction",
                $"auction {auction.Id} takes bids until {auction.ClosesAt.ToOffset(TradingCalendar.Beijing):yyyy-MM-dd HH:mm:ss} Beijing time; it can be closed from then",
                RefusalKind.Conflict);
        }
        var bids = await s.Auctions.BidsAsync(auction.Id).ConfigureAwait(false);
        var (settled, updated) = auction.Status == AuctionStatus.Open
            ? await ClearAsync(work, auction, bids).ConfigureAwait(false)
            : (auction with { Status = AuctionStatus.Settled, SettledAt = work.Now }, await FinishAsync(work, auction, bids).ConfigureAwait(false));
        await s.Auctions.UpdateBidsAsync(updated).ConfigureAwait(false);
        await s.Auctions.UpdateAuctionAsync(settled).ConfigureAwait(false);
        var won = bids.Where(b => b.Awarded > 0 || updated.Any(u => u.Id == b.Id && u.Awarded > 0))
            .Select(b => updated.FirstOrDefault(u => u.Id == b.Id) ?? b).ToList();
        await work.JournalAsync(Kind, subject, new
        {
            auction = auction.Id, delivered = won.Sum(b => b.Awarded), @class = auction.Class.ToString(), clearingPrice = settled.ClearingPrice?.Value,
            bids = won.Select(b => new { bid = b.Id, account = b.Account.Value, tonnes = b.Awarded }),
        }).ConfigureAwait(false);
        return new ExchangeOutcome.Completed(Kind, subject, false, null, []);
    }

    // Clears the open auction and settles every award delivery versus payment; every bid's reservation is then released.
    private static async Task<(AuctionRecord, List<AuctionBid>)> ClearAsync(ExchangeWork work, AuctionRecord auction, IReadOnlyList<AuctionBid> bids)
    {
        var result = AuctionClearing.Clear(auction.Rules, auction.VolumeTonnes, auction.Reserve,
            [.. bids.Select(b => new SealedBid(b.Id, b.OrganisationId, b.Tonnes, b.Price))]);
        var awards = result.Awards.ToDictionary(a => a.BidId);
        var bidders = new Dictionary<long, Organisation>();
        var updated = new List<AuctionBid>(bids.Count);
        foreach (var bid in bids)
        {
            if (!bidders.TryGetValue(bid.OrganisationId, out var bidder))
            {
                bidder = await work.Session.Organisations.FindByIdAsync(bid.OrganisationId).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"bid {bid.Id} names a missing organisation");
                bidders[bid.OrganisationId] = bidder;
            }
            var award = awards[bid.Id];
            if (award.Tonnes > 0)
            {
                var refused = await work.DeliverIssuanceAsync(new IssuanceDelivery(BidReference(auction.Id, bid.Id), bidder, bid.Account, bid.ReservationId,
                    CashAccountKind.AuctionProceeds, auction.Class, award.Tonnes, award.Cost.Fen)).ConfigureAwait(false);
                if (refused is not null)
                {
                    throw Refusal(bid, award.Tonnes, refused);
                }
            }
            if (await work.Cash.ReleaseAsync(bidder, bid.ReservationId).ConfigureAwait(false) is CashResult.Refused released)
            {
                throw new InvalidOperationException($"bid {bid.Id}'s reservation could not be released: {released.Message}");
            }
            updated.Add(bid with { Awarded = award.Tonnes, Delivered = true });
        }
        await work.JournalAsync("auction.cleared", AuctionService.Subject(auction.Id), new
        {
            auction = auction.Id, clearingPrice = result.ClearingPrice?.Value, sold = result.SoldTonnes, unsold = result.UnsoldTonnes,
            bids = bids.Count, winners = result.Awards.Where(a => a.Tonnes > 0).Select(a => a.BidderId).Distinct().Count(),
            proceeds = result.Proceeds.Value,
        }).ConfigureAwait(false);
        return (auction with
        {
            Status = AuctionStatus.Settled, ClearingPrice = result.ClearingPrice, SoldTonnes = result.SoldTonnes, ClearedAt = work.Now, SettledAt = work.Now,
        }, updated);
    }

    // An auction cleared and paid by the earlier two-step close: its awards still owed are delivered, nothing is paid again.
    private static Task<List<AuctionBid>> FinishAsync(ExchangeWork work, AuctionRecord auction, IReadOnlyList<AuctionBid> bids)
    {
        var updated = new List<AuctionBid>();
        foreach (var bid in bids.Where(b => !b.Delivered))
        {
            if (bid.Awarded is long tonnes and > 0
                && work.DeliverFromIssuance(BidReference(auction.Id, bid.Id), bid.Account, auction.Class, tonnes) is { } refused)
            {
                throw Refusal(bid, tonnes, refused);
            }
            updated.Add(bid with { Delivered = true });
        }
        return Task.FromResult(updated);
    }

    private static ExchangeRefusalException Refusal(AuctionBid bid, long tonnes, RegistryOutcome.Rejected refused) =>
        new(new ExchangeOutcome.Refused(ExchangeRule.DeliveryRefused, "auction", string.Create(CultureInfo.InvariantCulture,
            $"bid {bid.Id}: the registry refused to deliver {tonnes} t to {bid.Account}: {refused.Message}; nothing of the close moved"),
            RefusalKind.Conflict));
}
