using FsCheck;
using FsCheck.Fluent;
using OpenEts.Domain.Registry;
using Xunit;
using static OpenEts.Domain.Tests.Registry.RegistryScenario;

namespace OpenEts.Domain.Tests.Registry;

/// <summary>
/// Accounts holding hundreds of scattered blocks, moved back and forth lowest serial first and by serial: after every
/// move each account holds exactly the serials a plain set model says, as merged blocks, lowest first.
/// </summary>
public sealed class FragmentedHoldingsPropertyTests
{
    private const long Issued = 2_000;

    private static readonly Arbitrary<int[]> Streams = Arb.From(Gen.Choose(0, int.MaxValue - 1).ArrayOf());

    [Fact]
    public void ScatteredHoldings_RandomMoves_MatchASetOfSerials() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60).WithEndSize(150), Prop.ForAll(Streams, (int[] seeds) =>
        {
            var s = WithAllocation(Issued);
            var model = new Dictionary<AccountNumber, SortedSet<long>>
            {
                [CompanyA] = [.. Enumerable.Range(1, (int)Issued).Select(i => (long)i)],
                [CompanyB] = [],
            };
            // Scatter: every third serial to B, so both hold hundreds of one- and two-serial blocks.
            for (var serial = 2L; serial <= Issued; serial += 3)
            {
                MoveSerials(s, model, CompanyA, CompanyB, SerialBlock.Create(serial, serial));
            }
            foreach (var seed in seeds)
            {
                var r = new Random(seed);
                var (from, to) = r.Next(2) == 0 ? (CompanyA, CompanyB) : (CompanyB, CompanyA);
                if (model[from].Count == 0)
                {
                    continue;
                }
                if (r.Next(3) == 0)
                {
                    // By serial: a run of serials the source holds, starting anywhere in its holdings.
                    var start = model[from].ElementAt(r.Next(model[from].Count));
                    var last = start;
                    while (last - start < r.Next(1, 6) && model[from].Contains(last + 1))
                    {
                        last++;
                    }
                    MoveSerials(s, model, from, to, SerialBlock.Create(start, last));
                }
                else
                {
                    var quantity = 1 + r.Next(Math.Min(model[from].Count, 400));
                    s.Ok(s.Ledger.Correct(Reg1, s.Now, s.NextKey(), from, to, Gdea2017, quantity, "move"));
                    foreach (var serial in model[from].Take(quantity).ToList())
                    {
                        model[from].Remove(serial);
                        model[to].Add(serial);
                    }
                }
                AssertHolds(s, model);
            }
            Assert.Equal(Issued, s.Ledger.TotalHeld(Gdea2017).Value);
        }));

    private static void MoveSerials(
        RegistryScenario s, Dictionary<AccountNumber, SortedSet<long>> model, AccountNumber from, AccountNumber to, SerialBlock block)
    {
        s.Ok(s.Ledger.CorrectSerials(Reg1, s.Now, s.NextKey(), from, to, Gdea2017, block, "move"));
        for (var serial = block.First; serial <= block.Last; serial++)
        {
            model[from].Remove(serial);
            model[to].Add(serial);
        }
    }

    private static void AssertHolds(RegistryScenario s, Dictionary<AccountNumber, SortedSet<long>> model)
    {
        foreach (var (account, serials) in model)
        {
            var holding = s.Ledger.HoldingsOf(account).SingleOrDefault(h => h.Class == Gdea2017);
            Assert.Equal(Blocks(serials), holding is null ? [] : holding.Blocks.ToList());
            Assert.Equal(serials.Count, holding?.Total.Value ?? 0);
            foreach (var probe in serials.Take(3).Concat(serials.TakeLast(3)))
            {
                Assert.Equal(account, s.Ledger.HolderOf(Gdea2017, probe));
            }
        }
    }

    // The serials as maximal runs, lowest first: what a holding must show.
    private static List<SerialBlock> Blocks(SortedSet<long> serials)
    {
        var blocks = new List<SerialBlock>();
        foreach (var serial in serials)
        {
            if (blocks.Count > 0 && blocks[^1].Last + 1 == serial)
            {
                blocks[^1] = SerialBlock.Create(blocks[^1].First, serial);
            }
            else
            {
                blocks.Add(SerialBlock.Create(serial, serial));
            }
        }
        return blocks;
    }
}
