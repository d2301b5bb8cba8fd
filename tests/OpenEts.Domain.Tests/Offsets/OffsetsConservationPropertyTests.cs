using FsCheck;
using FsCheck.Fluent;
using OpenEts.Domain.Offsets;
using OpenEts.Domain.Registry;
using Xunit;
using static OpenEts.Domain.Tests.Registry.RegistryScenario;

namespace OpenEts.Domain.Tests.Offsets;

/// <summary>
/// A forestry monitoring period computed by the methodology and issued as the offsets workflow issues it (the
/// methodology's buffer share withheld by the registry), then moved by four-eyes transfers and retired at random:
/// the calculator's buffer is the registry's, issued = owner + buffer = verified, the total held never changes, and no
/// retired serial moves again.
/// </summary>
public sealed class OffsetsConservationPropertyTests
{
    private static readonly Arbitrary<(int Area, int Growth, int Baseline, int Buffer, int[] Steps)> Inputs = Arb.From(
        from area in Gen.Choose(1, 5000)
        from growth in Gen.Choose(1, 40)
        from baseline in Gen.Choose(0, 2000)
        from buffer in Gen.Choose(0, 40)
        from steps in Gen.Choose(0, int.MaxValue - 1).ArrayOf()
        select (area, growth, baseline, buffer, steps));

    private static readonly AccountNumber[] Holders = [CompanyA, CompanyB, Investor];
    private static readonly UserId[][] Representatives = [[A1, A2], [B1, B2], [I1, I2]];

    [Fact]
    public void ForestIssuedThenTradedAndRetired_ConservesEveryTonne() =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(150).WithEndSize(40), Prop.ForAll(Inputs, input =>
        {
            var s = WithOffsetClasses();
            var share = BufferShare.TryOfPercent(input.Buffer, out var b, out _) ? b : default;
            var result = ForestryCalculator.Compute(
                ForestryInput.WithDefaults(ForestrySpecies.ChineseFir, input.Area, input.Growth, input.Baseline, 0m), share);
            if (result.ToOwner < 1)
            {
                return;
            }

            s.Ok(s.Ledger.IssueOffsets(Reg1, s.Now, s.NextKey(), FfcerForest, result.Verified, CompanyA, share.IsNone ? null : BufferPool,
                share, "monitoring report 1"));
            var issuance = Assert.Single(s.Ledger.OffsetIssuances);
            Assert.Equal((result.ToOwner, result.Buffer), (issuance.OwnerQuantity, issuance.BufferQuantity));
            var retiredBefore = new List<SerialBlock>();
            foreach (var step in input.Steps)
            {
                var r = new Random(step);
                var (from, to) = (r.Next(Holders.Length), r.Next(Holders.Length));
                var quantity = r.Next(1, (int)Math.Min(result.ToOwner, 5000) + 1);
                if (r.Next(3) == 0)
                {
                    s.Ledger.Retire(Representatives[from][0], s.Now, s.NextKey(), Holders[from], FfcerForest, quantity, "受益人", "碳中和");
                }
                else if (from != to && s.Ledger.ProposeTransfer(Representatives[from][0], s.Now, s.NextKey(), Holders[from], Holders[to],
                    FfcerForest, quantity, s.Now.AddDays(1)) is RegistryOutcome.Completed { Event: TransferProposed proposed })
                {
                    s.Ledger.ApproveTransfer(Representatives[from][1], s.Now, s.NextKey(), proposed.Proposal);
                }
                var held = s.Ledger.Accounts.SelectMany(a => s.Ledger.HoldingsOf(a.Number)).Where(h => h.Class == FfcerForest).Sum(h => h.Total.Value);
                Assert.Equal(result.Verified, held);
                Assert.Equal(result.Verified, s.Ledger.TotalIssued(FfcerForest).Value);
                Assert.Equal(result.Buffer, s.Ledger.HoldingsOf(BufferPool).Where(h => h.Class == FfcerForest).Sum(h => h.Total.Value));
                Assert.All(retiredBefore, block => Assert.Equal(Cancellation, s.Ledger.HolderOf(FfcerForest, block.First)));
                retiredBefore = [.. s.Ledger.RetiredSerials(FfcerForest)];
            }
        }));
}
