using OpenEts.Domain.Exchange;

namespace OpenEts.Domain.Tests.Exchange;

public sealed class OneWayAuctionClearingTests
{
    private static AuctionBidTerms Bid(long id, long priceFen, long quantity) => new(id, priceFen, quantity);

    [Fact]
    public void Clear_DemandAboveTheQuantity_HighestPricesWinAndTheMarginalBidIsFilledInPart()
    {
        // 1 000 t offered: 30.00 × 400 and 25.00 × 500 win in full (900 t); 20.00 × 300 is the margin and gets the 100 t left;
        // 18.00 × 200 loses. Uniform: every winner pays the lowest accepted price, 20.00.
        var result = OneWayAuctionClearing.Clear(1_000, AuctionPricing.Uniform,
            [Bid(1, 2_000, 300), Bid(2, 3_000, 400), Bid(3, 1_800, 200), Bid(4, 2_500, 500)]);

        Assert.Equal(2_000L, result.ClearingPriceFen);
        Assert.Equal([(1L, 100L, 2_000L), (2L, 400L, 2_000L), (3L, 0L, 0L), (4L, 500L, 2_000L)], result.Fills.Select(f => (f.BidId, f.Quantity, f.PriceFen)));
        Assert.Equal((1_000L, 0L), (result.Sold, result.Unsold));
    }

    [Fact]
    public void Clear_TwoBidsAtTheMarginalPrice_TheEarlierIsFilledFirst()
    {
        var result = OneWayAuctionClearing.Clear(500, AuctionPricing.Uniform, [Bid(7, 2_000, 400), Bid(5, 2_000, 400)]);

        Assert.Equal([(5L, 400L), (7L, 100L)], result.Fills.Select(f => (f.BidId, f.Quantity)));
    }

    [Fact]
    public void Clear_PayAsBid_EachWinnerPaysItsOwnPrice()
    {
        var result = OneWayAuctionClearing.Clear(600, AuctionPricing.PayAsBid, [Bid(1, 2_100, 400), Bid(2, 1_900, 400)]);

        Assert.Equal([(1L, 400L, 2_100L), (2L, 200L, 1_900L)], result.Fills.Select(f => (f.BidId, f.Quantity, f.PriceFen)));
        Assert.Equal(1_900L, result.ClearingPriceFen);
    }

    [Fact]
    public void Clear_DemandBelowTheQuantity_EveryBidWinsInFullAndTheRestIsUnsold()
    {
        var result = OneWayAuctionClearing.Clear(1_000, AuctionPricing.Uniform, [Bid(1, 2_200, 300), Bid(2, 2_100, 200)]);

        Assert.Equal((2_100L, 500L, 500L), (result.ClearingPriceFen!.Value, result.Sold, result.Unsold));
        Assert.All(result.Fills, f => Assert.Equal(2_100L, f.PriceFen));
    }

    [Fact]
    public void Clear_NoValidBid_ReserveNotMetNothingSells()
    {
        var result = OneWayAuctionClearing.Clear(1_000, AuctionPricing.Uniform, []);

        Assert.Equal(((long?)null, 0L, 1_000L), (result.ClearingPriceFen, result.Sold, result.Unsold));
    }
}
