using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;
using Xunit;
using static OpenEts.Domain.Tests.Registry.RegistryScenario;

namespace OpenEts.Domain.Tests.Registry;

// Surrender, voluntary cancellation and regulator corrections.
public sealed partial class RegistryLedgerTests
{
    [Fact]
    public void Surrender_ForComplianceYear_MovesLowestSerialsAndRecordsYearAndAccount()
    {
        var s = WithAllocation(100);

        var done = s.Ok(s.Ledger.Surrender(A1, s.Now, s.NextKey(), CompanyA, Gdea2017, 60, 2017));

        var surrendered = Assert.IsType<UnitsSurrendered>(done.Event);
        Assert.Equal((CompanyA, Surrender, 2017), (surrendered.From, surrendered.To, surrendered.ComplianceYear));
        Assert.Equal("1-60", s.Blocks(Surrender, Gdea2017));
    }

    // docs/registry.md: a correction moves units back out of the surrender account; what it moves no longer counts as
    // surrendered, and serials surrendered again count for the later surrender only (never twice).
    [Fact]
    public void Standing_AfterACorrectionOutOfTheSurrenderAccountAndASecondSurrender_CountsEachSerialOnceForItsLatestSurrender()
    {
        var s = WithAllocation(100);
        var first = (UnitsSurrendered)s.Ok(s.Ledger.Surrender(A1, s.Now, s.NextKey(), CompanyA, Gdea2017, 60, 2017)).Event;
        Assert.Equal(60, s.Ledger.Standing(first));

        s.Now = s.Now.AddMinutes(1);
        s.Ok(s.Ledger.Correct(Reg1, s.Now, s.NextKey(), Surrender, CompanyA, Gdea2017, 20, "surrender entered in error"));
        Assert.Equal(40, s.Ledger.Standing(first));

        s.Now = s.Now.AddMinutes(1);
        var second = (UnitsSurrendered)s.Ok(s.Ledger.Surrender(A1, s.Now, s.NextKey(), CompanyA, Gdea2017, 30, 2017)).Event;
        Assert.Equal("1-20,61-70", string.Join(",", second.Blocks));
        Assert.Equal((40, 30), (s.Ledger.Standing(first), s.Ledger.Standing(second)));
        Assert.Equal(70, s.Ledger.QuantityHeld(Surrender, Gdea2017).Value);

        // Moved back in by the regulator: the serials stand again, for the latest surrender that holds them.
        s.Now = s.Now.AddMinutes(1);
        s.Ok(s.Ledger.Correct(Reg1, s.Now, s.NextKey(), Surrender, CompanyB, Gdea2017, 5, "wrong account"));
        Assert.Equal((40, 25), (s.Ledger.Standing(first), s.Ledger.Standing(second)));
    }

    [Fact]
    public void Standing_OfALedgerRestoredFromItsState_IsAsBefore_WhetherOrNotACorrectionTouchedASurrender()
    {
        var s = WithAllocation(100);
        var first = (UnitsSurrendered)s.Ok(s.Ledger.Surrender(A1, s.Now, s.NextKey(), CompanyA, Gdea2017, 60, 2017)).Event;
        var whole = RegistryLedger.FromState(s.Ledger.ToState());
        s.Now = s.Now.AddMinutes(1);
        s.Ok(s.Ledger.Correct(Reg1, s.Now, s.NextKey(), Surrender, CompanyA, Gdea2017, 20, "surrender entered in error"));

        var restored = RegistryLedger.FromState(s.Ledger.ToState());

        Assert.Equal(60, whole.Standing(Assert.Single(whole.SurrendersFor(2017))));
        Assert.Equal(40, restored.Standing(Assert.Single(restored.SurrendersFor(2017))));
        Assert.Equal(40, s.Ledger.Standing(first));
    }

