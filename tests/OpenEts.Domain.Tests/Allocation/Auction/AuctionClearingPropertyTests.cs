using FsCheck;
using FsCheck.Fluent;
using OpenEts.Domain.Allocation.Auction;
using OpenEts.Domain.Cash;

namespace OpenEts.Domain.Tests.Allocation.Auction;

public sealed class AuctionClearingPropertyTests
{
    private static readonly Yuan Reserve = Yuan.From(16.09m);

    // Random auctions: a volume, up to 60 bids from 8 bidders, few price levels (so margins are crowded), tonnes around
    // the minimum and the limit (so many bids are invalid).
    private static void Check(Action<long, SealedBid[], AuctionResult> property) =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(
            Arb.From(Gen.Choose(0, int.MaxValue - 1).ArrayOf()), (int[] seeds) =>
            {
                var r = new Random(seeds.Length == 0 ? 7 : seeds[0]);
                var volume = r.Next(1, 20) * 1_000L + r.Next(0, 999);
                var bids = new SealedBid[r.Next(0, 60)];
                for (var i = 0; i < bids.Length; i++)
                {
                    bids[i] = new SealedBid(i + 1, r.Next(8), r.Next(500, 6_000), Yuan.FromFen(1_580 + (r.Next(8) * 10)));
                }
                property(volume, bids, AuctionClearing.Clear(AuctionRules.Guangdong, volume, Reserve, bids));
            }));

    [Fact]
    public void Clear_AnyBids_NeverSellsMoreThanTheVolume() =>
        Check((volume, _, result) =>
        {
            Assert.Equal(result.SoldTonnes, result.Awards.Sum(a => a.Tonnes));
            Assert.True(result.SoldTonnes <= volume);
            Assert.Equal(volume, result.SoldTonnes + result.UnsoldTonnes);
        });

    [Fact]
    public void Clear_AnyBids_NoBidderWinsMoreThanItsLimitNorABidMoreThanItAsked() =>
        Check((volume, bids, result) =>
        {
            var limit = AuctionRules.Guangdong.BidderLimitTonnes(volume);
            Assert.All(result.Awards.GroupBy(a => a.BidderId), g => Assert.True(g.Sum(a => a.Tonnes) <= limit));
            Assert.All(result.Awards, a => Assert.True(a.Tonnes <= bids.Single(b => b.Id == a.BidId).Tonnes));
        });

    [Fact]
    public void Clear_AnyBids_EveryWinnerPaysOneClearingPriceAtOrAboveTheReserveAndItsBid() =>
        Check((_, bids, result) =>
        {
            var winners = result.Awards.Where(a => a.Tonnes > 0).ToList();
            if (winners.Count == 0)
            {
                return;
            }
            var price = Assert.NotNull(result.ClearingPrice);
            Assert.True(price >= Reserve);
            Assert.All(winners, a => Assert.Equal(price, a.Price));
            Assert.All(winners, a => Assert.True(bids.Single(b => b.Id == a.BidId).Price >= price));
        });

    [Fact]
    public void Clear_AnyBids_ABidAboveTheClearingPriceIsFilledUnlessInvalid() =>
        Check((volume, bids, result) =>
        {
            var perBidder = new Dictionary<long, long>();
            foreach (var bid in bids.OrderBy(b => b.Id))
            {
                var soFar = perBidder.GetValueOrDefault(bid.BidderId);
                if (AuctionClearing.Check(AuctionRules.Guangdong, volume, Reserve, soFar, bid) is not null)
                {
                    Assert.Equal(0, result.Awards.Single(a => a.BidId == bid.Id).Tonnes);
                    continue;
                }
                perBidder[bid.BidderId] = soFar + bid.Tonnes;
                if (result.ClearingPrice is not { } p || bid.Price > p || result.UnsoldTonnes > 0)
                {
                    Assert.Equal(bid.Tonnes, result.Awards.Single(a => a.BidId == bid.Id).Tonnes);
                }
            }
        });
}
