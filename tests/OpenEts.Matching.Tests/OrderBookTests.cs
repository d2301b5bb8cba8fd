using OpenEts.Matching;

namespace OpenEts.Matching.Tests;

/// <summary>Golden tests: hand-worked sequences on a book with reference 100.00 元, band ±10 % = [90.00, 110.00].</summary>
public sealed partial class OrderBookTests
{
    private static BookDriver NewBook(long tick = 1, long lot = 1, SelfTradePrevention stp = SelfTradePrevention.CancelIncoming) =>
        new(InstrumentSettings.Create("GDEA-2017", referencePriceFen: 10_000, tickFen: tick, lotTonnes: lot, selfTradePrevention: stp));

    [Fact]
    public void Submit_BuyCrossingTwoLevels_FillsBestFirstAtRestingPricesAndRestsNothing()
    {
        BookDriver b = NewBook();
        b.Sell(1, 1, 10_000, 10);
        b.Sell(2, 1, 10_010, 20);

        Outcome o = b.Buy(3, 2, 10_010, 25);

        Assert.Equal(new Outcome(3, 3, OutcomeStatus.Accepted, Reason.None, 25, 0, 0, 2), o);
        Assert.Equal(["3/1@10000x10", "3/2@10010x15"], b.TakeTrades());
        Assert.Equal(["S2@10010x5"], b.Orders());
    }

    [Fact]
    public void Submit_PartialFillAtLimit_RestsRemainderAtLimit()
    {
        BookDriver b = NewBook();
        b.Sell(1, 1, 10_000, 10);
        b.Sell(2, 1, 10_020, 10);

        Outcome o = b.Buy(3, 2, 10_010, 15);

        Assert.Equal((10L, 5L), (o.Filled, o.Resting));
        Assert.Equal(["3/1@10000x10"], b.TakeTrades());
        Assert.Equal(["B3@10010x5", "S2@10020x10"], b.Orders());
        Assert.Equal((10_010L, 10_020L), (b.Book.BestBidFen, b.Book.BestAskFen));
    }

    [Fact]
    public void Submit_SameLevel_FillsInTimePriority()
    {
        BookDriver b = NewBook();
        b.Buy(1, 1, 10_000, 5);
        b.Buy(2, 2, 10_000, 5);

        b.Sell(3, 3, 9_990, 7);

        Assert.Equal(["1/3@10000x5", "2/3@10000x2"], b.TakeTrades());
        Assert.Equal(["B2@10000x3"], b.Orders());
    }

    [Fact]
    public void Submit_MarketWithProtection_StopsAtProtectionAndCancelsRest()
    {
        BookDriver b = NewBook();
        b.Sell(1, 1, 10_000, 5);
        b.Sell(2, 1, 10_500, 5);

        Outcome o = b.Buy(3, 2, 10_200, 10, OrderType.Market);

        Assert.Equal(new Outcome(3, 3, OutcomeStatus.Accepted, Reason.UnfilledRemainderCancelled, 5, 0, 5, 1), o);
        Assert.Equal(["3/1@10000x5"], b.TakeTrades());
        Assert.Equal(["S2@10500x5"], b.Orders());
    }

    [Fact]
    public void Submit_MarketWithoutPrice_SweepsToBandEdgeOnly()
    {
        BookDriver b = NewBook();
        b.Buy(1, 1, 10_000, 5);
        b.Buy(2, 1, 9_000, 5);

        Outcome o = b.Sell(3, 2, Command.NoPrice, 20, OrderType.Market);

        Assert.Equal((10L, 10L, Reason.UnfilledRemainderCancelled), (o.Filled, o.Cancelled, o.Reason));
        Assert.Equal(["1/3@10000x5", "2/3@9000x5"], b.TakeTrades());
        Assert.Empty(b.Orders());
    }

    [Fact]
    public void Submit_IocPartlyFillable_FillsWhatItCanAndCancelsRemainder()
    {
        BookDriver b = NewBook();
        b.Sell(1, 1, 10_000, 4);

        Outcome o = b.Buy(2, 2, 10_000, 10, OrderType.Ioc);

        Assert.Equal(new Outcome(2, 2, OutcomeStatus.Accepted, Reason.UnfilledRemainderCancelled, 4, 0, 6, 1), o);
        Assert.Empty(b.Orders());
    }

