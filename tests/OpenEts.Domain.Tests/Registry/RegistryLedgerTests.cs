using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;
using Xunit;
using static OpenEts.Domain.Tests.Registry.RegistryScenario;

namespace OpenEts.Domain.Tests.Registry;

// Issuance, allocation and queries.
public sealed partial class RegistryLedgerTests
{
    [Fact]
    public void Issue_FirstIssue_StartsAtSerialOneInIssuanceAccount()
    {
        var s = Initialised();

        var done = s.Ok(s.Ledger.Issue(Reg1, s.Now, s.NextKey(), Gdea2017, 1000));

        var issued = Assert.IsType<UnitsIssued>(done.Event);
        Assert.Equal([SerialBlock.Create(1, 1000)], issued.Blocks);
        Assert.Equal(Issuance, issued.Account);
        Assert.Equal("1-1000", s.Blocks(Issuance, Gdea2017));
    }

    [Fact]
    public void Issue_SecondIssue_ContinuesFromLastSerialOfThatClassOnly()
    {
        var s = Initialised();
        s.Ok(s.Ledger.Issue(Reg1, s.Now, s.NextKey(), Gdea2017, 1000));
        s.Ok(s.Ledger.Issue(Reg2, s.Now, s.NextKey(), UnitClass.Ccer, 5));

        var done = s.Ok(s.Ledger.Issue(Reg1, s.Now, s.NextKey(), Gdea2017, 500));

        Assert.Equal([SerialBlock.Create(1001, 1500)], done.Blocks);
        Assert.Equal("1-1500", s.Blocks(Issuance, Gdea2017));
        Assert.Equal("1-5", s.Blocks(Issuance, UnitClass.Ccer));
        Assert.Equal(AllowanceCount.From(1500), s.Ledger.TotalIssued(Gdea2017));
    }

    [Fact]
    public void Allocate_TheLargestIssuanceWhole_MovesEverySerialUpToTheLargest()
    {
        // Found by the store's property test: serials 1 to long.MaxValue, issued and then allocated whole, stopped the
        // allocation with an overflow.
        var s = Initialised();
        s.Ok(s.Ledger.Issue(Reg1, s.Now, s.NextKey(), Gdea2017, long.MaxValue));

        s.Ok(s.Ledger.Allocate(Reg1, s.Now, s.NextKey(), CompanyA, Gdea2017, long.MaxValue - 10));
        var rest = s.Ok(s.Ledger.Allocate(Reg1, s.Now, s.NextKey(), CompanyB, Gdea2017, 10));

        Assert.Equal([SerialBlock.Create(long.MaxValue - 9, long.MaxValue)], rest.Blocks);
        Assert.Equal("1-9223372036854775797", s.Blocks(CompanyA, Gdea2017));
        Assert.Equal(AllowanceCount.From(10), s.Ledger.QuantityHeld(CompanyB, Gdea2017));
        Assert.Equal(AllowanceCount.From(0), s.Ledger.QuantityHeld(Issuance, Gdea2017));
    }

    [Fact]
    public void Replay_ScatteredSerialsUpToTheLargestMovedTogether_LeavesTheRestWhereTheyWere()
    {
        // Moves of many scattered blocks at once (a replayed correction, as the clearing account's returns of the serials
        // it took) go through the holdings' bulk removal; one of them ending at the largest serial stopped it with an
        // overflow (Last + 1) before.
        var s = Initialised();
        s.Ok(s.Ledger.Issue(Reg1, s.Now, s.NextKey(), Gdea2017, long.MaxValue));
        s.Ok(s.Ledger.Allocate(Reg1, s.Now, s.NextKey(), CompanyA, Gdea2017, long.MaxValue));
        for (var serial = 2L; serial <= 40; serial += 2)
        {
            s.Ok(s.Ledger.CorrectSerials(Reg1, s.Now, s.NextKey(), CompanyA, CompanyB, Gdea2017, SerialBlock.Create(serial, serial), "scatter"));
        }
        SerialBlock[] moved = [.. Enumerable.Range(0, 9).Select(i => SerialBlock.Create(21 + 2 * i, 21 + 2 * i)), SerialBlock.Create(41, long.MaxValue)];

        s.Ledger.Apply(new UnitsCorrected(s.Now, Reg1, null, CompanyA, CompanyB, Gdea2017, moved, BySerials: true, "return"));

        Assert.Equal("1-1,3-3,5-5,7-7,9-9,11-11,13-13,15-15,17-17,19-19,39-39", s.Blocks(CompanyA, Gdea2017));
        Assert.Equal(AllowanceCount.From(11), s.Ledger.QuantityHeld(CompanyA, Gdea2017));
        Assert.Equal("2-2,4-4,6-6,8-8,10-10,12-12,14-14,16-16,18-18,20-38,40-9223372036854775807", s.Blocks(CompanyB, Gdea2017));
    }

