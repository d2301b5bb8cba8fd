namespace OpenEts.Domain.Registry;

// Transfers between holders: proposed by one representative, approved by another (four-eyes), then executed.
public sealed partial class RegistryLedger
{
    /// <summary>
    /// The longest a transfer proposal may stay open: 30 days. A proposal is a standing instruction to move units; one
    /// that waits longer than a month for its second signature should be proposed again with today's facts.
    /// </summary>
    public static readonly TimeSpan MaxProposalLifetime = TimeSpan.FromDays(30);

    /// <summary>
    /// A representative of <paramref name="from"/> proposes moving units to another holding, investor or clearing
    /// account. Nothing moves yet; holdings are checked now and again at approval. The source must be open, the
    /// destination not closed, and <paramref name="expiresAt"/> after <paramref name="now"/>.
    /// </summary>
    public RegistryOutcome ProposeTransfer(
        UserId actor, DateTimeOffset now, IdempotencyKey key,
        AccountNumber from, AccountNumber to, UnitClass unitClass, long quantity, DateTimeOffset expiresAt)
    {
        if (Earlier(actor, key) is { } earlier)
        {
            return Repeat(earlier, key, ProposeRequest(actor, from, to, unitClass, quantity, expiresAt));
        }
        if (Lookup(from, "from", out var source) is { } unknownFrom)
        {
            return unknownFrom;
        }
        if ((CheckRepresentative(source, actor, "from") ?? CheckClass(unitClass) ?? CheckQuantity(quantity)) is { } badInput)
        {
            return badInput;
        }
        if (Lookup(to, "to", out var destination) is { } unknownTo)
        {
            return unknownTo;
        }
        if (from == to)
        {
            return Reject(RegistryRejection.SameAccount, "to", $"A transfer needs two different accounts (both '{to}').");
        }
        if ((CheckTradingKind(source, "from") ?? CheckTradingKind(destination, "to")) is { } wrongKind)
        {
            return wrongKind;
        }
        if (source.Kind == AccountKind.Clearing)
        {
            // What a clearing account holds backs open sell orders, listings and auctions: moved out by hand, an order could
            // no longer be cancelled, filled or closed at the end of the day.
            return Reject(RegistryRejection.AccountKindNotAllowed, "from",
                $"'{source.Number}' is the exchange's clearing account: its units back open sells and leave it only by the exchange's settlement, never by a transfer.");
        }
        if ((CheckCanSend(source, "from") ?? CheckNotClosed(destination, "to")) is { } refused)
        {
            return refused;
        }
        // Both name the expiry, now and the longest lifetime, in that order, so that one text in another language gives them.
        if (expiresAt <= now)
        {
            return RejectOf(RegistryRejection.InvalidExpiry, "expiresAt",
                $"The expiry {expiresAt:O} is not after now ({now:O}); a proposal lives at most {MaxProposalLifetime.TotalDays:0} days.");
        }
        if (expiresAt - now > MaxProposalLifetime)
        {
            return RejectOf(RegistryRejection.InvalidExpiry, "expiresAt",
                $"The expiry {expiresAt:O} is too far from now ({now:O}): a proposal lives at most {MaxProposalLifetime.TotalDays:0} days.");
        }
        if (CheckHeld(source, unitClass, quantity, "from") is { } insufficient)
        {
            return insufficient;
        }
        var id = ProposalId.From(_proposalCount + 1L);
        return Commit(new TransferProposed(now, RepresentativeOf(source, actor), key, id, source.Number, destination.Number, unitClass,
            Quantities.AllowanceCount.From(quantity), expiresAt));
    }

