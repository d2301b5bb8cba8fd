using OpenEts.Domain.Inclusion;
using Xunit;

namespace OpenEts.Domain.Tests.Inclusion;

public sealed class CoinLedgerTests
{
    private static readonly CoinTiming AntForest = new(1, 3, "Ant Forest: appears the next day, expires after 72 h", true);
    private static readonly DateOnly Day = new(2026, 11, 30);

    [Fact]
    public void Credit_AntForestTiming_PendingUntilTheNextDayThenSpendableForThreeDays()
    {
        var ledger = new CoinLedger([]);
        ledger.Credit(Day, 10, AntForest);

        Assert.Equal(0, ledger.Balance(Day));
        Assert.Equal(10, ledger.Pending(Day));
        Assert.Equal(10, ledger.Balance(Day.AddDays(1)));
        Assert.Equal(10, ledger.Balance(Day.AddDays(3)));
        Assert.Equal(0, ledger.Balance(Day.AddDays(4)));
    }

    [Fact]
    public void Expire_AfterThreeDays_MovesTheRemainderToExpired()
    {
        var ledger = new CoinLedger([]);
        ledger.Credit(Day, 10, AntForest);
        Assert.True(ledger.Redeem(Day.AddDays(1), 4));

        var lapsed = ledger.Expire(Day.AddDays(4));

        Assert.Equal(6, lapsed);
        Assert.Equal(10, ledger.Credited);
        Assert.Equal(4, ledger.Redeemed);
        Assert.Equal(6, ledger.Expired);
        Assert.Equal(0, ledger.Held);
    }

    [Fact]
    public void Redeem_TwoLots_SpendsTheOneThatLapsesFirst()
    {
        var ledger = new CoinLedger([]);
        ledger.Credit(Day, 5, AntForest);
        ledger.Credit(Day.AddDays(1), 5, AntForest);

        Assert.True(ledger.Redeem(Day.AddDays(2), 6));

        Assert.Equal([0L, 4L], ledger.Lots.Select(l => l.Remaining).ToArray());
    }

    [Fact]
    public void Redeem_MoreThanTheBalance_SpendsNothing()
    {
        var ledger = new CoinLedger([]);
        ledger.Credit(Day, 104, new CoinTiming(0, null, "test", true));

        Assert.False(ledger.Redeem(Day, 105));

        Assert.Equal(104, ledger.Balance(Day));
        Assert.Equal(0, ledger.Redeemed);
    }
}
