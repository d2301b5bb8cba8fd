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