    [Fact]
    public void Issue_ByNonRegulator_ReturnsNotRegulator()
    {
        var s = Initialised();

        s.Rejects(RegistryRejection.NotRegulator, l => l.Issue(A1, s.Now, s.NextKey(), Gdea2017, 10));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(long.MinValue)]
    public void Issue_ZeroOrNegativeQuantity_ReturnsInvalidQuantity(long quantity)
    {
        var s = Initialised();

        var rejected = s.Rejects(RegistryRejection.InvalidQuantity, l => l.Issue(Reg1, s.Now, s.NextKey(), Gdea2017, quantity));

        Assert.Equal("quantity", rejected.Field);
    }

    [Fact]
    public void Issue_PastLargestSerial_ReturnsInvalidQuantity()
    {
        var s = Initialised();
        s.Ok(s.Ledger.Issue(Reg1, s.Now, s.NextKey(), Gdea2017, long.MaxValue - 10));

        s.Rejects(RegistryRejection.InvalidQuantity, l => l.Issue(Reg1, s.Now, s.NextKey(), Gdea2017, 11));
        s.Ok(s.Ledger.Issue(Reg1, s.Now, s.NextKey(), Gdea2017, 10));
        Assert.Equal(AllowanceCount.From(long.MaxValue), s.Ledger.TotalHeld(Gdea2017));
    }

    [Fact]
    public void Issue_DefaultUnitClass_ReturnsUnknownUnitClass()
    {
        var s = Initialised();

        s.Rejects(RegistryRejection.UnknownUnitClass, l => l.Issue(Reg1, s.Now, s.NextKey(), default, 10));
    }

    [Fact]
    public void Issue_BeforeInitialise_ReturnsNotInitialised()
    {
        var s = new RegistryScenario();

        s.Rejects(RegistryRejection.NotInitialised, l => l.Issue(Reg1, s.Now, s.NextKey(), Gdea2017, 10));
    }

    [Fact]
    public void Allocate_ToHoldingAccount_MovesLowestSerialsFromIssuance()
    {
        var s = Initialised();
        s.Ok(s.Ledger.Issue(Reg1, s.Now, s.NextKey(), Gdea2017, 1000));

        var done = s.Ok(s.Ledger.Allocate(Reg1, s.Now, s.NextKey(), CompanyA, Gdea2017, 300));

        var allocated = Assert.IsType<UnitsAllocated>(done.Event);
        Assert.Equal((Issuance, CompanyA), (allocated.From, allocated.To));
        Assert.Equal("1-300", s.Blocks(CompanyA, Gdea2017));
        Assert.Equal("301-1000", s.Blocks(Issuance, Gdea2017));
    }

    [Fact]
    public void Allocate_MoreThanIssuanceHolds_ReturnsInsufficientHoldings()
    {
        var s = Initialised();
        s.Ok(s.Ledger.Issue(Reg1, s.Now, s.NextKey(), Gdea2017, 100));

        s.Rejects(RegistryRejection.InsufficientHoldings, l => l.Allocate(Reg1, s.Now, s.NextKey(), CompanyA, Gdea2017, 101));
    }

    [Theory]
    [InlineData("GD-INV-0001")]
    [InlineData("GD-CLEAR")]
    [InlineData("GD-SURRENDER")]
    public void Allocate_ToNonHoldingAccount_ReturnsAccountKindNotAllowed(string to)
    {
        var s = WithAllocation(10);
        s.Ok(s.Ledger.Issue(Reg1, s.Now, s.NextKey(), Gdea2017, 10));

        s.Rejects(RegistryRejection.AccountKindNotAllowed, l => l.Allocate(Reg1, s.Now, s.NextKey(), AccountNumber.From(to), Gdea2017, 5));
    }

