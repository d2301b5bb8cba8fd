using FsCheck;
using FsCheck.Fluent;
using OpenEts.Domain.Registry;
using Xunit;
using static OpenEts.Domain.Tests.Registry.RegistryScenario;

namespace OpenEts.Domain.Tests.Registry;

/// <summary>
/// Offsets under random sequences of issuance with a buffer, transfers, retirements and regulator corrections, made by
/// actors entitled to them (so most succeed, unlike the all-comers sequences of <see cref="RandomRegistryRequests"/>):
/// issued = held across all accounts, each serial in exactly one account, and retired serials never leave the
/// cancellation account.
/// </summary>
public sealed class OffsetPropertyTests
{
    private static readonly Arbitrary<int[]> Streams = Arb.From(Gen.Choose(0, int.MaxValue - 1).ArrayOf());
    private static readonly AccountNumber[] Holders = [CompanyA, CompanyB, Investor];
    private static readonly UserId[][] Representatives = [[A1, A2], [B1, B2], [I1, I2]];

    [Fact]
    public void RandomOffsetActivity_ConservesUnitsAndRetiredUnitsNeverMove() =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(200).WithEndSize(80), Prop.ForAll(Streams, (int[] seeds) =>
        {
            var s = WithOffsetClasses();
            foreach (var seed in seeds)
            {
                var r = new Random(seed);
                var unitClass = r.Next(2) == 0 ? CcerHydro : FfcerForest;
                var (h, other) = (r.Next(Holders.Length), r.Next(Holders.Length));
                var actor = Representatives[h][r.Next(2)];
                var quantity = r.Next(1, 60);
                var outcome = r.Next(5) switch
                {
                    0 => s.Ledger.IssueOffsets(Reg1, s.Now, s.NextKey(), unitClass, quantity, Holders[h], BufferPool,
                        BufferShare.TryOfPercent(r.Next(0, 50), out var share, out _) ? share : default, "mr"),
                    1 => s.Ledger.Retire(actor, s.Now, s.NextKey(), Holders[h], unitClass, quantity, "beneficiary", "purpose"),
                    2 => s.Ledger.Correct(Reg1, s.Now, s.NextKey(), Cancellation, Holders[other], unitClass, quantity, "undo"),
                    3 => s.Ledger.CorrectSerials(Reg1, s.Now, s.NextKey(), Cancellation, Holders[other], unitClass,
                        SerialBlock.OfCount(r.Next(1, 200), quantity), "undo"),
                    _ => s.Ledger.Correct(Reg1, s.Now, s.NextKey(), Holders[h], Holders[other], unitClass, quantity, "move"),
                };
                if (outcome is RegistryOutcome.Completed { Duplicate: false } done)
                {
                    s.Events.Add(done.Event);
                }
                AssertConservedAndRetiredStay(s.Ledger);
            }
            Assert.Equal(RegistryLedger.Replay(s.Events).Fingerprint(), s.Ledger.Fingerprint());
        }));

    private static void AssertConservedAndRetiredStay(RegistryLedger ledger)
    {
        foreach (var c in ledger.IssuedClasses)
        {
            var blocks = ledger.Accounts.SelectMany(a => ledger.HoldingsOf(a.Number)).Where(h => h.Class == c)
                .SelectMany(h => h.Blocks).Order().ToList();
            var next = 1L;
            foreach (var block in blocks)
            {
                Assert.Equal(next, block.First);
                next = block.Last + 1;
            }
            Assert.Equal(ledger.TotalIssued(c).Value, next - 1);
            foreach (var retired in ledger.RetiredSerials(c))
            {
                Assert.Equal(Cancellation, ledger.HolderOf(c, retired.First));
                Assert.Equal(Cancellation, ledger.HolderOf(c, retired.Last));
            }
        }
        Assert.Equal(ledger.OffsetIssuances.Sum(i => i.Issued),
            ledger.IssuedClasses.Where(c => c.IsProjectClass).Sum(c => ledger.TotalIssued(c).Value));
    }
}
