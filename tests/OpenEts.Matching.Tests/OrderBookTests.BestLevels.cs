using OpenEts.Matching;

namespace OpenEts.Matching.Tests;

/// <summary>
/// The national 挂牌协议 rule (trading.md §5.1 [confirmed]): an order trades at the counterparty's prices within the best
/// 5 levels of the other side (<see cref="InstrumentSettings.MatchLevels"/> = 5). Asks rest at 100.00, 100.01, … 100.06:
/// seven levels of 10 t each.
/// </summary>
public sealed partial class OrderBookTests
{
    private static BookDriver SevenAskLevels()
    {
        var b = new BookDriver(InstrumentSettings.Create("CEA-2024", referencePriceFen: 10_000, matchLevels: InstrumentSettings.NationalMatchLevels));
        for (int i = 0; i < 7; i++)
        {
            b.Sell(i + 1, 1, 10_000 + i, 10);
        }

        b.TakeTrades();
        return b;
    }

    private static readonly string[] FiveLevelsTraded = ["8/1@10000x10", "8/2@10001x10", "8/3@10002x10", "8/4@10003x10", "8/5@10004x10"];

    [Fact]
    public void Submit_MarketBuyWithBestFiveLevels_TradesFiveLevelsAndCancelsTheRestAsBeyondBestLevels()
    {
        BookDriver b = SevenAskLevels();

        Outcome o = b.Buy(8, 2, Command.NoPrice, 65, OrderType.Market);

        Assert.Equal(new Outcome(8, 8, OutcomeStatus.Accepted, Reason.BeyondBestLevels, 50, 0, 15, 5), o);
        Assert.Equal(FiveLevelsTraded, b.TakeTrades());
        Assert.Equal(["S6@10005x10", "S7@10006x10"], b.Orders());
    }

    [Fact]
    public void Submit_LimitBuyStillCrossingTheSixthLevel_CancelsItsRemainderRatherThanCrossTheBook()
    {
        BookDriver b = SevenAskLevels();

        Outcome o = b.Buy(8, 2, 10_006, 65);

        Assert.Equal(new Outcome(8, 8, OutcomeStatus.Accepted, Reason.BeyondBestLevels, 50, 0, 15, 5), o);
        Assert.Equal(FiveLevelsTraded, b.TakeTrades());
        Assert.Equal(["S6@10005x10", "S7@10006x10"], b.Orders());
    }

    [Fact]
    public void Submit_LimitBuyUpToTheFifthLevel_RestsItsRemainderAtItsPrice()
    {
        BookDriver b = SevenAskLevels();

        Outcome o = b.Buy(8, 2, 10_004, 65);

        Assert.Equal(new Outcome(8, 8, OutcomeStatus.Accepted, Reason.None, 50, 15, 0, 5), o);
        Assert.Equal(FiveLevelsTraded, b.TakeTrades());
        Assert.Equal(["B8@10004x15", "S6@10005x10", "S7@10006x10"], b.Orders());
    }

    [Fact]
    public void Submit_FokNeedingASixthLevel_IsRejectedAndWithinFiveFills()
    {
        BookDriver b = SevenAskLevels();

        Outcome six = b.Buy(8, 2, 10_006, 51, OrderType.Fok);
        Outcome five = b.Buy(9, 2, 10_006, 50, OrderType.Fok);

        Assert.Equal(Reason.FokNotFillable, six.Reason);
        Assert.Equal((Reason.None, 50L), (five.Reason, five.Filled));
        Assert.Equal(["S6@10005x10", "S7@10006x10"], b.Orders());
    }

    [Fact]
    public void Amend_ReenteringAcrossSevenLevels_TradesFiveAndCancelsTheRest()
    {
        BookDriver b = SevenAskLevels();
        b.Buy(8, 2, 9_990, 65);

        Outcome o = b.Amend(8, 2, 10_006, 65);

        Assert.Equal(new Outcome(9, 8, OutcomeStatus.Accepted, Reason.BeyondBestLevels, 50, 0, 15, 5), o);
        Assert.Equal(FiveLevelsTraded, b.TakeTrades());
        Assert.Equal(["S6@10005x10", "S7@10006x10"], b.Orders());
    }

    [Fact]
    public void Submit_WithoutTheRule_SweepsEveryCrossingLevel()
    {
        var b = new BookDriver(InstrumentSettings.Create("CEA-2024", referencePriceFen: 10_000));
        for (int i = 0; i < 7; i++)
        {
            b.Sell(i + 1, 1, 10_000 + i, 10);
        }

        Outcome o = b.Buy(8, 2, 10_006, 65);

        Assert.Equal((65L, 7), (o.Filled, o.TradeCount));
        Assert.Equal(["S7@10006x5"], b.Orders());
    }
}
