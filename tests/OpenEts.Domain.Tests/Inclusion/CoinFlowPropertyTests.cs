using FsCheck;
using FsCheck.Fluent;
using OpenEts.Domain.Inclusion;
using Xunit;

namespace OpenEts.Domain.Tests.Inclusion;

/// <summary>
/// Random streams of earning, redeeming, merchants confirming codes (some replayed), donating and days passing for one
/// citizen: coins are conserved at every step. Every coin credited is held by the citizen, in a redemption not yet
/// claimed, settled to a merchant, given to a cause, or expired — and no code is ever settled twice.
/// </summary>
public sealed class CoinFlowPropertyTests
{
    private static readonly Arbitrary<int[]> Streams = Arb.From(Gen.Choose(0, int.MaxValue - 1).ArrayOf());
    private static readonly CoinTiming AntForest = new(1, 3, "test", true);

    [Fact]
    public void RandomRedemptionsConfirmationsAndDonations_ConserveCoinsAndSettleEachCodeOnce() =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(300).WithEndSize(150), Prop.ForAll(Streams, (int[] seeds) =>
        {
            var ledger = new CoinLedger([]);
            Merchant[] merchants = [new(1, "p", 10, "影城", ["movie-ticket"]), new(2, "p", 11, "公交", [])];
            var vouchers = new List<Voucher>();
            var settled = new Dictionary<long, long> { [1] = 0, [2] = 0 };
            var day = new DateOnly(2026, 1, 1);
            foreach (var seed in seeds)
            {
                var r = new Random(seed);
                switch (r.Next(6))
                {
                    case 0:
                        day = day.AddDays(r.Next(1, 3));
                        ledger.Expire(day);
                        break;
                    case 1:
                        var coins = r.Next(1, 15);
                        ledger.Expire(day);
                        if (ledger.Redeem(day, coins))
                        {
                            vouchers.Add(new Voucher(vouchers.Count + 1, "p", r.Next(2) == 0 ? "movie-ticket" : "bus-fare", coins,
                                $"{vouchers.Count + 1:X12}", null, null));
                        }
                        break;
                    case 2 when vouchers.Count > 0:
                        // A merchant presents a code, perhaps one already taken (a replay).
                        var index = r.Next(vouchers.Count);
                        var merchant = merchants[r.Next(merchants.Length)];
                        if (Voucher.CheckConfirm(vouchers[index], merchant) is null)
                        {
                            vouchers[index] = vouchers[index].ConfirmBy(merchant, DateTimeOffset.UnixEpoch);
                            settled[merchant.Id] += vouchers[index].Coins;
                        }
                        break;
                    case 3:
                        ledger.Expire(day);
                        ledger.Donate(day, r.Next(1, 10));
                        break;
                    default:
                        ledger.Credit(day, r.Next(0, 8), AntForest);
                        break;
                }
                var unclaimed = vouchers.Where(v => !v.Confirmed).Sum(v => v.Coins);
                Assert.Equal(ledger.Credited, ledger.Held + unclaimed + settled.Values.Sum() + ledger.Donated + ledger.Expired);
                Assert.Equal(ledger.Redeemed, unclaimed + settled.Values.Sum());
                Assert.Equal(settled[1], vouchers.Where(v => v.MerchantId == 1).Sum(v => v.Coins));
                Assert.All(vouchers.Where(v => v.MerchantId == 1), v => Assert.Equal("movie-ticket", v.Item));
            }
        }));
}
