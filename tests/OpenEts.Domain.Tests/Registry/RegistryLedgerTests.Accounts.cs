using OpenEts.Domain.Registry;
using Xunit;
using static OpenEts.Domain.Tests.Registry.RegistryScenario;

namespace OpenEts.Domain.Tests.Registry;

// Initialisation, accounts, representatives and idempotency.
public sealed partial class RegistryLedgerTests
{
    [Fact]
    public void Initialise_CreatesTheThreeRegistryAccountsForTheRegulator()
    {
        var s = Initialised();

        Assert.True(s.Ledger.IsRegulator(Reg2));
        Assert.False(s.Ledger.IsRegulator(A1));
        Assert.Equal(AccountKind.Surrender, s.Ledger.FindAccount(Surrender)!.Kind);
        Assert.Equal([Reg1, Reg2], s.Ledger.FindAccount(Cancellation)!.Representatives.Order());
    }

    [Fact]
    public void Initialise_Twice_ReturnsAlreadyInitialised()
    {
        var s = Initialised();

        s.Rejects(RegistryRejection.AlreadyInitialised,
            l => l.Initialise(Reg1, s.Now, s.NextKey(), "x", AccountNumber.From("I2"), AccountNumber.From("S2"), AccountNumber.From("C2"), [Reg1, Reg2]));
    }

    [Fact]
    public void Initialise_OneOfficer_ReturnsTooFewRepresentatives()
    {
        var s = new RegistryScenario();

        s.Rejects(RegistryRejection.TooFewRepresentatives,
            l => l.Initialise(Reg1, s.Now, s.NextKey(), "x", Issuance, Surrender, Cancellation, [Reg1, Reg1]));
    }

    [Fact]
    public void Initialise_ActorNotAnOfficer_ReturnsNotRegulator()
    {
        var s = new RegistryScenario();

        s.Rejects(RegistryRejection.NotRegulator,
            l => l.Initialise(A1, s.Now, s.NextKey(), "x", Issuance, Surrender, Cancellation, [Reg1, Reg2]));
    }

    [Fact]
    public void OpenAccount_OneRepresentative_ReturnsTooFewRepresentatives()
    {
        var s = Initialised();

        s.Rejects(RegistryRejection.TooFewRepresentatives,
            l => l.OpenAccount(Reg1, s.Now, s.NextKey(), AccountNumber.From("GD-HOLD-0009"), AccountKind.Holding, "C", [A1]));
    }

    [Fact]
    public void OpenAccount_DuplicateNumber_ReturnsAccountExists()
    {
        var s = Initialised();

        s.Rejects(RegistryRejection.AccountExists,
            l => l.OpenAccount(Reg1, s.Now, s.NextKey(), CompanyA, AccountKind.Holding, "C", [A1, A2]));
    }

    [Fact]
    public void OpenAccount_SystemKind_ReturnsAccountKindNotAllowed()
    {
        var s = Initialised();

        s.Rejects(RegistryRejection.AccountKindNotAllowed,
            l => l.OpenAccount(Reg1, s.Now, s.NextKey(), AccountNumber.From("X"), AccountKind.Issuance, "C", [A1, A2]));
    }

    [Fact]
    public void OpenAccount_ByNonRegulator_ReturnsNotRegulator()
    {
        var s = Initialised();

        s.Rejects(RegistryRejection.NotRegulator,
            l => l.OpenAccount(A1, s.Now, s.NextKey(), AccountNumber.From("X"), AccountKind.Holding, "C", [A1, A2]));
    }

    [Fact]
    public void OpenAccount_BlankHolderName_ReturnsInvalidText()
    {
        var s = Initialised();

        s.Rejects(RegistryRejection.InvalidText,
            l => l.OpenAccount(Reg1, s.Now, s.NextKey(), AccountNumber.From("X"), AccountKind.Holding, " ", [A1, A2]));
    }

    [Fact]
    public void BlockAccount_States_FollowOpenBlockedClosed()
    {
        var s = Initialised();

        s.Ok(s.Ledger.BlockAccount(Reg1, s.Now, s.NextKey(), CompanyA, "r"));
        s.Rejects(RegistryRejection.InvalidAccountState, l => l.BlockAccount(Reg1, s.Now, s.NextKey(), CompanyA, "r"));
        s.Ok(s.Ledger.UnblockAccount(Reg1, s.Now, s.NextKey(), CompanyA, "r"));
        s.Rejects(RegistryRejection.InvalidAccountState, l => l.UnblockAccount(Reg1, s.Now, s.NextKey(), CompanyA, "r"));
        s.Ok(s.Ledger.CloseAccount(Reg1, s.Now, s.NextKey(), CompanyA, "r"));
        s.Rejects(RegistryRejection.InvalidAccountState, l => l.BlockAccount(Reg1, s.Now, s.NextKey(), CompanyA, "r"));
        Assert.Equal(AccountState.Closed, s.Ledger.FindAccount(CompanyA)!.State);
    }

    [Fact]
    public void BlockAccount_WithoutReason_ReturnsReasonRequired()
    {
        var s = Initialised();

        s.Rejects(RegistryRejection.ReasonRequired, l => l.BlockAccount(Reg1, s.Now, s.NextKey(), CompanyA, ""));
    }

