using OpenEts.Matching;

namespace OpenEts.Matching.Tests;

/// <summary>Opening call auction: collection without matching, and each tie-break of the uncrossing price.</summary>
public sealed partial class OrderBookTests
{
    [Fact]
    public void Uncross_SinglePriceWithMaximumVolume_TradesAllAtThatPrice()
    {
        BookDriver b = NewBook();
        b.Control(CommandKind.OpenAuction);
        b.Buy(1, 1, 10_020, 10);
        b.Buy(2, 2, 10_010, 10);
        b.Sell(3, 3, 9_990, 5);
        b.Sell(4, 4, 10_010, 10);
        Assert.Empty(b.TakeTrades());

        // Volume: 5 below 100.10, 15 at 100.10, 10 above it.
        Outcome o = b.Control(CommandKind.Uncross);

        Assert.Equal((OutcomeStatus.Accepted, 15L, 3), (o.Status, o.Filled, o.TradeCount));
        Assert.Equal(["1/3@10010x5", "1/4@10010x5", "2/4@10010x5"], b.TakeTrades());
        Assert.Equal(["B2@10010x5"], b.Orders());
        Assert.Equal(TradingPhase.Continuous, b.Book.Phase);
    }

    [Fact]
    public void Uncross_EqualVolumes_PrefersMinimumImbalanceOverReferenceDistance()
    {
        BookDriver b = NewBook();
        b.Control(CommandKind.OpenAuction);
        b.Buy(1, 1, 10_010, 10);
        b.Sell(2, 2, 9_990, 10);
        b.Sell(3, 3, 10_000, 5);

        // Volume 10 from 99.90 to 100.10; imbalance 0 only below 100.00, so 99.99 (nearest the reference among those).
        b.Control(CommandKind.Uncross);

        Assert.Equal(["1/2@9999x10"], b.TakeTrades());
        Assert.Equal(["S3@10000x5"], b.Orders());
    }

    [Fact]
    public void Uncross_EqualVolumeAndImbalance_TakesReferencePrice()
    {
        BookDriver b = NewBook();
        b.Control(CommandKind.OpenAuction);
        b.Buy(1, 1, 10_050, 10);
        b.Sell(2, 2, 9_950, 10);

        b.Control(CommandKind.Uncross);

        Assert.Equal(["1/2@10000x10"], b.TakeTrades());
    }

    [Fact]
    public void Uncross_ReferenceOutsideCrossingRange_TakesNearestPriceToReference()
    {
        BookDriver b = NewBook();
        b.Control(CommandKind.OpenAuction);
        b.Buy(1, 1, 10_100, 10);
        b.Sell(2, 2, 10_050, 10);

        b.Control(CommandKind.Uncross);

        Assert.Equal(["1/2@10050x10"], b.TakeTrades());
    }

    [Fact]
    public void Uncross_NoCrossing_TradesNothingAndStartsContinuous()
    {
        BookDriver b = NewBook();
        b.Control(CommandKind.OpenAuction);
        b.Buy(1, 1, 9_900, 10);
        b.Sell(2, 2, 10_100, 10);

        Outcome o = b.Control(CommandKind.Uncross);

        Assert.Equal((0L, 0), (o.Filled, o.TradeCount));
        Assert.Equal(TradingPhase.Continuous, b.Book.Phase);
        Assert.Equal(10, b.Buy(3, 3, 10_100, 10).Filled);
    }

    [Fact]
    public void Submit_InCallPhase_RejectsImmediateTypesAndOwnCrossing()
    {
        BookDriver b = NewBook();
        b.Control(CommandKind.OpenAuction);
        b.Sell(1, 1, 10_000, 10);

        Assert.Equal(Reason.NotAllowedInCallPhase, b.Buy(2, 2, 10_000, 5, OrderType.Ioc).Reason);
        Assert.Equal(Reason.NotAllowedInCallPhase, b.Buy(3, 2, 10_000, 5, OrderType.Fok).Reason);
        Assert.Equal(Reason.NotAllowedInCallPhase, b.Buy(4, 2, Command.NoPrice, 5, OrderType.Market).Reason);
        Assert.Equal(Reason.SelfTrade, b.Buy(5, 1, 10_000, 5).Reason);
        Assert.True(b.Buy(6, 1, 9_999, 5).IsAccepted);
        Assert.Equal(Reason.SelfTrade, b.Amend(6, 1, 10_001, 5).Reason);
        Assert.True(b.Buy(7, 2, 10_010, 5).IsAccepted);
        Assert.Empty(b.TakeTrades());
        Assert.Equal(["B7@10010x5", "B6@9999x5", "S1@10000x10"], b.Orders());
    }

    [Fact]
    public void Uncross_OutsideCallPhase_IsRejected()
    {
        BookDriver b = NewBook();

        Assert.Equal(Reason.NotInCallPhase, b.Control(CommandKind.Uncross).Reason);
        Assert.True(b.Control(CommandKind.OpenAuction).IsAccepted);
        Assert.Equal(Reason.AlreadyInCallPhase, b.Control(CommandKind.OpenAuction).Reason);
    }
}