    [Fact]
    public void Surrender_VintageAfterComplianceYear_ReturnsVintageAfterComplianceYear()
    {
        var s = WithAllocation(100);

        s.Rejects(RegistryRejection.VintageAfterComplianceYear, l => l.Surrender(A1, s.Now, s.NextKey(), CompanyA, Gdea2017, 1, 2016));
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2100)]
    public void Surrender_ComplianceYearOutOfRange_ReturnsInvalidComplianceYear(int year)
    {
        var s = WithAllocation(100);

        s.Rejects(RegistryRejection.InvalidComplianceYear, l => l.Surrender(A1, s.Now, s.NextKey(), CompanyA, Gdea2017, 1, year));
    }

    [Fact]
    public void Surrender_FromBlockedAccount_Completes()
    {
        var s = WithAllocation(100);
        s.Ok(s.Ledger.BlockAccount(Reg1, s.Now, s.NextKey(), CompanyA, "late"));

        s.Ok(s.Ledger.Surrender(A2, s.Now, s.NextKey(), CompanyA, Gdea2017, 100, 2017));

        Assert.Empty(s.Ledger.HoldingsOf(CompanyA));
    }

    [Fact]
    public void Surrender_Offsets_Complete()
    {
        var s = WithAllocation(10);
        s.Ok(s.Ledger.Issue(Reg1, s.Now, s.NextKey(), UnitClass.Phcer, 5));
        s.Ok(s.Ledger.Correct(Reg1, s.Now, s.NextKey(), Issuance, CompanyA, UnitClass.Phcer, 5, "PHCER filed"));

        s.Ok(s.Ledger.Surrender(A1, s.Now, s.NextKey(), CompanyA, UnitClass.Phcer, 5, 2017));

        Assert.Equal(AllowanceCount.From(5), s.Ledger.QuantityHeld(Surrender, UnitClass.Phcer));
    }

    [Fact]
    public void Surrender_FromInvestorAccount_ReturnsAccountKindNotAllowed()
    {
        var s = WithAllocation(100);
        s.Ok(s.Ledger.Correct(Reg1, s.Now, s.NextKey(), CompanyA, Investor, Gdea2017, 10, "setup"));

        s.Rejects(RegistryRejection.AccountKindNotAllowed, l => l.Surrender(I1, s.Now, s.NextKey(), Investor, Gdea2017, 1, 2017));
    }

    [Fact]
    public void Surrender_ByNonRepresentative_ReturnsNotRepresentative()
    {
        var s = WithAllocation(100);

        s.Rejects(RegistryRejection.NotRepresentative, l => l.Surrender(Reg1, s.Now, s.NextKey(), CompanyA, Gdea2017, 1, 2017));
    }

    [Fact]
    public void Surrender_MoreThanHeld_ReturnsInsufficientHoldings()
    {
        var s = WithAllocation(100);

        s.Rejects(RegistryRejection.InsufficientHoldings, l => l.Surrender(A1, s.Now, s.NextKey(), CompanyA, Gdea2017, 101, 2017));
    }

    [Fact]
    public void Cancel_FromHolding_MovesToCancellationAccount()
    {
        var s = WithAllocation(100);

        var done = s.Ok(s.Ledger.Cancel(A1, s.Now, s.NextKey(), CompanyA, Gdea2017, 3, "2018 conference offset"));

        Assert.Equal("2018 conference offset", Assert.IsType<UnitsCancelled>(done.Event).Reason);
        Assert.Equal("1-3", s.Blocks(Cancellation, Gdea2017));
    }

    [Fact]
    public void Cancel_FromBlockedAccount_ReturnsAccountBlocked()
    {
        var s = WithAllocation(100);
        s.Ok(s.Ledger.BlockAccount(Reg1, s.Now, s.NextKey(), CompanyA, "investigation"));

        s.Rejects(RegistryRejection.AccountBlocked, l => l.Cancel(A1, s.Now, s.NextKey(), CompanyA, Gdea2017, 3, "event offset"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Correct_WithoutReason_ReturnsReasonRequired(string reason)
    {
        var s = WithAllocation(100);

        var rejected = s.Rejects(RegistryRejection.ReasonRequired,
            l => l.Correct(Reg1, s.Now, s.NextKey(), CompanyA, CompanyB, Gdea2017, 1, reason));

        Assert.Equal("reason", rejected.Field);
    }

    [Fact]
    public void Correct_BackOutOfSurrenderAccount_ReturnsUnitsToHolder()
    {
        var s = WithAllocation(100);
        s.Ok(s.Ledger.Surrender(A1, s.Now, s.NextKey(), CompanyA, Gdea2017, 100, 2017));

        var done = s.Ok(s.Ledger.Correct(Reg2, s.Now, s.NextKey(), Surrender, CompanyA, Gdea2017, 40, "surrendered in excess, returned"));

        Assert.False(Assert.IsType<UnitsCorrected>(done.Event).BySerials);
        Assert.Equal("1-40", s.Blocks(CompanyA, Gdea2017));
        Assert.Equal("41-100", s.Blocks(Surrender, Gdea2017));
    }

    [Fact]
    public void CorrectSerials_NamedSerials_MovesExactlyThose()
    {
        var s = WithAllocation(100);

        var done = s.Ok(s.Ledger.CorrectSerials(Reg1, s.Now, s.NextKey(), CompanyA, Issuance, Gdea2017, SerialBlock.Create(50, 59),
            "abnormal production months (guangdong.md §1.2 Art. 14)"));

        Assert.True(Assert.IsType<UnitsCorrected>(done.Event).BySerials);
        Assert.Equal("1-49,60-100", s.Blocks(CompanyA, Gdea2017));
        Assert.Equal(Issuance, s.Ledger.HolderOf(Gdea2017, 55));
    }

    [Fact]
    public void CorrectSerials_NotAllHeld_ReturnsInsufficientHoldings()
    {
        var s = WithAllocation(100);

        s.Rejects(RegistryRejection.InsufficientHoldings,
            l => l.CorrectSerials(Reg1, s.Now, s.NextKey(), CompanyA, CompanyB, Gdea2017, SerialBlock.Create(90, 101), "fix"));
    }

    [Fact]
    public void Correct_ByNonRegulator_ReturnsNotRegulator()
    {
        var s = WithAllocation(100);

        s.Rejects(RegistryRejection.NotRegulator, l => l.Correct(A1, s.Now, s.NextKey(), CompanyA, CompanyB, Gdea2017, 1, "mine"));
    }

    [Fact]
    public void Correct_IntoClosedAccount_ReturnsAccountClosed()
    {
        var s = WithAllocation(100);
        s.Ok(s.Ledger.CloseAccount(Reg1, s.Now, s.NextKey(), CompanyB, "gone"));

        s.Rejects(RegistryRejection.AccountClosed, l => l.Correct(Reg1, s.Now, s.NextKey(), CompanyA, CompanyB, Gdea2017, 1, "fix"));
    }

    [Fact]
    public void Correct_SameAccount_ReturnsSameAccount()
    {
        var s = WithAllocation(100);

        s.Rejects(RegistryRejection.SameAccount, l => l.Correct(Reg1, s.Now, s.NextKey(), CompanyA, CompanyA, Gdea2017, 1, "fix"));
    }
}
