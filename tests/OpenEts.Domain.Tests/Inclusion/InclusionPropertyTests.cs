using FsCheck;
using FsCheck.Fluent;
using OpenEts.Domain.Inclusion;
using Xunit;
using static OpenEts.Domain.Tests.Inclusion.InclusionSamples;

namespace OpenEts.Domain.Tests.Inclusion;

/// <summary>
/// Random streams of actions, redemptions and days passing for one user: no cap is ever exceeded, and coins are
/// conserved at every step (credited = spendable + pending + redeemed + expired + lapsed-not-yet-moved).
/// </summary>
public sealed class InclusionPropertyTests
{
    private static readonly Arbitrary<int[]> Streams = Arb.From(Gen.Choose(0, int.MaxValue - 1).ArrayOf());
    private static readonly Behaviour[] Kinds = [Behaviour.Bus, Behaviour.Walk, Behaviour.HospitalBooking, Behaviour.Metro];

    [Fact]
    public void RandomActivity_NeverExceedsACapAndConservesCoins() =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(200).WithEndSize(120), Prop.ForAll(Streams, (int[] seeds) =>
        {
            var programme = Programme();
            var usage = new UsageLedger([]);
            var ledger = new CoinLedger([]);
            var day = new DateOnly(2026, 1, 1);
            foreach (var seed in seeds)
            {
                var r = new Random(seed);
                switch (r.Next(10))
                {
                    case 0:
                        day = day.AddDays(r.Next(1, 4));
                        ledger.Expire(day);
                        break;
                    case 1:
                        ledger.Expire(day);
                        ledger.Redeem(day, r.Next(1, 12));
                        break;
                    default:
                        var behaviour = Kinds[r.Next(Kinds.Length)];
                        var reward = Reward.Apply(programme, behaviour, "s" + r.Next(2), day, new ActionMeasure(r.Next(0, 20_000)), usage);
                        if (reward.Counted)
                        {
                            ledger.Credit(day, reward.Coins, programme.Timing);
                        }
                        break;
                }
                AssertCapsHold(programme, usage, day);
                Assert.Equal(ledger.Credited, ledger.Held + ledger.Redeemed + ledger.Expired);
                Assert.Equal(ledger.Held, ledger.Balance(day) + ledger.Pending(day)
                    + ledger.Lots.Where(l => l.LapsedOn(day)).Sum(l => l.Remaining));
            }
        }));

    [Fact]
    public void DayOfWalks_InAnyOrder_EarnsTheRuleOnTheDaysTotal() =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), Prop.ForAll(
            Arb.From(Gen.Choose(0, 20_000).ArrayOf()), Arb.From(Gen.Choose(0, int.MaxValue - 1)), (int[] steps, int seed) =>
            {
                var day = new DateOnly(2026, 1, 1);
                var order = new Random(seed);
                var shuffled = steps.OrderBy(_ => order.Next()).ToArray();
                (CarbonGrams Reduction, long Coins) Day(int[] walks)
                {
                    var usage = new UsageLedger([]);
                    var rewards = walks.Select((s, i) => Reward.Apply(Programme(), Behaviour.Walk, "s" + (i % 2), day, new ActionMeasure(s), usage)).ToList();
                    return (rewards.Aggregate(CarbonGrams.Zero, (sum, r) => sum + r.Reduction), rewards.Sum(r => r.Coins));
                }

                var total = steps.Sum();
                var expected = (CarbonGrams.RoundToMilligram(Math.Min(total * 0.02m, 296m)), total >= 6000 ? 1L : 0L);
                Assert.Equal(expected, Day(steps));
                Assert.Equal(expected, Day(shuffled));
            }));

    private static void AssertCapsHold(InclusionProgramme programme, UsageLedger usage, DateOnly day)
    {
        foreach (var cap in programme.Caps)
        {
            foreach (var behaviour in Kinds)
            {
                var (actions, coins) = usage.Used(cap, day, behaviour, "s0");
                Assert.True(cap.MaxActions is not { } a || actions <= a, $"{cap} exceeded: {actions} actions");
                Assert.True(cap.MaxCoins is not { } c || coins <= c, $"{cap} exceeded: {coins} coins");
            }
        }
    }
}