    [Fact]
    public void Submit_FokNotFillable_IsRejectedAndBookUnchanged()
    {
        BookDriver b = NewBook();
        b.Sell(1, 1, 10_000, 4);
        b.Sell(2, 1, 10_020, 4);

        Outcome o = b.Buy(3, 2, 10_010, 5, OrderType.Fok);

        Assert.Equal(new Outcome(3, 3, OutcomeStatus.Rejected, Reason.FokNotFillable, 0, 0, 0, 0), o);
        Assert.Empty(b.TakeTrades());
        Assert.Equal(["S1@10000x4", "S2@10020x4"], b.Orders());
    }

    [Fact]
    public void Submit_FokFillable_FillsCompletelyAcrossLevels()
    {
        BookDriver b = NewBook();
        b.Sell(1, 1, 10_000, 4);
        b.Sell(2, 1, 10_020, 4);

        Outcome o = b.Buy(3, 2, 10_020, 6, OrderType.Fok);

        Assert.Equal((OutcomeStatus.Accepted, 6L, 0L), (o.Status, o.Filled, o.Cancelled));
        Assert.Equal(["3/1@10000x4", "3/2@10020x2"], b.TakeTrades());
        Assert.Equal(["S2@10020x2"], b.Orders());
    }

    [Fact]
    public void Submit_FokBlockedBySelfTrade_IsRejected()
    {
        BookDriver b = NewBook();
        b.Sell(1, 2, 10_000, 4);
        b.Sell(2, 1, 10_000, 4);

        Outcome o = b.Buy(3, 2, 10_000, 4, OrderType.Fok);

        Assert.Equal(Reason.FokNotFillable, o.Reason);
    }

    [Theory]
    [InlineData(11_001, Reason.OutsideBand)]
    [InlineData(8_999, Reason.OutsideBand)]
    [InlineData(0, Reason.BadPrice)]
    [InlineData(-5, Reason.BadPrice)]
    public void Submit_PriceOutsideBand_IsRejectedWithReason(long price, Reason expected)
    {
        BookDriver b = NewBook();

        Outcome o = b.Buy(1, 1, price, 1);

        Assert.Equal((OutcomeStatus.Rejected, expected), (o.Status, o.Reason));
        Assert.Equal(0, b.Book.OrderCount);
    }

    [Fact]
    public void Submit_AtBandEdges_IsAccepted()
    {
        BookDriver b = NewBook();

        Assert.True(b.Buy(1, 1, 9_000, 1).IsAccepted);
        Assert.True(b.Sell(2, 1, 11_000, 1).IsAccepted);
    }

    [Fact]
    public void Submit_OffTick_IsRejected()
    {
        BookDriver b = NewBook(tick: 5);

        Assert.Equal(Reason.OffTick, b.Buy(1, 1, 10_002, 1).Reason);
        Assert.True(b.Buy(2, 1, 10_005, 1).IsAccepted);
    }

    [Theory]
    [InlineData(15, Reason.OffLot)]
    [InlineData(0, Reason.BadQuantity)]
    [InlineData(-10, Reason.BadQuantity)]
    [InlineData(100_000, Reason.TooLarge)]
    [InlineData(99_990, Reason.None)]
    public void Submit_QuantityRules_RejectWithReason(long quantity, Reason expected)
    {
        BookDriver b = NewBook(lot: 10);

        Assert.Equal(expected, b.Buy(1, 1, 10_000, quantity).Reason);
    }

    [Fact]
    public void Submit_DuplicateLiveOrderId_IsRejected()
    {
        BookDriver b = NewBook();
        b.Buy(1, 1, 10_000, 1);

        Assert.Equal(Reason.DuplicateOrderId, b.Sell(1, 2, 10_100, 1).Reason);
        Assert.Equal(["B1@10000x1"], b.Orders());
    }

