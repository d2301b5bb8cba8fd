using OpenEts.Domain.Registry;
using Xunit;
using static OpenEts.Domain.Tests.Registry.RegistryScenario;

namespace OpenEts.Domain.Tests.Registry;

// A company may hold 10 000 blocks: a move splits them exactly and a replay rebuilds them (speed: bench/, not here).
public sealed partial class RegistryLedgerTests
{
    [Fact]
    public void Holdings_TenThousandBlocks_MoveSplitAndReplayExactly()
    {
        var s = WithAllocation(20_000);
        for (long serial = 2; serial <= 20_000; serial += 2)
        {
            s.Ok(s.Ledger.CorrectSerials(Reg1, s.Now, s.NextKey(), CompanyA, CompanyB, Gdea2017, SerialBlock.Create(serial, serial), "fragment"));
        }
        Assert.Equal(10_000, s.Ledger.HoldingsOf(CompanyA).Single().Blocks.Count);

        var id = ((TransferProposed)s.Ok(s.Ledger.ProposeTransfer(A1, s.Now, s.NextKey(), CompanyA, Investor, Gdea2017, 6_000, s.Now.AddDays(1))).Event).Proposal;
        var done = s.Ok(s.Ledger.ApproveTransfer(A2, s.Now, s.NextKey(), id));
        var replayed = RegistryLedger.Replay(s.Events);

        Assert.Equal(6_000, done.Blocks.Count);
        Assert.Equal(4_000, s.Ledger.HoldingsOf(CompanyA).Single().Blocks.Count);
        Assert.Equal(Investor, s.Ledger.HolderOf(Gdea2017, 11_999));
        Assert.Equal(CompanyA, s.Ledger.HolderOf(Gdea2017, 12_001));
        Assert.Equal(Snapshot(s.Ledger), Snapshot(replayed));
    }
}