    /// <summary>
    /// A second representative of the source approves a pending proposal, and the units move at once (lowest serials
    /// first). The proposer can never approve their own proposal. A refused approval leaves the proposal pending.
    /// </summary>
    public RegistryOutcome ApproveTransfer(UserId actor, DateTimeOffset now, IdempotencyKey key, ProposalId proposal)
    {
        if (Earlier(actor, key) is { } earlier)
        {
            return Repeat(earlier, key, ApproveRequest(actor, proposal));
        }
        if (CheckDecidable(actor, now, proposal, out var p, out var source) is { } undecidable)
        {
            return undecidable;
        }
        if (actor == p.ProposedBy)
        {
            return Reject(RegistryRejection.OwnApproval, "actor",
                $"User '{actor}' proposed transfer {proposal} and cannot also approve it.");
        }
        var destination = _accounts[p.To];
        if ((CheckCanSend(source, "from") ?? CheckNotClosed(destination, "to")
            ?? CheckHeld(source, p.Class, p.Quantity, "from")) is { } refused)
        {
            return refused;
        }
        var blocks = LowestSerials(p.From, p.Class, p.Quantity);
        return Commit(new UnitsTransferred(now, RepresentativeOf(source, actor), key, proposal, p.From, p.To, p.Class, blocks));
    }

    /// <summary>A representative of the source (the proposer too, to withdraw) rejects a pending proposal.</summary>
    public RegistryOutcome RejectTransfer(UserId actor, DateTimeOffset now, IdempotencyKey key, ProposalId proposal, string reason)
    {
        if (Earlier(actor, key) is { } earlier)
        {
            return Repeat(earlier, key, Request("reject", actor, proposal, reason));
        }
        if ((CheckDecidable(actor, now, proposal, out _, out _) ?? CheckText(reason, "reason", required: false)) is { } undecidable)
        {
            return undecidable;
        }
        return Commit(new TransferRejected(now, actor, key, proposal, reason ?? string.Empty));
    }

    /// <summary>
    /// Expires every pending proposal whose expiry is at or before <paramref name="now"/>. Needs no actor or key:
    /// running it twice expires nothing the second time. Returns the events raised, in proposal order.
    /// </summary>
    public IReadOnlyList<ProposalExpired> ExpireProposals(DateTimeOffset now)
    {
        var expired = new List<ProposalExpired>();
        foreach (var id in _pending)
        {
            var p = _proposals[id];
            if (p.ExpiresAt <= now)
            {
                expired.Add(new ProposalExpired(now, UserId.System, null, p.Id));
            }
        }
        foreach (var e in expired)
        {
            Apply(e);
        }
        return expired;
    }

    private RegistryOutcome.Rejected? CheckDecidable(
        UserId actor, DateTimeOffset now, ProposalId id, out TransferProposal proposal, out Account source)
    {
        source = null!;
        proposal = FindProposal(id)!;
        if (proposal is null)
        {
            return Reject(RegistryRejection.UnknownProposal, "proposal", $"Transfer proposal {id} does not exist.");
        }
        var rejected = proposal.State switch
        {
            ProposalState.Executed => Reject(RegistryRejection.ProposalAlreadyExecuted, "proposal", $"Transfer proposal {id} was already approved and executed."),
            ProposalState.Rejected => Reject(RegistryRejection.ProposalRejected, "proposal", $"Transfer proposal {id} was rejected."),
            ProposalState.Expired => Reject(RegistryRejection.ProposalExpired, "proposal", $"Transfer proposal {id} has expired."),
            _ => null,
        };
        if (rejected is not null)
        {
            return rejected;
        }
        source = _accounts[proposal.From];
        if (CheckRepresentative(source, actor, "from") is { } notRepresentative)
        {
            return notRepresentative;
        }
        return now >= proposal.ExpiresAt
            ? Reject(RegistryRejection.ProposalExpired, "proposal", $"Transfer proposal {id} expired at {proposal.ExpiresAt:O}.")
            : null;
    }

    // The account's own copy of a representative's id (equal to actor): an event kept for the retention window then
    // holds the ledger's long-lived strings, not the request's, so the window keeps fewer objects alive. The same goes
    // for the account numbers (the Account's Number).
    private static UserId RepresentativeOf(Account account, UserId actor)
    {
        foreach (var representative in account.Representatives)
        {
            if (representative == actor)
            {
                return representative;
            }
        }
        return actor;
    }

    private static RegistryOutcome.Rejected? CheckTradingKind(Account account, string field) =>
        account.Kind is AccountKind.Holding or AccountKind.Investor or AccountKind.Clearing
            ? null
            : Reject(RegistryRejection.AccountKindNotAllowed, field,
                $"Transfers are between holding, investor and clearing accounts; '{account.Number}' is a {account.Kind} account.");
}