    [Fact]
    public void Submit_WouldTradeWithOwnOrder_CancelsIncomingRemainderAndKeepsResting()
    {
        BookDriver b = NewBook();
        b.Sell(1, 2, 10_000, 5);
        b.Sell(2, 1, 10_000, 5);
        b.Sell(3, 2, 10_010, 5);

        Outcome o = b.Buy(4, 1, 10_010, 20);

        Assert.Equal(new Outcome(4, 4, OutcomeStatus.Accepted, Reason.SelfTradePrevented, 5, 0, 15, 1), o);
        Assert.Equal(["4/1@10000x5"], b.TakeTrades());
        Assert.Equal(["S2@10000x5", "S3@10010x5"], b.Orders());
    }

    [Fact]
    public void Submit_SelfTradePreventionOff_TradesWithOwnOrder()
    {
        BookDriver b = NewBook(stp: SelfTradePrevention.None);
        b.Sell(1, 1, 10_000, 5);

        Assert.Equal(5, b.Buy(2, 1, 10_000, 5).Filled);
    }

    [Fact]
    public void Amend_QuantityDown_KeepsTimePriority()
    {
        BookDriver b = NewBook();
        b.Sell(1, 1, 10_000, 10);
        b.Sell(2, 2, 10_000, 10);

        Outcome a = b.Amend(1, 1, 10_000, 5);
        b.Buy(3, 3, 10_000, 5);

        Assert.Equal(new Outcome(3, 1, OutcomeStatus.Accepted, Reason.None, 0, 5, 5, 0), a);
        Assert.Equal(["3/1@10000x5"], b.TakeTrades());
        Assert.Equal(["S2@10000x10"], b.Orders());
    }

    [Fact]
    public void Amend_QuantityUp_LosesTimePriority()
    {
        BookDriver b = NewBook();
        b.Sell(1, 1, 10_000, 10);
        b.Sell(2, 2, 10_000, 10);

        b.Amend(1, 1, 10_000, 15);
        b.Buy(3, 3, 10_000, 5);

        Assert.Equal(["3/2@10000x5"], b.TakeTrades());
        Assert.Equal(["S2@10000x5", "S1@10000x15"], b.Orders());
    }

    [Fact]
    public void Amend_PriceChange_GoesToBackOfNewLevel()
    {
        BookDriver b = NewBook();
        b.Sell(1, 1, 10_010, 10);
        b.Sell(2, 2, 10_000, 10);

        b.Amend(1, 1, 10_000, 10);

        Assert.Equal(["S2@10000x10", "S1@10000x10"], b.Orders());
    }

    [Fact]
    public void Amend_PriceCrossingBook_MatchesLikeNewOrder()
    {
        BookDriver b = NewBook();
        b.Sell(1, 1, 10_010, 10);
        b.Buy(2, 2, 9_990, 15);

        Outcome o = b.Amend(2, 2, 10_010, 15);

        Assert.Equal(new Outcome(3, 2, OutcomeStatus.Accepted, Reason.None, 10, 5, 0, 1), o);
        Assert.Equal(["2/1@10010x10"], b.TakeTrades());
        Assert.Equal(["B2@10010x5"], b.Orders());
    }

    [Fact]
    public void Amend_ByOtherAccountOrUnknown_IsRejectedAndBookUnchanged()
    {
        BookDriver b = NewBook();
        b.Sell(1, 1, 10_000, 10);

        Assert.Equal(Reason.NotOwner, b.Amend(1, 2, 10_000, 5).Reason);
        Assert.Equal(Reason.UnknownOrder, b.Amend(9, 1, 10_000, 5).Reason);
        Assert.Equal(Reason.OutsideBand, b.Amend(1, 1, 12_000, 5).Reason);
        Assert.Equal(["S1@10000x10"], b.Orders());
    }

    [Fact]
    public void Cancel_FilledOrder_IsRejectedAsUnknown()
    {
        BookDriver b = NewBook();
        b.Sell(1, 1, 10_000, 10);
        b.Buy(2, 2, 10_000, 10);

        Outcome o = b.Cancel(1, 1);

        Assert.Equal(new Outcome(3, 1, OutcomeStatus.Rejected, Reason.UnknownOrder, 0, 0, 0, 0), o);
    }

