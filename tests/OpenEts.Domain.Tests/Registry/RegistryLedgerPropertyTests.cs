using OpenEts.Domain.Registry;
using Xunit;
using static OpenEts.Domain.Tests.Registry.RandomRegistryRequests;
using static OpenEts.Domain.Tests.Registry.RegistryScenario;

namespace OpenEts.Domain.Tests.Registry;

/// <summary>
/// Properties over random request sequences (every request kind, good and bad actors, accounts, classes, quantities,
/// repeated idempotency keys): units are conserved, each issued serial is in exactly one account, a refused request
/// changes nothing, a repeated request executes once, and replaying the events rebuilds the state (through the journal's
/// JSON: RegistryEventJsonTests in OpenEts.Application.Tests).
/// </summary>
public sealed class RegistryLedgerPropertyTests
{

    [Fact]
    public void RandomRequests_AfterEachOne_UnitsAreConservedAndEachSerialIsInExactlyOneAccount() =>
        Check((s, requests) =>
        {
            foreach (var request in requests)
            {
                s.Now = s.Now.AddMinutes(7);
                Run(s, request);
                AssertEverySerialHeldOnce(s.Ledger);
            }
        });

    [Fact]
    public void RandomRequests_Rejected_ChangeNothing() =>
        Check((s, requests) =>
        {
            foreach (var request in requests)
            {
                s.Now = s.Now.AddMinutes(7);
                var before = Snapshot(s.Ledger);
                var outcome = Run(s, request);
                if (outcome is RegistryOutcome.Rejected)
                {
                    Assert.Equal(before, Snapshot(s.Ledger));
                }
            }
        });

    [Fact]
    public void RandomRequests_RepeatedWithSameKey_ExecuteOnceAndReturnTheFirstOutcome() =>
        Check((s, requests) =>
        {
            foreach (var request in requests)
            {
                s.Now = s.Now.AddMinutes(7);
                if (Run(s, request) is RegistryOutcome.Completed first)
                {
                    var after = Snapshot(s.Ledger);
                    var againOutcome = request(s.Now);
                    Assert.True(againOutcome is RegistryOutcome.Completed, $"{first.Event} then {againOutcome}");
                    var again = (RegistryOutcome.Completed)againOutcome!;
                    Assert.True(again.Duplicate);
                    Assert.Same(first.Event, again.Event);
                    Assert.Equal(first.Blocks, again.Blocks);
                    Assert.Equal(after, Snapshot(s.Ledger));
                }
            }
        });

    [Fact]
    public void RandomRequests_ReplayingTheEvents_RebuildsTheSameRegistry() =>
        Check((s, requests) =>
        {
            foreach (var request in requests)
            {
                s.Now = s.Now.AddMinutes(7);
                Run(s, request);
            }
            var live = Snapshot(s.Ledger);

            var replayed = RegistryLedger.Replay(s.Events);

            Assert.Equal(live, Snapshot(replayed));
            foreach (var e in s.Events.Where(e => e.Key is not null))
            {
                var repeat = RepeatOn(replayed, e);
                Assert.True(repeat is RegistryOutcome.Completed { Duplicate: true }, $"{e.GetType().Name} {e.Key} was not recognised after replay");
            }
        });


    [Fact]
    public void RandomRequests_RetiredUnits_StayInTheCancellationAccountForGood() =>
        Check((s, requests) =>
        {
            foreach (var request in requests)
            {
                s.Now = s.Now.AddMinutes(7);
                Run(s, request);
                foreach (var retirement in s.Ledger.Retirements)
                {
                    foreach (var block in retirement.Blocks)
                    {
                        Assert.Equal(Cancellation, s.Ledger.HolderOf(retirement.Class, block.First));
                        Assert.Equal(Cancellation, s.Ledger.HolderOf(retirement.Class, block.Last));
                    }
                }
            }
            Assert.Equal(s.Ledger.Retirements.Sum(r => r.Quantity),
                s.Ledger.Retirements.Select(r => r.Class).Distinct().Sum(c => s.Ledger.RetiredSerials(c).Sum(b => b.Count)));
        });

    [Fact]
    public void RandomRequests_OffsetIssuance_IssuedIsOwnerPlusBufferAndTheBufferRoundsUp() =>
        Check((s, requests) =>
        {
            foreach (var request in requests)
            {
                s.Now = s.Now.AddMinutes(7);
                Run(s, request);
            }
            foreach (var issued in s.Events.OfType<OffsetsIssued>())
            {
                var owner = issued.OwnerBlocks.Sum(b => b.Count);
                var buffer = issued.BufferBlocks.Sum(b => b.Count);
                Assert.True(owner >= 1);
                Assert.Equal(issued.Share().WithheldFrom(owner + buffer), buffer);
                if (issued.BufferPercent is { } percent)
                {
                    // Rounded up: the buffer holds at least its share and less than one tonne more.
                    Assert.True(buffer * 100m >= (owner + buffer) * percent && (buffer - 1) * 100m < (owner + buffer) * percent);
                }
            }
        });

    // Conservation and uniqueness at once: the blocks of all accounts, sorted, tile 1..issued with no gap or overlap.
    private static void AssertEverySerialHeldOnce(RegistryLedger ledger)
    {
        foreach (var c in ledger.IssuedClasses)
        {
            var blocks = ledger.Accounts
                .SelectMany(a => ledger.HoldingsOf(a.Number))
                .Where(h => h.Class == c)
                .SelectMany(h =>
                {
                    Assert.True(h.Total.Value > 0);
                    Assert.Equal(h.Total.Value, h.Blocks.Sum(b => b.Count));
                    return h.Blocks;
                })
                .Order()
                .ToList();
            var next = 1L;
            foreach (var block in blocks)
            {
                Assert.Equal(next, block.First);
                next = block.Last + 1;
            }
            Assert.Equal(ledger.TotalIssued(c).Value, next - 1);
            Assert.Equal(ledger.TotalIssued(c), ledger.TotalHeld(c));
        }
    }
}
