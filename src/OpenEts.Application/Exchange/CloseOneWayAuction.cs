using OpenEts.Application.Cash;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Exchange;

/// <summary>
/// The exchange's staff close a one-way auction once its window has ended: the open bids are cleared
/// (<see cref="OneWayAuctionClearing"/>: price then time priority, the marginal bid filled in part); each winning bid
/// settles delivery versus payment by the exchange's one settlement path (<see cref="ExchangeWork.DeliverAsync(ListedInstrument, Delivery)"/>:
/// the units from the clearing account, the cash with fees from the bid's reservation); every bid's unused cash is released
/// and the unsold units go back to the seller. All in one transaction. Journalled as <c>exchange.auction.cleared</c>.
/// </summary>
/// <remarks>
/// The fills are not market prints (not in the trades, depth, K-lines or the closing price): no source says an auction's
/// result counts as a trade of the day (trading.md §5.1 counts only 挂牌协议 trades for the close) [UNCONFIRMED].
/// </remarks>
/// <param name="Auction">The auction number.</param>
public sealed record CloseOneWayAuction(long Auction) : IExchangeCommand
{
    /// <summary>The journal kind of a cleared auction.</summary>
    public const string Kind = "exchange.auction.cleared";

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => ExchangeRoles.Operator;

    /// <inheritdoc/>
    public async Task<ExchangeOutcome> RunAsync(ExchangeWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (await work.OperatorRefusalAsync().ConfigureAwait(false) is { } notOperator)
        {
            return notOperator;
        }
        var s = work.Session.Exchange;
        if (await s.FindAuctionAsync(Auction).ConfigureAwait(false) is not { } auction)
        {
            return new ExchangeOutcome.Refused(ExchangeRule.UnknownAuction, "auction", $"there is no auction {Auction}", RefusalKind.Conflict);
        }
        // A cleared auction is not changed again, so its last update is when it was cleared.
        if (auction.Status != OneWayAuctionStatus.Announced)
        {
            return ExchangeOutcome.Refused.Of(ExchangeRule.AuctionAlreadyClosed, "auction",
                $"auction {Auction} was already cleared at {auction.UpdatedAt.ToOffset(TradingCalendar.Beijing):yyyy-MM-dd HH:mm:ss} Beijing time",
                RefusalKind.Conflict);
        }
        if (work.Now < auction.Terms.Closes)
        {
            return ExchangeOutcome.Refused.Of(ExchangeRule.AuctionNotOver, "auction",
                $"auction {Auction} takes bids until {auction.Terms.Closes.ToOffset(TradingCalendar.Beijing):yyyy-MM-dd HH:mm:ss} Beijing time; it can be closed from then",
                RefusalKind.Conflict);
        }
        if (work.Book(auction.Instrument) is { IsHalted: true })
        {
            // A halt stops every trade of the instrument, its picks, block trades and bids alike: the auction clears once it resumes.
            return new ExchangeOutcome.Refused(ExchangeRule.InstrumentHalted, "auction",
                $"{auction.Instrument} is halted: auction {Auction} clears once the instrument resumes", RefusalKind.Conflict);
        }
        // After the day's end of day its trades and cash are reconciled and its close published: the auction settles on
        // the next trading day, whose end of day reconciles it, as every other trade.
        if (await work.DayClosedAsync(auction.Instrument).ConfigureAwait(false) is { } closed)
        {
            return closed;
        }
        return await ClearAsync(work, auction).ConfigureAwait(false);
    }

    /// <summary>
    /// Clears an announced auction whose window has ended and settles it, in <paramref name="work"/>'s transaction: the
    /// staff's close, and the end of day's for an auction the staff did not close. Journalled as <c>exchange.auction.cleared</c>.
    /// </summary>
    internal static async Task<ExchangeOutcome.Completed> ClearAsync(ExchangeWork work, OneWayAuction auction)
    {
        var s = work.Session.Exchange;
        var id = auction.Id;
        var listed = await s.FindInstrumentAsync(auction.Instrument).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"auction {id} names an unlisted instrument");
        var all = await s.AuctionBidsAsync(id).ConfigureAwait(false);
        var open = all.Where(b => b.Status == OneWayBidStatus.Open).ToArray();
        var result = OneWayAuctionClearing.Clear(auction.Terms.Quantity, auction.Terms.Pricing,
            [.. open.Select(b => new AuctionBidTerms(b.Id, b.PriceFen, b.Quantity))]);
        var fills = result.Fills.ToDictionary(f => f.BidId);
        var seller = await work.OrganisationOfAsync(auction.AccountId).ConfigureAwait(false);
        var settled = new Dictionary<long, OneWayBid>();
        foreach (var bid in open)
        {
            var fill = fills[bid.Id];
            var (_, bidder) = await work.OrganisationOfAsync(bid.AccountId).ConfigureAwait(false);
            var done = bid with { Status = fill.Quantity > 0 ? OneWayBidStatus.Won : OneWayBidStatus.Lost, UpdatedAt = work.Now };
            if (fill.Quantity > 0)
            {
                var value = fill.ValueFen;
                done = done with
                {
                    Won = fill.Quantity, PaidPriceFen = fill.PriceFen, BuyerFeeFen = work.Options.Fees.FeeFen(value, buyer: true),
                    SellerFeeFen = work.Options.Fees.FeeFen(value, buyer: false),
                };
                await work.DeliverAsync(listed, new Delivery(OneWayBid.Subject(bid.Id), bid.AccountId, bid.UserName, bid.ReservationId, auction.AccountId,
                    fill.Quantity, value, done.BuyerFeeFen, done.SellerFeeFen)).ConfigureAwait(false);
            }
            if (await work.Cash.ReleaseAsync(bidder, bid.ReservationId).ConfigureAwait(false) is CashResult.Refused released)
            {
                throw new InvalidOperationException($"bid {bid.Id}'s reservation could not be released: {released.Message}");
            }
            await s.SaveAuctionBidAsync(done).ConfigureAwait(false);
            settled[bid.Id] = done;
        }
        var subject = OneWayAuction.Subject(id);
        if (result.Unsold > 0)
        {
            var reference = subject + "/release";
            if (work.Registry(l => l.Clear(RegistryService.UserOf(auction.UserName), work.Now, ExchangeWork.Key($"{reference}"),
                work.Options.ClearingAccount, seller.Account.HoldingAccount, listed.Instrument.Class, result.Unsold, reference,
                ExchangeWork.Mandate(seller.Account))) is RegistryOutcome.Rejected r)
            {
                throw new InvalidOperationException($"{subject}'s unsold units could not go back: {r.Reason}: {r.Message}");
            }
        }
        var cleared = auction with { Status = OneWayAuctionStatus.Cleared, ClearingPriceFen = result.ClearingPriceFen, Sold = result.Sold, UpdatedAt = work.Now };
        await s.SaveAuctionAsync(cleared).ConfigureAwait(false);
        await work.JournalAsync(Kind, subject, new
        {
            auction = id, instrument = auction.Instrument, clearingPrice = result.ClearingPriceFen, sold = result.Sold, unsold = result.Unsold,
            fills = settled.Values.Where(b => b.Won > 0).Select(b => new
            {
                bid = b.Id, account = b.AccountId, quantity = b.Won, price = b.PaidPriceFen, buyerFee = b.BuyerFeeFen, sellerFee = b.SellerFeeFen,
            }),
        }).ConfigureAwait(false);
        return new ExchangeOutcome.Completed(Kind, subject, false, null, [], Auction: cleared,
            AuctionBids: [.. all.Select(b => settled.GetValueOrDefault(b.Id, b))]);
    }
}
