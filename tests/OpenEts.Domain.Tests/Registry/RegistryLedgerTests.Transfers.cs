using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;
using Xunit;
using static OpenEts.Domain.Tests.Registry.RegistryScenario;

namespace OpenEts.Domain.Tests.Registry;

// Transfers: propose, approve by a second representative, reject, expire.
public sealed partial class RegistryLedgerTests
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private static ProposalId Propose(RegistryScenario s, long quantity, AccountNumber? to = null, UserId? by = null)
    {
        var done = s.Ok(s.Ledger.ProposeTransfer(by ?? A1, s.Now, s.NextKey(), CompanyA, to ?? CompanyB, Gdea2017, quantity, s.Now + Day));
        return Assert.IsType<TransferProposed>(done.Event).Proposal;
    }

    [Fact]
    public void ProposeTransfer_ByRepresentative_CreatesPendingProposalAndMovesNothing()
    {
        var s = WithAllocation(100);

        var id = Propose(s, 40);

        var proposal = s.Ledger.FindProposal(id)!;
        Assert.Equal(ProposalId.From(1), id);
        Assert.Equal(ProposalState.Pending, proposal.State);
        Assert.Equal(A1, proposal.ProposedBy);
        Assert.Equal("1-100", s.Blocks(CompanyA, Gdea2017));
        Assert.Empty(s.Ledger.HoldingsOf(CompanyB));
    }

    [Fact]
    public void ProposeTransfer_ByNonRepresentative_ReturnsNotRepresentative()
    {
        var s = WithAllocation(100);

        var rejected = s.Rejects(RegistryRejection.NotRepresentative,
            l => l.ProposeTransfer(B1, s.Now, s.NextKey(), CompanyA, CompanyB, Gdea2017, 10, s.Now + Day));

        Assert.Equal("actor", rejected.Field);
    }

    [Fact]
    public void ProposeTransfer_MoreThanHeld_ReturnsInsufficientHoldings()
    {
        var s = WithAllocation(100);

        s.Rejects(RegistryRejection.InsufficientHoldings,
            l => l.ProposeTransfer(A1, s.Now, s.NextKey(), CompanyA, CompanyB, Gdea2017, 101, s.Now + Day));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void ProposeTransfer_ZeroOrNegativeQuantity_ReturnsInvalidQuantity(long quantity)
    {
        var s = WithAllocation(100);

        s.Rejects(RegistryRejection.InvalidQuantity,
            l => l.ProposeTransfer(A1, s.Now, s.NextKey(), CompanyA, CompanyB, Gdea2017, quantity, s.Now + Day));
    }

    [Fact]
    public void ProposeTransfer_UnknownAccounts_ReturnUnknownAccountNamingTheField()
    {
        var s = WithAllocation(100);

        var to = s.Rejects(RegistryRejection.UnknownAccount,
            l => l.ProposeTransfer(A1, s.Now, s.NextKey(), CompanyA, Unknown, Gdea2017, 1, s.Now + Day));
        var from = s.Rejects(RegistryRejection.UnknownAccount,
            l => l.ProposeTransfer(A1, s.Now, s.NextKey(), Unknown, CompanyB, Gdea2017, 1, s.Now + Day));

        Assert.Equal(("to", "from"), (to.Field, from.Field));
    }

    [Fact]
    public void ProposeTransfer_ClassNeverIssued_ReturnsUnknownUnitClass()
    {
        var s = WithAllocation(100);

        s.Rejects(RegistryRejection.UnknownUnitClass,
            l => l.ProposeTransfer(A1, s.Now, s.NextKey(), CompanyA, CompanyB, UnitClass.Phcer, 1, s.Now + Day));
    }

    [Fact]
    public void ProposeTransfer_FromBlockedAccount_ReturnsAccountBlocked()
    {
        var s = WithAllocation(100);
        s.Ok(s.Ledger.BlockAccount(Reg1, s.Now, s.NextKey(), CompanyA, "investigation"));

        s.Rejects(RegistryRejection.AccountBlocked,
            l => l.ProposeTransfer(A1, s.Now, s.NextKey(), CompanyA, CompanyB, Gdea2017, 1, s.Now + Day));
    }

    [Fact]
    public void ProposeTransfer_ToBlockedAccount_IsAllowed()
    {
        var s = WithAllocation(100);
        s.Ok(s.Ledger.BlockAccount(Reg1, s.Now, s.NextKey(), CompanyB, "investigation"));

        var id = Propose(s, 10);
        s.Ok(s.Ledger.ApproveTransfer(A2, s.Now, s.NextKey(), id));

        Assert.Equal(AllowanceCount.From(10), s.Ledger.QuantityHeld(CompanyB, Gdea2017));
    }

    [Fact]
    public void ProposeTransfer_ToClosedAccount_ReturnsAccountClosed()
    {
        var s = WithAllocation(100);
        s.Ok(s.Ledger.CloseAccount(Reg1, s.Now, s.NextKey(), CompanyB, "deregistered"));

        s.Rejects(RegistryRejection.AccountClosed,
            l => l.ProposeTransfer(A1, s.Now, s.NextKey(), CompanyA, CompanyB, Gdea2017, 1, s.Now + Day));
    }

    [Fact]
    public void ProposeTransfer_ToSameAccount_ReturnsSameAccount()
    {
        var s = WithAllocation(100);

        s.Rejects(RegistryRejection.SameAccount,
            l => l.ProposeTransfer(A1, s.Now, s.NextKey(), CompanyA, CompanyA, Gdea2017, 1, s.Now + Day));
    }

    [Theory]
    [InlineData("GD-SURRENDER")]
    [InlineData("GD-CANCEL")]
    [InlineData("GD-ISSUE")]
    public void ProposeTransfer_ToSystemAccount_ReturnsAccountKindNotAllowed(string to)
    {
        var s = WithAllocation(100);

        s.Rejects(RegistryRejection.AccountKindNotAllowed,
            l => l.ProposeTransfer(A1, s.Now, s.NextKey(), CompanyA, AccountNumber.From(to), Gdea2017, 1, s.Now + Day));
    }

    [Fact]
    public void ProposeTransfer_ExpiryNotAfterNow_ReturnsInvalidExpiry()
    {
        var s = WithAllocation(100);

        s.Rejects(RegistryRejection.InvalidExpiry,
            l => l.ProposeTransfer(A1, s.Now, s.NextKey(), CompanyA, CompanyB, Gdea2017, 1, s.Now));
    }

    [Fact]
    public void ApproveTransfer_BySecondRepresentative_MovesLowestSerialsAndSplitsTheBlock()
    {
        var s = WithAllocation(100);
        var id = Propose(s, 40);

        var done = s.Ok(s.Ledger.ApproveTransfer(A2, s.Now, s.NextKey(), id));

        var moved = Assert.IsType<UnitsTransferred>(done.Event);
        Assert.Equal([SerialBlock.Create(1, 40)], moved.Blocks);
        Assert.Equal(A2, moved.Actor);
        Assert.Equal("41-100", s.Blocks(CompanyA, Gdea2017));
        Assert.Equal("1-40", s.Blocks(CompanyB, Gdea2017));
        Assert.Equal(ProposalState.Executed, s.Ledger.FindProposal(id)!.State);
        Assert.Equal(A2, s.Ledger.FindProposal(id)!.DecidedBy);
    }

    [Fact]
    public void ApproveTransfer_ByProposer_ReturnsOwnApproval()
    {
        var s = WithAllocation(100);
        var id = Propose(s, 40);

        s.Rejects(RegistryRejection.OwnApproval, l => l.ApproveTransfer(A1, s.Now, s.NextKey(), id));
        Assert.Equal(ProposalState.Pending, s.Ledger.FindProposal(id)!.State);
    }

    [Fact]
    public void ApproveTransfer_SecondApproval_ReturnsProposalAlreadyExecuted()
    {
        var s = WithAllocation(100);
        var id = Propose(s, 40);
        s.Ok(s.Ledger.ApproveTransfer(A2, s.Now, s.NextKey(), id));

        s.Rejects(RegistryRejection.ProposalAlreadyExecuted, l => l.ApproveTransfer(A2, s.Now, s.NextKey(), id));
    }

    [Fact]
    public void ApproveTransfer_AtOrAfterExpiry_ReturnsProposalExpired()
    {
        var s = WithAllocation(100);
        var id = Propose(s, 40);
        s.Now += Day;

        s.Rejects(RegistryRejection.ProposalExpired, l => l.ApproveTransfer(A2, s.Now, s.NextKey(), id));
    }

    [Fact]
    public void ApproveTransfer_ExpiredByExpireProposals_ReturnsProposalExpired()
    {
        var s = WithAllocation(100);
        var id = Propose(s, 40);
        s.Now += Day * 2;
        s.Events.AddRange(s.Ledger.ExpireProposals(s.Now));

        s.Rejects(RegistryRejection.ProposalExpired, l => l.ApproveTransfer(A2, s.Now - (Day * 2), s.NextKey(), id));
        Assert.Equal(ProposalState.Expired, s.Ledger.FindProposal(id)!.State);
        Assert.Equal(UserId.System, s.Ledger.FindProposal(id)!.DecidedBy);
    }

    [Fact]
    public void ApproveTransfer_RejectedProposal_ReturnsProposalRejected()
    {
        var s = WithAllocation(100);
        var id = Propose(s, 40);
        s.Ok(s.Ledger.RejectTransfer(A2, s.Now, s.NextKey(), id, "wrong counterparty"));

        s.Rejects(RegistryRejection.ProposalRejected, l => l.ApproveTransfer(A2, s.Now, s.NextKey(), id));
        Assert.Equal("1-100", s.Blocks(CompanyA, Gdea2017));
    }

    [Fact]
    public void ApproveTransfer_UnknownProposal_ReturnsUnknownProposal()
    {
        var s = WithAllocation(100);

        s.Rejects(RegistryRejection.UnknownProposal, l => l.ApproveTransfer(A2, s.Now, s.NextKey(), ProposalId.From(9)));
    }

    [Fact]
    public void ApproveTransfer_ByDestinationRepresentative_ReturnsNotRepresentative()
    {
        var s = WithAllocation(100);
        var id = Propose(s, 40);

        s.Rejects(RegistryRejection.NotRepresentative, l => l.ApproveTransfer(B1, s.Now, s.NextKey(), id));
    }

    [Fact]
    public void ApproveTransfer_WhenHoldingsFellShort_ReturnsInsufficientHoldingsAndStaysPending()
    {
        var s = WithAllocation(100);
        var first = Propose(s, 70);
        var second = Propose(s, 70);
        s.Ok(s.Ledger.ApproveTransfer(A2, s.Now, s.NextKey(), first));

        s.Rejects(RegistryRejection.InsufficientHoldings, l => l.ApproveTransfer(A2, s.Now, s.NextKey(), second));
        Assert.Equal(ProposalState.Pending, s.Ledger.FindProposal(second)!.State);
    }

    [Fact]
    public void ApproveTransfer_SourceBlockedAfterProposal_ReturnsAccountBlocked()
    {
        var s = WithAllocation(100);
        var id = Propose(s, 10);
        s.Ok(s.Ledger.BlockAccount(Reg2, s.Now, s.NextKey(), CompanyA, "court order"));

        s.Rejects(RegistryRejection.AccountBlocked, l => l.ApproveTransfer(A2, s.Now, s.NextKey(), id));
    }

    [Fact]
    public void RejectTransfer_ByProposer_WithdrawsAndMovesNothing()
    {
        var s = WithAllocation(100);
        var id = Propose(s, 10);

        var done = s.Ok(s.Ledger.RejectTransfer(A1, s.Now, s.NextKey(), id, "typo"));

        Assert.IsType<TransferRejected>(done.Event);
        Assert.Empty(done.Blocks);
        Assert.Equal(ProposalState.Rejected, s.Ledger.FindProposal(id)!.State);
        s.Rejects(RegistryRejection.ProposalRejected, l => l.RejectTransfer(A2, s.Now, s.NextKey(), id, "again"));
    }

    [Fact]
    public void RejectTransfer_ByOutsider_ReturnsNotRepresentative()
    {
        var s = WithAllocation(100);
        var id = Propose(s, 10);

        s.Rejects(RegistryRejection.NotRepresentative, l => l.RejectTransfer(Outsider, s.Now, s.NextKey(), id, ""));
    }

    [Fact]
    public void ExpireProposals_PastExpiry_ExpiresOnlyDueProposalsOnce()
    {
        var s = WithAllocation(100);
        var early = Propose(s, 10);
        var late = s.Ledger.ProposeTransfer(A1, s.Now, s.NextKey(), CompanyA, CompanyB, Gdea2017, 10, s.Now + (Day * 5));
        s.Ok(late);
        var executed = Propose(s, 10);
        s.Ok(s.Ledger.ApproveTransfer(A2, s.Now, s.NextKey(), executed));

        var expired = s.Ledger.ExpireProposals(s.Now + Day);

        Assert.Equal([early], expired.Select(e => e.Proposal));
        Assert.Empty(s.Ledger.ExpireProposals(s.Now + Day));
        Assert.Equal(ProposalState.Pending, s.Ledger.FindProposal(ProposalId.From(2))!.State);
    }

    [Fact]
    public void Transfer_AcrossFragmentedHoldings_TakesLowestSerialsAndMergesAdjacentBlocks()
    {
        var s = WithAllocation(30);
        s.Ok(s.Ledger.CorrectSerials(Reg1, s.Now, s.NextKey(), CompanyA, CompanyB, Gdea2017, SerialBlock.Create(11, 20), "test split"));
        Assert.Equal("1-10,21-30", s.Blocks(CompanyA, Gdea2017));

        var id = Propose(s, 15);
        var done = s.Ok(s.Ledger.ApproveTransfer(A2, s.Now, s.NextKey(), id));

        Assert.Equal([SerialBlock.Create(1, 10), SerialBlock.Create(21, 25)], done.Blocks);
        Assert.Equal("1-25", s.Blocks(CompanyB, Gdea2017));
        Assert.Equal("26-30", s.Blocks(CompanyA, Gdea2017));
    }

    [Fact]
    public void Transfer_ToInvestorAndOnToClearing_FollowsTheSameRules()
    {
        var s = WithAllocation(100);
        var toInvestor = Propose(s, 60, Investor);
        s.Ok(s.Ledger.ApproveTransfer(A2, s.Now, s.NextKey(), toInvestor));

        var done = s.Ok(s.Ledger.ProposeTransfer(I1, s.Now, s.NextKey(), Investor, Clearing, Gdea2017, 25, s.Now + Day));
        var id = Assert.IsType<TransferProposed>(done.Event).Proposal;
        s.Ok(s.Ledger.ApproveTransfer(I2, s.Now, s.NextKey(), id));

        Assert.Equal("1-25", s.Blocks(Clearing, Gdea2017));
        Assert.Equal("26-60", s.Blocks(Investor, Gdea2017));
    }

    [Fact]
    public void Transfer_OutOfTheClearingAccount_IsRefusedToItsOwnRepresentatives_SoNoOpenSellLosesItsUnits()
    {
        var s = WithAllocation(100);
        var toInvestor = Propose(s, 60, Investor);
        s.Ok(s.Ledger.ApproveTransfer(A2, s.Now, s.NextKey(), toInvestor));
        var id = Assert.IsType<TransferProposed>(s.Ok(s.Ledger.ProposeTransfer(I1, s.Now, s.NextKey(), Investor, Clearing, Gdea2017, 25, s.Now + Day)).Event).Proposal;
        s.Ok(s.Ledger.ApproveTransfer(I2, s.Now, s.NextKey(), id));

        var refused = s.Rejects(RegistryRejection.AccountKindNotAllowed,
            l => l.ProposeTransfer(X1, s.Now, s.NextKey(), Clearing, CompanyA, Gdea2017, 10, s.Now + Day));

        Assert.Equal("from", refused.Field);
        Assert.Contains("clearing", refused.Message, StringComparison.Ordinal);
        Assert.Equal("1-25", s.Blocks(Clearing, Gdea2017));
    }

    [Fact]
    public void Issue_8_ProposeTransfer_ExpiringBeyondTheMaximum_ReturnsInvalidExpiry()
    {
        var s = WithAllocation(100);

        var rejected = s.Rejects(RegistryRejection.InvalidExpiry, l => l.ProposeTransfer(A1, s.Now, s.NextKey(), CompanyA, CompanyB,
            Gdea2017, 10, new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero)));

        Assert.Equal("expiresAt", rejected.Field);
        s.Ok(s.Ledger.ProposeTransfer(A1, s.Now, s.NextKey(), CompanyA, CompanyB, Gdea2017, 10, s.Now + RegistryLedger.MaxProposalLifetime));
    }

    [Theory]
    [InlineData("reg.li")]
    [InlineData("b.liu")]
    [InlineData("a.chen")]
    public void Issue_8_Replay_OfAnApprovalTheLedgerWouldHaveRefused_Throws(string approver)
    {
        var s = WithAllocation(100);
        s.Ok(s.Ledger.ApproveTransfer(A2, s.Now, s.NextKey(), Propose(s, 40)));
        var forged = s.Events.Select(e => e is UnitsTransferred t ? t with { Actor = UserId.From(approver) } : e).ToList();

        var thrown = Assert.Throws<InvalidOperationException>(() => RegistryLedger.Replay(forged));

        Assert.Contains("does not fit", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(Snapshot(s.Ledger), Snapshot(RegistryLedger.Replay(s.Events)));
    }

    [Fact]
    public void Issue_8_Replay_OfAnIssuanceByAnOutsider_Throws()
    {
        var s = WithAllocation(100);
        var forged = s.Events.Select(e => e is UnitsIssued i ? i with { Actor = A1 } : e).ToList();

        Assert.Throws<InvalidOperationException>(() => RegistryLedger.Replay(forged));
    }
}
