using FsCheck;
using FsCheck.Fluent;
using OpenEts.Domain.Inclusion;
using Xunit;

namespace OpenEts.Domain.Tests.Inclusion;

/// <summary>Merchants' settlement in yuan (商户结算): coins × the programme's yuan per coin, each redemption once.</summary>
public sealed class SettlementTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly CoinValue FourFen = new(0.04m, "test", false);

    private static (Voucher, DateOnly, bool) Confirmed(long id, long coins, DateOnly day, bool settled = false) =>
        (new Voucher(id, "guangdong-tanpuhui", "bus-fare-discount", coins, "ABCDEF012345", 1, new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)),
            TimeSpan.FromHours(8))), day, settled);

    [Fact]
    public void Make_TwoBusCoupons_OwesFiftyCoinsAtFourFenEach()
    {
        var settlement = Settlement.Make([Confirmed(1, 50, Today.AddDays(-1)), Confirmed(2, 50, Today)], Today, Today, _ => FourFen, out var rejection);

        Assert.Null(rejection);
        Assert.Equal((100L, 4.00m), (settlement!.Coins, settlement.Yuan));
        Assert.Equal([2.00m, 2.00m], settlement.Lines.Select(l => l.Yuan).ToArray());
    }

    [Fact]
    public void Make_RedemptionsSettledAlready_AreLeftOutOrNothingToSettle()
    {
        var some = Settlement.Make([Confirmed(1, 50, Today, settled: true), Confirmed(2, 105, Today)], Today, Today, _ => FourFen, out _);
        var none = Settlement.Make([Confirmed(1, 50, Today, settled: true)], Today, Today, _ => FourFen, out var rejection);

        Assert.Equal(2, Assert.Single(some!.Lines).RedemptionId);
        Assert.Null(none);
        Assert.Equal(SettlementRejection.NothingToSettle, rejection);
    }

    [Fact]
    public void Make_PeriodEndingTomorrow_IsRefused()
    {
        Assert.Null(Settlement.Make([Confirmed(1, 50, Today)], Today.AddDays(1), Today, _ => FourFen, out var rejection));
        Assert.Equal(SettlementRejection.PeriodInFuture, rejection);
    }

    [Fact]
    public void Make_DayWithoutAValuePerCoin_IsRefused()
    {
        Assert.Null(Settlement.Make([Confirmed(1, 50, Today)], Today, Today, _ => null, out var rejection));
        Assert.Equal(SettlementRejection.NoCoinValue, rejection);
    }

    [Fact]
    public void Make_ValueChangedWithANewVersion_ValuesEachRedemptionOnItsConfirmationDay()
    {
        var settlement = Settlement.Make([Confirmed(1, 105, Today.AddDays(-1)), Confirmed(2, 105, Today)], Today, Today,
            day => day < Today ? new CoinValue(0.30m, "old", false) : FourFen, out _);

        Assert.Equal([31.50m, 4.20m], settlement!.Lines.Select(l => l.Yuan).ToArray());
        Assert.Equal(35.70m, settlement.Yuan);
    }

    [Theory]
    [InlineData("0.04", true)]
    [InlineData("100", true)]
    [InlineData("0", false)]
    [InlineData("-0.01", false)]
    [InlineData("0.005", false)]
    [InlineData("100.01", false)]
    public void IsValid_ValuePerCoin_IsPositiveToTheFenAndAtMost100(string value, bool valid) =>
        Assert.Equal(valid, CoinValue.IsValid(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Make_RandomPeriodsSettledInTurn_SettleEachRedemptionOnceAndOweCoinsTimesValue() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue - 1).ArrayOf()), (int[] seeds) =>
        {
            var random = new Random(seeds.Length == 0 ? 1 : seeds[0]);
            var vouchers = Enumerable.Range(1, random.Next(0, 30)).Select(i => Confirmed(i, random.Next(1, 200), Today.AddDays(-random.Next(0, 20)))).ToList();
            var settledBy = new Dictionary<long, int>();
            var owed = 0m;
            foreach (var (seed, statement) in seeds.Select((s, i) => (s, i)))
            {
                var r = new Random(seed);
                var start = Today.AddDays(-r.Next(0, 25));
                var end = start.AddDays(r.Next(0, 10));
                var inPeriod = vouchers.Where(v => v.Item2 >= start && v.Item2 <= end)
                    .Select(v => (v.Item1, v.Item2, settledBy.ContainsKey(v.Item1.Id))).ToList();
                var settlement = Settlement.Make(inPeriod, end, Today, _ => FourFen, out _);
                foreach (var line in settlement?.Lines ?? [])
                {
                    Assert.True(settledBy.TryAdd(line.RedemptionId, statement), $"redemption {line.RedemptionId} settled twice");
                }
                owed += settlement?.Yuan ?? 0m;
            }
            Assert.Equal(vouchers.Where(v => settledBy.ContainsKey(v.Item1.Id)).Sum(v => v.Item1.Coins) * 0.04m, owed);
        }));
}
