using System.Text.Json;
using OpenEts.Domain.Allocation.Auction;

namespace OpenEts.Domain.Tests.Allocation.Auction;

public sealed class AuctionRulesTests
{
    private static readonly JsonSerializerOptions CamelCase = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Deserialize_PlanAuctionSection_ReadsEveryRule()
    {
        const string json = """
            {
              "reservePrice": { "kind": "averageMarketPrice", "fraction": 0.8, "months": 3, "price": null,
                                "source": "guangdong.md §1.4a", "confirmed": true },
              "minimumBidTonnes": 1000,
              "maximumBidderShare": 0.5,
              "clearingPrice": "uniform",
              "margin": "proRata",
              "bidsWithdrawable": false,
              "volume": { "kind": "paidShare", "annualTonnes": 2000000, "source": "guangdong.md §1.4a", "confirmed": true },
              "source": "guangdong.md §1.4a",
              "confirmed": true
            }
            """;

        var rules = JsonSerializer.Deserialize<AuctionRules>(json, CamelCase)!;

        Assert.Empty(rules.Problems());
        Assert.Equal(0.8m, rules.ReservePrice.Fraction);
        Assert.Equal(1_000, rules.MinimumBidTonnes);
        Assert.Equal(2_000_000, rules.Volume.AnnualTonnes);
        Assert.False(rules.BidsWithdrawable);
    }

    [Fact]
    public void Serialize_Guangdong_RoundTripsToEqualRules()
    {
        var json = JsonSerializer.Serialize(AuctionRules.Guangdong, CamelCase);

        var back = JsonSerializer.Deserialize<AuctionRules>(json, CamelCase)!;

        Assert.Equal(AuctionRules.Guangdong, back);
        Assert.Contains("\"minimumBidTonnes\":1000", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_UnknownKindsAndBadShares_NameEach()
    {
        var rules = AuctionRules.Guangdong with
        {
            ReservePrice = ReservePriceRule.GuangdongListedAverage with { Kind = "lastPrice" },
            MaximumBidderShare = 1.5m,
            Margin = "firstComeFirstServed",
            BidsWithdrawable = true,
        };

        var problems = rules.Problems();

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Contains("lastPrice", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("firstComeFirstServed", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(500_000, 250_000)]
    [InlineData(300_001, 150_000)]
    public void BidderLimitTonnes_HalfTheVolume_RoundsDown(long volume, long limit) =>
        Assert.Equal(limit, AuctionRules.Guangdong.BidderLimitTonnes(volume));

    [Fact]
    public void TryCompute_EightyPercentOfThreeMonths_IsGuangdong2015Example()
    {
        // 80 % × (15.50 + 16.00 + 16.50) / 3 = 80 % × 16.00 = 12.80, the 2015 year's 2nd auction reserve (§1.4a).
        var months = new[]
        {
            new ReservePriceInput(new DateOnly(2015, 9, 1), 15.50m, 0m, 0),
            new ReservePriceInput(new DateOnly(2015, 10, 1), 16.00m, 0m, 0),
            new ReservePriceInput(new DateOnly(2015, 11, 1), 16.50m, 0m, 0),
        };

        Assert.True(ReservePriceRule.GuangdongEightyPercent.TryCompute(months, out var reserve, out _));
        Assert.Equal(12.80m, reserve);
    }

    [Fact]
    public void TryCompute_WeightedListedAverage_WeighsByVolume()
    {
        // (100 000 t × 15.00 + 200 000 t × 16.00 + 100 000 t × 17.36) / 400 000 t = 6 436 000 / 400 000 = 16.09.
        var months = new[]
        {
            new ReservePriceInput(new DateOnly(2016, 12, 1), 0m, 1_500_000m, 100_000),
            new ReservePriceInput(new DateOnly(2017, 1, 1), 0m, 3_200_000m, 200_000),
            new ReservePriceInput(new DateOnly(2017, 2, 1), 0m, 1_736_000m, 100_000),
        };

        Assert.True(ReservePriceRule.GuangdongListedAverage.TryCompute(months, out var reserve, out _));
        Assert.Equal(16.09m, reserve);
    }

    [Fact]
    public void TryCompute_NoListedVolume_SaysTheAverageIsUndefined()
    {
        var months = Enumerable.Range(1, 3).Select(m => new ReservePriceInput(new DateOnly(2017, m, 1), 0m, 0m, 0)).ToArray();

        Assert.False(ReservePriceRule.GuangdongListedAverage.TryCompute(months, out _, out var reason));
        Assert.Contains("undefined", reason, StringComparison.Ordinal);
    }

    // Guangdong's reserve averages the three calendar months before the notice (guangdong.md §1.6): a notice of 2017-03-20
    // reads 2016-12 to 2017-02, across the year's turn; a notice on the 1st of a month still excludes that month.
    [Theory]
    [InlineData("2017-03-20", "2016-12-01,2017-01-01,2017-02-01")]
    [InlineData("2018-01-01", "2017-10-01,2017-11-01,2017-12-01")]
    public void MonthsBefore_ANotice_AreTheThreeCalendarMonthsBeforeItsMonth(string notice, string expected)
    {
        var day = DateOnly.Parse(notice, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected.Split(',').Select(d => DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture)),
            ReservePriceRule.GuangdongListedAverage.MonthsBefore(day));
    }

    [Fact]
    public void CoversMonthsBefore_TheRightMonthsInAnyOrder_Yes_AMonthOffOrTwiceOrTheNoticesOwn_No()
    {
        var notice = new DateOnly(2017, 3, 20);
        ReservePriceInput Of(int year, int month) => new(new DateOnly(year, month, 15), 0m, 1_000m, 100);
        var rule = ReservePriceRule.GuangdongListedAverage;

        Assert.True(rule.CoversMonthsBefore(notice, [Of(2017, 2), Of(2016, 12), Of(2017, 1)]));
        Assert.False(rule.CoversMonthsBefore(notice, [Of(2016, 11), Of(2016, 12), Of(2017, 1)]));
        Assert.False(rule.CoversMonthsBefore(notice, [Of(2017, 1), Of(2017, 2), Of(2017, 3)]));
        Assert.False(rule.CoversMonthsBefore(notice, [Of(2016, 12), Of(2017, 1), Of(2017, 1)]));
    }

    [Fact]
    public void TryCompute_WrongNumberOfMonths_IsRefused()
    {
        var months = new[] { new ReservePriceInput(new DateOnly(2017, 1, 1), 16m, 0m, 0) };

        Assert.False(ReservePriceRule.GuangdongEightyPercent.TryCompute(months, out _, out var reason));
        Assert.Contains("3 months", reason, StringComparison.Ordinal);
    }
}
