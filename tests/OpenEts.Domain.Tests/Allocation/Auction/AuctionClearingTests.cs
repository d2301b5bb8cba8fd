using OpenEts.Domain.Allocation.Auction;
using OpenEts.Domain.Cash;

namespace OpenEts.Domain.Tests.Allocation.Auction;

public sealed class AuctionClearingTests
{
    private static readonly AuctionRules Rules = AuctionRules.Guangdong;
    private static readonly Yuan Reserve = Yuan.From(16.09m);

    private static SealedBid Bid(long id, long bidder, long tonnes, decimal price) => new(id, bidder, tonnes, Yuan.From(price));

    private static long Won(AuctionResult r, long bidId) => r.Awards.Single(a => a.BidId == bidId).Tonnes;

    [Fact]
    public void Clear_OversubscribedAtOneLevel_SharesTheMarginProRataAtItsPrice()
    {
        // 10 000 t: 4 000 @ 18.00 and 3 000 @ 17.50 win in full (7 000); 3 000 t are left for the 17.00 level of
        // 2 000 + 3 000 = 5 000 t, which gets 3 000 × 2/5 = 1 200 and 3 000 × 3/5 = 1 800. 16.50 loses.
        var result = AuctionClearing.Clear(Rules, 10_000, Reserve,
            [Bid(1, 101, 4_000, 18.00m), Bid(2, 102, 3_000, 17.50m), Bid(3, 103, 2_000, 17.00m), Bid(4, 104, 3_000, 17.00m), Bid(5, 105, 1_000, 16.50m)]);

        Assert.Equal(Yuan.From(17.00m), result.ClearingPrice);
        Assert.Equal([4_000L, 3_000, 1_200, 1_800, 0], result.Awards.Select(a => a.Tonnes));
        Assert.All(result.Awards.Where(a => a.Tonnes > 0), a => Assert.Equal(17.00m, a.Price.Value));
        Assert.Equal(170_000.00m, result.Proceeds.Value);
        Assert.Equal(0, result.UnsoldTonnes);
    }

    [Fact]
    public void Clear_EqualRemaindersAtTheMargin_GivesTheSpareTonneToTheEarliestBid()
    {
        // 1 000 t left for three bids of 1 000 t: 333 each, and the one spare tonne goes to the earliest (id 3).
        var result = AuctionClearing.Clear(Rules, 10_000, Reserve,
            [Bid(2, 102, 4_000, 19m), Bid(1, 101, 5_000, 20m), Bid(5, 105, 1_000, 18m), Bid(3, 103, 1_000, 18m), Bid(4, 104, 1_000, 18m)]);

        Assert.Equal(334, Won(result, 3));
        Assert.Equal(333, Won(result, 4));
        Assert.Equal(333, Won(result, 5));
        Assert.Equal(Yuan.From(18m), result.ClearingPrice);
    }

    [Fact]
    public void Clear_UnequalRemainders_GivesTheSpareTonneToTheLargestRemainder()
    {
        // 1 000 t left for 1 000 t (#3) and 2 000 t (#4): 333.33 and 666.67, so 333 + 667 — #4's remainder is larger.
        var result = AuctionClearing.Clear(Rules, 10_000, Reserve,
            [Bid(1, 101, 5_000, 20m), Bid(2, 102, 4_000, 19m), Bid(3, 103, 1_000, 18m), Bid(4, 104, 2_000, 18m)]);

        Assert.Equal(333, Won(result, 3));
        Assert.Equal(667, Won(result, 4));
    }

    [Fact]
    public void Clear_Undersubscribed_FillsEveryValidBidAtTheLowestAcceptedPrice()
    {
        // Guangdong 2016 year's 1st auction shape (§1.4a): 500 000 t, floor 9.37. Valid demand 150 000 t clears at the
        // lowest accepted bid, 9.88; 800 t (below 1 000 t) and 9.00 (below the floor) win nothing; 350 000 t unsold.
        var result = AuctionClearing.Clear(Rules, 500_000, Yuan.From(9.37m),
            [Bid(1, 101, 100_000, 9.88m), Bid(2, 102, 50_000, 10.20m), Bid(3, 103, 800, 12m), Bid(4, 104, 2_000, 9.00m)]);

        Assert.Equal(Yuan.From(9.88m), result.ClearingPrice);
        Assert.Equal([100_000L, 50_000, 0, 0], result.Awards.Select(a => a.Tonnes));
        Assert.Equal(350_000, result.UnsoldTonnes);
    }

    [Fact]
    public void Clear_NoValidBid_SellsNothingAndHasNoPrice()
    {
        var result = AuctionClearing.Clear(Rules, 10_000, Reserve, [Bid(1, 101, 1_000, 16.08m)]);

        Assert.Null(result.ClearingPrice);
        Assert.Equal(10_000, result.UnsoldTonnes);
    }

    [Fact]
    public void Clear_ABidderAboveHalfTheVolume_LaterBidWinsNothing()
    {
        // 10 000 t: one bidder's limit is 5 000 t; its second bid of 3 000 t would make 6 000 t.
        var result = AuctionClearing.Clear(Rules, 10_000, Reserve, [Bid(1, 101, 3_000, 20m), Bid(2, 101, 3_000, 25m)]);

        Assert.Equal(3_000, Won(result, 1));
        Assert.Equal(0, Won(result, 2));
    }

    [Theory]
    [InlineData(999, 17, 0, BidRejection.BelowMinimumBid)]
    [InlineData(1_000, 16.08, 0, BidRejection.BelowReservePrice)]
    [InlineData(2_000, 17, 4_000, BidRejection.BidderLimitExceeded)]
    public void Check_BidBreakingARule_NamesIt(long tonnes, double price, long soFar, BidRejection expected) =>
        Assert.Equal(expected, AuctionClearing.Check(Rules, 10_000, Reserve, soFar, Bid(1, 101, tonnes, (decimal)price)));

    [Fact]
    public void Check_BidAtTheLimitAndTheReserve_IsValid() =>
        Assert.Null(AuctionClearing.Check(Rules, 10_000, Reserve, 4_000, Bid(1, 101, 1_000, 16.09m)));
}
