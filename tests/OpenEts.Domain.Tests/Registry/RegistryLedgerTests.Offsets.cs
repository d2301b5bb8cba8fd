using OpenEts.Domain.Registry;
using Xunit;
using static OpenEts.Domain.Tests.Registry.RegistryScenario;

namespace OpenEts.Domain.Tests.Registry;

// Offset classes: definition, issuance with a buffer share, retirement for a beneficiary, attributes.
public sealed partial class RegistryLedgerTests
{
    private static BufferShare Percent(decimal percent) =>
        BufferShare.TryOfPercent(percent, out var share, out var reason) ? share : throw new ArgumentException(reason);

    private static BufferShare Tonnes(long tonnes) =>
        BufferShare.TryOfTonnes(tonnes, out var share, out var reason) ? share : throw new ArgumentException(reason);

    [Fact]
    public void DefineOffsetClass_ByAHolder_ReturnsNotRegulator()
    {
        var s = WithOffsetClasses();
        var unitClass = UnitClass.Offset(UnitType.Ccer, "009999", 2020);

        s.Rejects(RegistryRejection.NotRegulator,
            l => l.DefineOffsetClass(A1, s.Now, s.NextKey(), unitClass, "Wind", ProjectCategory.Wind, "NM", false));
    }

    [Theory]
    [InlineData("CCER")]
    [InlineData("GDEA-2017")]
    public void DefineOffsetClass_LegacyOrAllowanceClass_ReturnsNotAnOffsetClass(string unitClass)
    {
        var s = WithOffsetClasses();

        s.Rejects(RegistryRejection.NotAnOffsetClass,
            l => l.DefineOffsetClass(Reg1, s.Now, s.NextKey(), UnitClass.Parse(unitClass), "X", ProjectCategory.Wind, "GD", false));
    }

    [Fact]
    public void DefineOffsetClass_UnknownProvince_ReturnsInvalidTextOnHostProvince()
    {
        var s = WithOffsetClasses();

        var refused = s.Rejects(RegistryRejection.InvalidText, l => l.DefineOffsetClass(Reg1, s.Now, s.NextKey(),
            UnitClass.Offset(UnitType.Ccer, "000777", 2020), "X", ProjectCategory.Wind, "CN-GD", false));

        Assert.Equal("hostProvince", refused.Field);
    }

    [Fact]
    public void DefineOffsetClass_AgainWithTheSameAttributes_ChangesNothingAndAgainDifferently_IsRefused()
    {
        var s = WithOffsetClasses();
        var before = Snapshot(s.Ledger);

        var again = s.Ok(s.Ledger.DefineOffsetClass(Reg2, s.Now, s.NextKey(), CcerHydro, "Yalong hydropower", ProjectCategory.Hydropower, "SC", false));

        Assert.True(again.Duplicate);
        Assert.Equal(before, Snapshot(s.Ledger));
        s.Rejects(RegistryRejection.OffsetClassAlreadyDefined, l => l.DefineOffsetClass(Reg1, s.Now, s.NextKey(), CcerHydro,
            "Yalong hydropower", ProjectCategory.Hydropower, "SC", preCdm: true));
    }

    [Fact]
    public void Issue_ProjectClassNotDefined_ReturnsOffsetClassNotDefined()
    {
        var s = WithOffsetClasses();
        var undefined = UnitClass.Offset(UnitType.Ccer, "000555", 2021);

        s.Rejects(RegistryRejection.OffsetClassNotDefined, l => l.Issue(Reg1, s.Now, s.NextKey(), undefined, 100));
        s.Rejects(RegistryRejection.OffsetClassNotDefined,
            l => l.IssueOffsets(Reg1, s.Now, s.NextKey(), undefined, 100, CompanyA, null, default, ""));
    }

