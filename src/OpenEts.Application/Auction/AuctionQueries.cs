using System.Globalization;
using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Domain.Allocation.Auction;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Auction;

/// <summary>
/// Reads auctions with one rule for who sees what: announcements and published results are public; a bidder sees its
/// own bids; the regulator and the auditor see every bid only once the auction is cleared (bids are sealed until then).
/// </summary>
public sealed class AuctionQueries(IStore store)
{
    /// <summary>Every auction, newest first (public).</summary>
    /// <summary>
    /// The months an announcement made at <paramref name="now"/> gives figures for under the shipped rules (the three
    /// calendar months before the notice's month in Beijing, oldest first, as <c>yyyy-MM</c>): the announcement form's
    /// defaults. An approved plan whose rule averages another number of months says so when the form is sent.
    /// </summary>
    public static IReadOnlyList<string> NoticeMonths(DateTimeOffset now) =>
        [.. ReservePriceRule.GuangdongListedAverage.MonthsBefore(BeijingTime.TradingDay(now))
            .Select(m => m.ToString("yyyy-MM", CultureInfo.InvariantCulture))];

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
            var cleared = auction.Status is not (AuctionStatus.Open or AuctionStatus.Withdrawn);
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

    /// <summary>
    /// What the auctions still open offer of <paramref name="unitClass"/>, read in <paramref name="s"/>'s transaction: the
    /// tonnes of the issuance account their winners are allocated from at the close, so spoken for until then (an
    /// announcement, and an allocation run that draws on the issuance account, leave them there).
    /// </summary>
    public static async Task<long> OfferedAsync(IStoreSession s, UnitClass unitClass)
    {
        ArgumentNullException.ThrowIfNull(s);
        return (await s.Auctions.ListAuctionsAsync().ConfigureAwait(false))
            .Where(a => a.Status == AuctionStatus.Open && a.Class == unitClass).Sum(a => a.VolumeTonnes);
    }

    /// <summary>
    /// The allowance auctions settled from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive) that
    /// sold something, with their winning bids, read in <paramref name="s"/>'s transaction: the exchange's end of day
    /// reconciles and reports them through this query, never the auction tables.
    /// </summary>
    public static async Task<IReadOnlyList<SettledAuction>> SettledAsync(IStoreSession s, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(s);
        var found = new List<SettledAuction>();
        var auctions = (await s.Auctions.ListAuctionsAsync().ConfigureAwait(false))
            .Where(a => a.Status == AuctionStatus.Settled && a.SettledAt >= from && a.SettledAt < to && a.SoldTonnes > 0).OrderBy(a => a.Id);
        foreach (var auction in auctions)
        {
            var price = auction.ClearingPrice ?? Yuan.Zero;
            var awards = (await s.Auctions.BidsAsync(auction.Id).ConfigureAwait(false)).Where(b => b.Awarded > 0)
                .Select(b => new SettledAward(b.Id, SettleAuction.BidReference(auction.Id, b.Id), b.OrganisationId, b.Account, b.Awarded!.Value,
                    Yuan.Times(price, b.Awarded.Value).Fen))
                .ToList();
            var entries = await s.Journal.PageAsync(new JournalFilter(AuctionService.Subject(auction.Id), KindPrefix: SettleAuction.Kind), 0, 1)
                .ConfigureAwait(false);
            var settledBy = entries.Count > 0 ? entries[0].Actor : auction.AnnouncedBy;
            found.Add(new SettledAuction(auction.Id, auction.Class, auction.ClearingPrice?.Fen, auction.SoldTonnes ?? 0, auction.SettledAt!.Value, settledBy,
                awards));
        }
        return found;
    }
}