    [Fact]
    public void Cancel_RestingOrder_RemovesItAndReportsQuantity()
    {
        BookDriver b = NewBook();
        b.Sell(1, 1, 10_000, 10);
        b.Sell(2, 1, 10_000, 3);

        Assert.Equal(Reason.NotOwner, b.Cancel(1, 2).Reason);
        Outcome o = b.Cancel(1, 1);

        Assert.Equal((OutcomeStatus.Accepted, 10L), (o.Status, o.Cancelled));
        Assert.Equal(["S2@10000x3"], b.Orders());
    }

    [Fact]
    public void Halt_WhileHalted_RejectsOrdersAndAmendsButAllowsCancels()
    {
        BookDriver b = NewBook();
        b.Sell(1, 1, 10_000, 10);
        b.Sell(2, 1, 10_010, 10);

        Assert.True(b.Control(CommandKind.Halt).IsAccepted);
        Assert.Equal(Reason.Halted, b.Buy(3, 2, 10_000, 5).Reason);
        Assert.Equal(Reason.Halted, b.Amend(1, 1, 10_000, 5).Reason);
        Assert.Equal(Reason.AlreadyHalted, b.Control(CommandKind.Halt).Reason);
        Assert.True(b.Cancel(2, 1).IsAccepted);
        Assert.True(b.Control(CommandKind.Resume).IsAccepted);
        Assert.Equal(Reason.NotHalted, b.Control(CommandKind.Resume).Reason);

        Assert.Equal(5, b.Buy(3, 2, 10_000, 5).Filled);
    }

    [Fact]
    public void Amend_CrossingOwnOrder_TradesUpToItThenCancelsRemainder()
    {
        BookDriver b = NewBook();
        b.Sell(1, 2, 10_000, 5);
        b.Sell(2, 1, 10_000, 5);
        b.Buy(3, 1, 9_990, 10);

        Outcome o = b.Amend(3, 1, 10_000, 10);

        Assert.Equal(new Outcome(4, 3, OutcomeStatus.Accepted, Reason.SelfTradePrevented, 5, 0, 5, 1), o);
        Assert.Equal(["3/1@10000x5"], b.TakeTrades());
        Assert.Equal(["S2@10000x5"], b.Orders());
        Assert.Equal(Reason.UnknownOrder, b.Cancel(3, 1).Reason);
    }

    [Fact]
    public void Issue_12_MarketWithExplicitZeroPrice_IsBadPriceAndTradesNothing()
    {
        BookDriver b = NewBook();
        b.Buy(1, 1, 10_000, 5);

        Outcome o = b.Sell(2, 2, 0, 5, OrderType.Market);

        Assert.Equal((OutcomeStatus.Rejected, Reason.BadPrice), (o.Status, o.Reason));
        Assert.Empty(b.TakeTrades());
        Assert.Equal(["B1@10000x5"], b.Orders());
    }

    [Fact]
    public void Submit_MarketOnEmptySide_IsAcceptedAndFullyCancelled()
    {
        BookDriver b = NewBook();

        Outcome o = b.Buy(1, 1, Command.NoPrice, 10, OrderType.Market);

        Assert.Equal(new Outcome(1, 1, OutcomeStatus.Accepted, Reason.UnfilledRemainderCancelled, 0, 0, 10, 0), o);
        Assert.Equal(0, b.Book.OrderCount);
    }

    [Fact]
    public void Restore_Snapshot_KeepsTimePriorityWithinLevels()
    {
        BookDriver b = NewBook();
        b.Sell(1, 1, 10_010, 5);
        b.Sell(2, 2, 10_000, 5);
        b.Sell(3, 3, 10_000, 5);
        b.Buy(4, 4, 9_990, 5);
        b.Amend(2, 2, 10_000, 6);

        var restored = new BookDriver(OrderBook.Restore(b.Book.Snapshot()));
        restored.Buy(5, 5, 10_000, 5);

        Assert.Equal(["B4@9990x5", "S3@10000x5", "S2@10000x6", "S1@10010x5"], b.Orders());
        Assert.Equal(["5/3@10000x5"], restored.TakeTrades());
    }
}