    [Fact]
    public void IssueOffsets_WithAPercentBuffer_CreditsOwnerThenBufferAndConserves()
    {
        var s = WithOffsetClasses();

        var done = s.Ok(s.Ledger.IssueOffsets(Reg1, s.Now, s.NextKey(), FfcerForest, 1001, CompanyA, BufferPool, Percent(20), "MR-1"));

        // 20 % of 1001 is 200.2, withheld as 201 (rounded up); the owner gets the other 800.
        var issued = Assert.IsType<OffsetsIssued>(done.Event);
        Assert.Equal("1-800", s.Blocks(CompanyA, FfcerForest));
        Assert.Equal("801-1001", s.Blocks(BufferPool, FfcerForest));
        Assert.Equal(20m, issued.BufferPercent);
        Assert.Equal(1001, s.Ledger.TotalIssued(FfcerForest).Value);
        Assert.Equal(s.Ledger.TotalIssued(FfcerForest), s.Ledger.TotalHeld(FfcerForest));
        Assert.Empty(s.Blocks(Issuance, FfcerForest));
    }

    [Fact]
    public void IssueOffsets_Twice_ContinuesTheClassSerials()
    {
        var s = WithOffsetClasses();
        s.Ok(s.Ledger.IssueOffsets(Reg1, s.Now, s.NextKey(), CcerHydro, 500, CompanyA, null, default, ""));

        s.Ok(s.Ledger.IssueOffsets(Reg1, s.Now, s.NextKey(), CcerHydro, 300, CompanyB, BufferPool, Tonnes(50), ""));

        Assert.Equal("1-500", s.Blocks(CompanyA, CcerHydro));
        Assert.Equal("501-750", s.Blocks(CompanyB, CcerHydro));
        Assert.Equal("751-800", s.Blocks(BufferPool, CcerHydro));
        Assert.Equal([1L, 2L], s.Ledger.OffsetIssuances.Select(i => i.Number));
        Assert.Equal(300, s.Ledger.OffsetIssuances[1].Issued);
    }

    [Fact]
    public void IssueOffsets_BufferShareWithoutABufferAccount_ReturnsInvalidBuffer()
    {
        var s = WithOffsetClasses();

        s.Rejects(RegistryRejection.InvalidBuffer,
            l => l.IssueOffsets(Reg1, s.Now, s.NextKey(), FfcerForest, 1000, CompanyA, null, Percent(10), ""));
        s.Rejects(RegistryRejection.AccountKindNotAllowed,
            l => l.IssueOffsets(Reg1, s.Now, s.NextKey(), FfcerForest, 1000, CompanyA, CompanyB, Percent(10), ""));
    }

    [Fact]
    public void IssueOffsets_BufferTakingEverything_ReturnsInvalidBuffer()
    {
        var s = WithOffsetClasses();

        s.Rejects(RegistryRejection.InvalidBuffer,
            l => l.IssueOffsets(Reg1, s.Now, s.NextKey(), FfcerForest, 1000, CompanyA, BufferPool, Tonnes(1000), ""));
        s.Rejects(RegistryRejection.InvalidBuffer,
            l => l.IssueOffsets(Reg1, s.Now, s.NextKey(), FfcerForest, 1, CompanyA, BufferPool, Percent(1), ""));
    }

    [Fact]
    public void IssueOffsets_ToTheClearingAccount_ReturnsAccountKindNotAllowed()
    {
        var s = WithOffsetClasses();

        s.Rejects(RegistryRejection.AccountKindNotAllowed,
            l => l.IssueOffsets(Reg1, s.Now, s.NextKey(), FfcerForest, 10, Clearing, null, default, ""));
    }

    [Fact]
    public void Retire_NamingBeneficiaryAndPurpose_MovesToCancellationAndIsListed()
    {
        var s = WithOffsetClasses();
        s.Ok(s.Ledger.IssueOffsets(Reg1, s.Now, s.NextKey(), CcerHydro, 500, CompanyA, null, default, ""));

        s.Ok(s.Ledger.Retire(A1, s.Now, s.NextKey(), CompanyA, CcerHydro, 120, "广州马拉松组委会", "2024 赛事碳中和"));

        Assert.Equal("1-120", s.Blocks(Cancellation, CcerHydro));
        var listed = Assert.Single(s.Ledger.Retirements);
        Assert.Equal((1L, 120L, "广州马拉松组委会", "2024 赛事碳中和"), (listed.Number, listed.Quantity, listed.Beneficiary, listed.Purpose));
        Assert.Equal([SerialBlock.Create(1, 120)], s.Ledger.RetiredSerials(CcerHydro));
    }

