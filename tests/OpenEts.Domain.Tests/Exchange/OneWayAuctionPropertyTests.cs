using FsCheck;
using FsCheck.Fluent;
using OpenEts.Domain.Exchange;

namespace OpenEts.Domain.Tests.Exchange;

/// <summary>
/// Random one-way auctions cleared and settled as the exchange settles them (value and fees from each bid's reservation of
/// price × quantity + the maximum fee, the rest released; unsold units back to the seller): units and cash are conserved,
/// no bid pays more than it reserved, and no bid ranked below a loser wins.
/// </summary>
public sealed class OneWayAuctionPropertyTests
{
    private static readonly Arbitrary<int[]> Seeds = Arb.From(Gen.Choose(0, int.MaxValue - 1).ArrayOf());

    [Fact]
    public void Clear_RandomBids_ConservesUnitsAndCash() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), Prop.ForAll(Seeds, (int[] seeds) =>
        {
            var r = new Random(seeds.Aggregate(17, (h, s) => unchecked((h * 31) + s)));
            var fees = FeeSchedule.Demo;
            var quantity = r.Next(1, 5_000);
            var pricing = r.Next(2) == 0 ? AuctionPricing.Uniform : AuctionPricing.PayAsBid;
            var bids = Enumerable.Range(1, seeds.Length).Select(i => new AuctionBidTerms(i, r.Next(1_500, 1_520), r.Next(1, 2_000))).ToArray();

            var result = OneWayAuctionClearing.Clear(quantity, pricing, bids);

            var reserved = bids.Sum(b => checked((b.PriceFen * b.Quantity) + fees.MaxFeeFen(b.PriceFen * b.Quantity)));
            long paid = 0, buyerFees = 0, released = 0;
            foreach (var (bid, fill) in bids.Zip(result.Fills))
            {
                Assert.Equal(bid.Id, fill.BidId);
                Assert.InRange(fill.Quantity, 0, bid.Quantity);
                Assert.True(fill.Quantity == 0 || fill.PriceFen <= bid.PriceFen, "a winner pays at most its own price");
                var hold = (bid.PriceFen * bid.Quantity) + fees.MaxFeeFen(bid.PriceFen * bid.Quantity);
                var fee = fill.Quantity == 0 ? 0 : fees.FeeFen(fill.ValueFen, buyer: true);
                Assert.True(fill.ValueFen + fee <= hold, "a winner's value and fee fit in its reservation");
                paid += fill.ValueFen;
                buyerFees += fee;
                released += hold - fill.ValueFen - fee;
            }
            Assert.Equal(reserved, paid + buyerFees + released);
            Assert.Equal(quantity, result.Sold + result.Unsold);
            Assert.Equal(result.Sold, result.Fills.Sum(f => f.Quantity));
            var losers = bids.Where(b => result.Fills.Single(f => f.BidId == b.Id).Quantity == 0).ToArray();
            Assert.DoesNotContain(bids, b => result.Fills.Single(f => f.BidId == b.Id).Quantity > 0
                && losers.Any(l => l.PriceFen > b.PriceFen || (l.PriceFen == b.PriceFen && l.Id < b.Id)));
        }));
}