    [Fact]
    public void BlockAccount_IssuanceAccount_ReturnsAccountKindNotAllowed()
    {
        var s = Initialised();

        s.Rejects(RegistryRejection.AccountKindNotAllowed, l => l.BlockAccount(Reg1, s.Now, s.NextKey(), Issuance, "r"));
    }

    [Fact]
    public void CloseAccount_WithHoldings_ReturnsHoldingsNotEmpty()
    {
        var s = WithAllocation(1);

        s.Rejects(RegistryRejection.HoldingsNotEmpty, l => l.CloseAccount(Reg1, s.Now, s.NextKey(), CompanyA, "r"));
    }

    [Fact]
    public void RemoveRepresentative_LeavingOne_ReturnsTooFewRepresentatives()
    {
        var s = Initialised();

        s.Rejects(RegistryRejection.TooFewRepresentatives, l => l.RemoveRepresentative(Reg1, s.Now, s.NextKey(), CompanyA, A2));
    }

    [Fact]
    public void AddRepresentative_ThenRemoveOld_NewPairCanTransfer()
    {
        var s = WithAllocation(10);
        var newRep = UserId.From("a.new");
        s.Ok(s.Ledger.AddRepresentative(Reg1, s.Now, s.NextKey(), CompanyA, newRep));
        s.Ok(s.Ledger.RemoveRepresentative(Reg1, s.Now, s.NextKey(), CompanyA, A1));
        s.Rejects(RegistryRejection.AlreadyRepresentative, l => l.AddRepresentative(Reg1, s.Now, s.NextKey(), CompanyA, newRep));

        var id = Propose(s, 5, by: newRep);
        s.Ok(s.Ledger.ApproveTransfer(A2, s.Now, s.NextKey(), id));

        s.Rejects(RegistryRejection.NotRepresentative,
            l => l.ProposeTransfer(A1, s.Now, s.NextKey(), CompanyA, CompanyB, Gdea2017, 1, s.Now.AddDays(1)));
    }

    [Fact]
    public void Issue_SameKeyTwice_ExecutesOnceAndReturnsTheFirstOutcome()
    {
        var s = Initialised();
        var key = s.NextKey();
        var first = s.Ok(s.Ledger.Issue(Reg1, s.Now, key, Gdea2017, 100));

        var again = s.Ok(s.Ledger.Issue(Reg1, s.Now.AddHours(1), key, Gdea2017, 100));

        Assert.True(again.Duplicate);
        Assert.False(first.Duplicate);
        Assert.Same(first.Event, again.Event);
        Assert.Equal(first.Blocks, again.Blocks);
        Assert.Equal(100, s.Ledger.TotalIssued(Gdea2017).Value);
    }

    [Fact]
    public void Issue_SameKeyDifferentRequest_ReturnsIdempotencyKeyReused()
    {
        var s = Initialised();
        var key = s.NextKey();
        s.Ok(s.Ledger.Issue(Reg1, s.Now, key, Gdea2017, 100));

        var rejected = s.Rejects(RegistryRejection.IdempotencyKeyReused, l => l.Issue(Reg1, s.Now, key, Gdea2017, 101));

        Assert.Equal("key", rejected.Field);
    }

    [Fact]
    public void Issue_8_SameKeyFromAnotherSender_IsThatSendersOwnRequest()
    {
        var s = Initialised();
        var key = s.NextKey();
        s.Ok(s.Ledger.Issue(Reg1, s.Now, key, Gdea2017, 100));

        var second = s.Ok(s.Ledger.Issue(Reg2, s.Now, key, Gdea2017, 100));

        Assert.False(second.Duplicate);
        Assert.Equal(200, s.Ledger.TotalIssued(Gdea2017).Value);
        Assert.True(s.Ok(s.Ledger.Issue(Reg1, s.Now, key, Gdea2017, 100)).Duplicate);
    }

    [Fact]
    public void ApproveTransfer_RejectedThenRetriedWithSameKey_ExecutesOnceValid()
    {
        var s = WithAllocation(10);
        var id = Propose(s, 20 - 10);
        s.Ok(s.Ledger.BlockAccount(Reg1, s.Now, s.NextKey(), CompanyA, "check"));
        var key = s.NextKey();
        s.Rejects(RegistryRejection.AccountBlocked, l => l.ApproveTransfer(A2, s.Now, key, id));
        s.Ok(s.Ledger.UnblockAccount(Reg1, s.Now, s.NextKey(), CompanyA, "cleared"));

        var done = s.Ok(s.Ledger.ApproveTransfer(A2, s.Now, key, id));

        Assert.False(done.Duplicate);
        Assert.True(s.Ok(s.Ledger.ApproveTransfer(A2, s.Now, key, id)).Duplicate);
    }

    [Theory]
    [InlineData("Company \u202EC")]
    [InlineData("Company\u0000C")]
    [InlineData("Company\nC")]
    public void Issue_8_OpenAccount_WithAHiddenCharacterInTheHolderName_ReturnsInvalidText(string holder)
    {
        var s = Initialised();

        var rejected = s.Rejects(RegistryRejection.InvalidText, l => l.OpenAccount(Reg1, s.Now, s.NextKey(),
            AccountNumber.From("GD-HOLD-0009"), AccountKind.Holding, holder, [A1, A2]));

        Assert.Equal("holderName", rejected.Field);
        Assert.Contains("U+", rejected.Message, StringComparison.Ordinal);
    }
}