    [Theory]
    [InlineData(" ", "purpose")]
    [InlineData("Beneficiary", "")]
    public void Retire_WithoutBeneficiaryOrPurpose_IsRefused(string beneficiary, string purpose)
    {
        var s = WithOffsetClasses();
        s.Ok(s.Ledger.IssueOffsets(Reg1, s.Now, s.NextKey(), CcerHydro, 500, CompanyA, null, default, ""));

        var refused = Assert.IsType<RegistryOutcome.Rejected>(
            s.Ledger.Retire(A1, s.Now, s.NextKey(), CompanyA, CcerHydro, 1, beneficiary, purpose));

        Assert.Equal(RegistryRejection.InvalidText, refused.Reason);
        Assert.Equal(string.IsNullOrWhiteSpace(beneficiary) ? "beneficiary" : "purpose", refused.Field);
    }

    [Fact]
    public void Correct_RetiredSerialsOutOfCancellation_ReturnsUnitsRetiredButCancelledOnesStillMove()
    {
        var s = WithOffsetClasses();
        s.Ok(s.Ledger.IssueOffsets(Reg1, s.Now, s.NextKey(), CcerHydro, 500, CompanyA, null, default, ""));
        s.Ok(s.Ledger.Retire(A1, s.Now, s.NextKey(), CompanyA, CcerHydro, 100, "B", "P"));
        s.Ok(s.Ledger.Cancel(A1, s.Now, s.NextKey(), CompanyA, CcerHydro, 50, "cancelled, not retired"));

        s.Rejects(RegistryRejection.UnitsRetired, l => l.Correct(Reg1, s.Now, s.NextKey(), Cancellation, CompanyA, CcerHydro, 1, "undo"));
        s.Rejects(RegistryRejection.UnitsRetired,
            l => l.CorrectSerials(Reg1, s.Now, s.NextKey(), Cancellation, CompanyA, CcerHydro, SerialBlock.Create(100, 101), "undo"));
        s.Ok(s.Ledger.CorrectSerials(Reg1, s.Now, s.NextKey(), Cancellation, CompanyA, CcerHydro, SerialBlock.Create(101, 150), "undo"));
        Assert.Equal("1-100", s.Blocks(Cancellation, CcerHydro));
    }

    [Fact]
    public void AttributesOf_DefinedLegacyAndAllowanceClasses_SayWhatIsKnown()
    {
        var s = WithOffsetClasses();

        var hydro = s.Ledger.AttributesOf(CcerHydro)!;
        var legacy = s.Ledger.AttributesOf(UnitClass.Ccer)!;
        var allowance = s.Ledger.AttributesOf(Gdea2017)!;

        Assert.Equal((UnitType.Ccer, "001234", ProjectCategory.Hydropower, "SC", 2019, false, true),
            (hydro.Programme, hydro.Project, hydro.Category.GetValueOrDefault(), hydro.HostProvince, hydro.Vintage.GetValueOrDefault(),
                hydro.PreCdm.GetValueOrDefault(true), hydro.Defined));
        Assert.Equal((UnitType.Ccer, null, null, null, null, false),
            (legacy.Programme, legacy.Category, legacy.HostProvince, legacy.Vintage, legacy.PreCdm, legacy.Defined));
        Assert.Equal(("GD", 2017, true), (allowance.HostProvince, allowance.Vintage.GetValueOrDefault(), allowance.Defined));
    }

    [Fact]
    public void OffsetEvents_Replayed_RebuildTheSameRegistryAndLists()
    {
        var s = WithOffsetClasses();
        s.Ok(s.Ledger.IssueOffsets(Reg1, s.Now, s.NextKey(), FfcerForest, 1000, CompanyA, BufferPool, Percent(15), "MR-7"));
        s.Ok(s.Ledger.Retire(A1, s.Now, s.NextKey(), CompanyA, FfcerForest, 30, "B", "P"));

        var replayed = RegistryLedger.Replay(s.Events);

        Assert.Equal(Snapshot(s.Ledger), Snapshot(replayed));
        Assert.Equal(s.Ledger.Retirements, replayed.Retirements);
        Assert.Equal(s.Ledger.OffsetIssuances.Select(i => (i.Class, i.OwnerQuantity, i.BufferQuantity)),
            replayed.OffsetIssuances.Select(i => (i.Class, i.OwnerQuantity, i.BufferQuantity)));
    }
}
