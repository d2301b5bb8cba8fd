using OpenEts.Domain.Exchange.Reconciliation;

namespace OpenEts.Domain.Tests.Exchange.Reconciliation;

public sealed class DayReconciliationTests
{
    // 600 t at 20.50 = 12 300.00 yuan = 1 230 000 fen; each side's fee 0.05 % = 6.15 yuan = 615 fen.
    private static TradeSettlement Settled(long trade) => new(trade, 1_230_000, 615, 615, 1_230_000, 615, 615);

    [Fact]
    public void Check_EveryTradePaidAndClearingMatchingOpenSells_FindsNothing()
    {
        var found = DayReconciliation.Check("GDEA-2017", [Settled(1), Settled(2)], clearingHeld: 400, openSellResting: 400);

        Assert.Empty(found);
    }

    [Fact]
    public void Check_ZeroFeeWithNoLedgerEntry_FindsNothing()
    {
        // 1 t at 0.01 yuan: value 1 fen, fee 0.05 % of 1 fen rounds down to 0, so no fee entry is made.
        var found = DayReconciliation.Check("GDEA-2017", [new TradeSettlement(3, 1, 0, 0, 1, null, null)], 0, 0);

        Assert.Empty(found);
    }

    [Fact]
    public void Check_PaymentMissingAndFeeShort_NamesEachTradeAndFigure()
    {
        var found = DayReconciliation.Check("GDEA-2017",
            [Settled(1), Settled(2) with { PaidFen = null }, Settled(3) with { SellerFeePaidFen = 614 }], 0, 0);

        Assert.Equal(
            [
                new ReconciliationMismatch("GDEA-2017", "cash.paid", 2, 1_230_000, 0),
                new ReconciliationMismatch("GDEA-2017", "cash.seller-fee", 3, 615, 614),
            ],
            found);
        Assert.Equal("GDEA-2017 trade 2 cash.paid: expected 1230000, found 0", found[0].ToString());
    }

    [Fact]
    public void Check_ClearingHoldsMoreThanOpenSells_NamesTheClearingAccount()
    {
        // A trade of 600 t recorded but never delivered leaves its units in clearing: 1 000 held against 400 open.
        var found = DayReconciliation.Check("GDEA-2017", [Settled(1)], clearingHeld: 1_000, openSellResting: 400);

        var mismatch = Assert.Single(found);
        Assert.Equal(("units.clearing", (long?)null, 400L, 1_000L), (mismatch.What, mismatch.Trade, mismatch.Expected, mismatch.Found));
    }

    [Fact]
    public void Check_DeliveryMissingOrShort_NamesTheTradeAndTheTonnes()
    {
        var delivered = Settled(1) with { Quantity = 600, DeliveredTonnes = 600 };

        var found = DayReconciliation.Check("GDEA-2017",
            [delivered, Settled(2) with { Quantity = 600, DeliveredTonnes = null }, Settled(3) with { Quantity = 600, DeliveredTonnes = 599 }], 0, 0);

        Assert.Equal(
            [
                new ReconciliationMismatch("GDEA-2017", "units.delivered", 2, 600, 0),
                new ReconciliationMismatch("GDEA-2017", "units.delivered", 3, 600, 599),
            ],
            found);
        Assert.Equal("GDEA-2017 trade 2 units.delivered: expected 600, found 0", found[0].ToString());
    }

    [Fact]
    public void Check_BlockTradeShort_NamesItAsABlockTrade()
    {
        var found = DayReconciliation.Check("GDEA-2017", [Settled(1) with { PaidFen = 1_229_999, Block = true }], 0, 0);

        Assert.Equal("GDEA-2017 block trade 1 cash.paid: expected 1230000, found 1229999", Assert.Single(found).ToString());
    }
}
