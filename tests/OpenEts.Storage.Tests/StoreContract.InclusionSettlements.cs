using OpenEts.Application.Audit;
using OpenEts.Application.Identity;
using OpenEts.Application.Inclusion;
using OpenEts.Application.Offsets;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Storage.Tests;

// Merchants' settlement in yuan (migration 0051): the operator of guangdong-tanpuhui (cement-a, owner of PHCER project
// GD0001) settles its merchant's confirmed codes at the programme's yuan per coin, once; the merchant reads the statement.
public abstract partial class StoreContract<TDb>
{
    private static SettleMerchant Settle(long merchant, string from, string to)
    {
        Assert.True(SettleMerchant.TryParse(new SettleMerchant.Form(merchant.ToString(System.Globalization.CultureInfo.InvariantCulture), from, to),
            out var command, out var errors), string.Join("; ", errors.Select(e => e.Message)));
        return command;
    }

    [Fact]
    public async Task Inclusion_OperatorSettlesAMerchant_OwesCoinsTimesYuanPerCoinOnceAndTheMerchantSeesIt()
    {
        await using var w = await InclusionWorldAsync(offsets: true);
        var citizen = await w.ActorOf("citizen");
        var regulator = await w.ActorOf("regulator");
        var shop = await w.ActorOf("power-a");
        var operatorRep = await w.ActorOf("cement-a");
        // 10 kWh of PV × 570.3 g = 5 703 g: 57 coins, cut to the 50-a-day cap; a 2-yuan bus coupon is 50 coins.
        await RecordAsync(w, citizen, Batch("guangdong-tanpuhui", new RecordActions.ActionForm("pv-1", "pv-meter", "solar-pv", "2026-11-30T10:00:00+08:00", 10m)));
        var merchant = await ListMerchantAsync(w, shop, "bus-fare-discount", "guangdong-tanpuhui");
        Assert.True(RedeemCoins.TryParse(new RedeemCoins.Form("guangdong-tanpuhui", "bus-fare-discount", "s1"), InclusionProgrammes.Shipped,
            out var redeem, out _));
        var redemption = (CoinRedemption)((InclusionCommandOutcome.Completed)await w.Handler.HandleAsync(citizen, redeem, Ct)).Result;
        Assert.True(ConfirmRedemption.TryParse(new ConfirmRedemption.Form(redemption.Code), out var confirm, out _));
        Assert.IsType<InclusionCommandOutcome.Completed>(await w.Handler.HandleAsync(shop, confirm, Ct));

        var byMerchant = await w.Handler.SettleAsync(shop, Settle(merchant.Id, "2026-11-01", "2026-11-30"), Ct);
        var byPassingTheCheck = await w.Handler.HandleAsync(operatorRep, Settle(merchant.Id, "2026-11-01", "2026-11-30"), Ct);
        var future = await w.Handler.SettleAsync(operatorRep, Settle(merchant.Id, "2026-11-01", "2026-12-01"), Ct);
        var settled = await w.Handler.SettleAsync(operatorRep, Settle(merchant.Id, "2026-11-01", "2026-11-30"), Ct);
        var again = await w.Handler.SettleAsync(operatorRep, Settle(merchant.Id, "2026-11-30", "2026-11-30"), Ct);
        var byRegulator = await w.Handler.SettleAsync(regulator, Settle(merchant.Id, "2026-11-30", "2026-11-30"), Ct);
        var statement = (MerchantSettlement)Assert.IsType<InclusionCommandOutcome.Completed>(settled).Result;
        var operated = await SettleMerchant.OperatedByAsync(operatorRep, InclusionProgrammes.Shipped,
            new OffsetsQueries(w.Store, new RegistryQueries(w.Registry)), Ct);
        var seenByMerchant = Assert.Single(await w.Queries.MerchantsAsync(shop, Ct));
        var seenByOperator = Assert.Single(await w.Queries.MerchantsAsync(operatorRep, Ct, operated));
        var sheet = await w.Queries.SettlementAsync(shop, statement.Id, Ct);
        var hidden = await w.Queries.SettlementAsync(citizen, statement.Id, Ct);
        var journal = await w.Store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: "inclusion.merchant.settled"), 0, 10), Ct);

        Assert.Equal("NotTheOperator", Assert.IsType<InclusionCommandOutcome.Refused>(byMerchant).Rule);
        Assert.Equal("NotTheOperator", Assert.IsType<InclusionCommandOutcome.Refused>(byPassingTheCheck).Rule);
        Assert.Equal("PeriodInFuture", Assert.IsType<InclusionCommandOutcome.Refused>(future).Rule);
        Assert.Equal((1L, 50L, 2.00m), (statement.Redemptions, statement.Coins, statement.Yuan));
        Assert.Equal("NothingToSettle", Assert.IsType<InclusionCommandOutcome.Refused>(again).Rule);
        Assert.Equal("NothingToSettle", Assert.IsType<InclusionCommandOutcome.Refused>(byRegulator).Rule);
        Assert.Equal(["guangdong-tanpuhui"], operated.ToArray());
        Assert.Equal(statement, Assert.Single(seenByMerchant.Settlements));
        Assert.False(seenByMerchant.MaySettle);
        Assert.True(seenByOperator.MaySettle);
        var line = Assert.Single(sheet!.Lines);
        Assert.Equal((redemption.Id, 50L, 0.04m, 2.00m), (line.RedemptionId, line.Coins, line.YuanPerCoin, line.Yuan));
        Assert.Null(hidden);
        Assert.Single(journal);
    }

    [Fact]
    public async Task Inclusion_RegulatorSettlesAProgrammeWithoutAnOperatorOnThePlatform_AtItsYuanPerCoin()
    {
        var (w, citizen) = await CitizenWithFuzhouCoinsAsync();
        await using var world = w;
        var regulator = await w.ActorOf("regulator");
        var shop = await w.ActorOf("cement-a");
        var merchant = await ListMerchantAsync(w, shop, "movie-ticket");
        var redemption = await RedeemTicketAsync(w, citizen);
        Assert.True(ConfirmRedemption.TryParse(new ConfirmRedemption.Form(redemption.Code), out var confirm, out _));
        await w.Handler.HandleAsync(shop, confirm, Ct);

        var byShop = await w.Handler.SettleAsync(shop, Settle(merchant.Id, "2026-11-30", "2026-11-30"), Ct);
        var settled = await w.Handler.SettleAsync(regulator, Settle(merchant.Id, "2026-11-30", "2026-11-30"), Ct);
        var unknown = await w.Handler.SettleAsync(regulator, Settle(merchant.Id + 100, "2026-11-30", "2026-11-30"), Ct);

        Assert.Equal("NotTheOperator", Assert.IsType<InclusionCommandOutcome.Refused>(byShop).Rule);
        // Fuzhou: 105 coins × 0.30 yuan = 31.50 yuan [UNCONFIRMED value].
        Assert.Equal(31.50m, ((MerchantSettlement)Assert.IsType<InclusionCommandOutcome.Completed>(settled).Result).Yuan);
        Assert.Equal("UnknownMerchant", Assert.IsType<InclusionCommandOutcome.Refused>(unknown).Rule);
    }
}