    [Fact]
    public void Allocate_ToUnknownAccount_ReturnsUnknownAccount()
    {
        var s = Initialised();
        s.Ok(s.Ledger.Issue(Reg1, s.Now, s.NextKey(), Gdea2017, 10));

        var rejected = s.Rejects(RegistryRejection.UnknownAccount, l => l.Allocate(Reg1, s.Now, s.NextKey(), Unknown, Gdea2017, 5));

        Assert.Equal("to", rejected.Field);
        Assert.Contains("GD-NOPE", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_UnissuedClass_ReturnsUnknownUnitClass()
    {
        var s = WithAllocation(10);

        s.Rejects(RegistryRejection.UnknownUnitClass, l => l.Allocate(Reg1, s.Now, s.NextKey(), CompanyA, Gdea2018, 5));
    }

    [Fact]
    public void Allocate_ToBlockedAccount_Completes()
    {
        var s = Initialised();
        s.Ok(s.Ledger.Issue(Reg1, s.Now, s.NextKey(), Gdea2017, 10));
        s.Ok(s.Ledger.BlockAccount(Reg1, s.Now, s.NextKey(), CompanyA, "did not surrender 2016"));

        s.Ok(s.Ledger.Allocate(Reg1, s.Now, s.NextKey(), CompanyA, Gdea2017, 10));

        Assert.Equal(AllowanceCount.From(10), s.Ledger.QuantityHeld(CompanyA, Gdea2017));
    }

    [Fact]
    public void Allocate_ToClosedAccount_ReturnsAccountClosed()
    {
        var s = Initialised();
        s.Ok(s.Ledger.Issue(Reg1, s.Now, s.NextKey(), Gdea2017, 10));
        s.Ok(s.Ledger.CloseAccount(Reg1, s.Now, s.NextKey(), CompanyB, "left the scheme"));

        s.Rejects(RegistryRejection.AccountClosed, l => l.Allocate(Reg1, s.Now, s.NextKey(), CompanyB, Gdea2017, 5));
    }

    [Fact]
    public void HolderOf_Serial_NamesTheOneAccountHoldingIt()
    {
        var s = WithAllocation(100);
        s.Ok(s.Ledger.Issue(Reg1, s.Now, s.NextKey(), Gdea2017, 50));

        Assert.Equal(CompanyA, s.Ledger.HolderOf(Gdea2017, 1));
        Assert.Equal(CompanyA, s.Ledger.HolderOf(Gdea2017, 100));
        Assert.Equal(Issuance, s.Ledger.HolderOf(Gdea2017, 101));
        Assert.Null(s.Ledger.HolderOf(Gdea2017, 151));
        Assert.Null(s.Ledger.HolderOf(Gdea2018, 1));
    }

    [Fact]
    public void HoldingsOf_SeveralClasses_GroupsByClassWithTotalsInClassOrder()
    {
        var s = WithAllocation(100);
        s.Ok(s.Ledger.Issue(Reg1, s.Now, s.NextKey(), UnitClass.Ccer, 20));
        s.Ok(s.Ledger.Correct(Reg1, s.Now, s.NextKey(), Issuance, CompanyA, UnitClass.Ccer, 20, "CCER bought off-registry, recorded by the regulator"));
        s.Ok(s.Ledger.Issue(Reg1, s.Now, s.NextKey(), Cea2021, 7));
        s.Ok(s.Ledger.Correct(Reg1, s.Now, s.NextKey(), Issuance, CompanyA, Cea2021, 7, "national allocation recorded"));

        var holdings = s.Ledger.HoldingsOf(CompanyA);

        Assert.Equal(["CEA-2021", "GDEA-2017", "CCER"], holdings.Select(h => h.Class.ToString()));
        Assert.Equal([7L, 100L, 20L], holdings.Select(h => h.Total.Value));
        Assert.Empty(s.Ledger.HoldingsOf(Unknown));
        Assert.Equal([CompanyA], s.Ledger.HoldersOf(Cea2021));
    }

    [Fact]
    public void TotalHeld_AfterMoves_EqualsTotalIssued()
    {
        var s = WithAllocation(100);
        s.Ok(s.Ledger.Surrender(A1, s.Now, s.NextKey(), CompanyA, Gdea2017, 30, 2017));
        s.Ok(s.Ledger.Cancel(A2, s.Now, s.NextKey(), CompanyA, Gdea2017, 5, "event offset"));

        Assert.Equal(s.Ledger.TotalIssued(Gdea2017), s.Ledger.TotalHeld(Gdea2017));
        Assert.Equal(AllowanceCount.From(30), s.Ledger.QuantityHeld(Surrender, Gdea2017));
        Assert.Equal(AllowanceCount.From(5), s.Ledger.QuantityHeld(Cancellation, Gdea2017));
        Assert.Equal(AllowanceCount.From(65), s.Ledger.QuantityHeld(CompanyA, Gdea2017));
    }

    [Fact]
    public void Apply_TransferOfSerialsNotHeld_Throws()
    {
        var s = WithAllocation(10);
        var forged = new UnitsCorrected(s.Now, Reg1, IdempotencyKey.From("forged"), CompanyB, CompanyA, Gdea2017,
            [SerialBlock.Create(1, 5)], true, "forged");

        Assert.Throws<InvalidOperationException>(() => s.Ledger.Apply(forged));
    }
}
