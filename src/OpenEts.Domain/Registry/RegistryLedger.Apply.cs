using System.Runtime.CompilerServices;

namespace OpenEts.Domain.Registry;

// The one place state changes: every request method raises an event and applies it here, and a replay of the journal
// applies the same events, so live state and rebuilt state cannot drift apart.
public sealed partial class RegistryLedger
{
    /// <summary>
    /// Applies an event raised by this registry (or read back from its journal). Throws
    /// <see cref="InvalidOperationException"/> when the event does not fit the current state, e.g. a journal whose
    /// transfer names serials the source does not hold; the registry is then unusable and should be discarded.
    /// </summary>
    public void Apply(RegistryEvent e) => ApplyRequest(e);

    // A keyed event is kept by its sender and key for the retention window (RegistryLedger.Retention.cs).
    private void ApplyRequest(RegistryEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Key is { } key && _requests.ContainsKey((e.Actor, key)))
        {
            throw new InvalidOperationException($"Idempotency key '{key}' of {e.Actor} appears twice.");
        }
        RequireAuthority(e);
        switch (e)
        {
            case RegistryInitialised i:
                Require(!IsInitialised, "registry already initialised");
                Authority = i.Authority;
                AddAccount(new Account(i.Issuance, AccountKind.Issuance, AccountState.Open, i.Authority, i.Regulators, i.At));
                AddAccount(new Account(i.Surrender, AccountKind.Surrender, AccountState.Open, i.Authority, i.Regulators, i.At));
                AddAccount(new Account(i.Cancellation, AccountKind.Cancellation, AccountState.Open, i.Authority, i.Regulators, i.At));
                (IssuanceAccount, SurrenderAccount, CancellationAccount) = (i.Issuance, i.Surrender, i.Cancellation);
                break;
            case AccountOpened o:
                AddAccount(new Account(o.Account, o.Kind, AccountState.Open, o.HolderName, Normalise(o.Representatives), o.At));
                break;
            case AccountStateChanged s:
                _accounts[s.Account] = Existing(s.Account) with { State = s.State };
                break;
            case RepresentativeAdded a:
                var added = Existing(a.Account);
                _accounts[a.Account] = added with { Representatives = Normalise(added.Representatives.Append(a.Representative)) };
                break;
            case RepresentativeRemoved r:
                var removed = Existing(r.Account);
                Require(removed.IsRepresentative(r.Representative), "representative not found");
                _accounts[r.Account] = removed with { Representatives = [.. removed.Representatives.Where(u => u != r.Representative)] };
                break;
            case UnitsIssued i:
                ApplyIssued(i);
                break;
            case OffsetClassDefined d:
                ApplyDefined(d);
                break;
            case OffsetsIssued o:
                ApplyOffsetsIssued(o);
                break;
            case UnitsRetired r:
                ApplyRetired(r);
                break;
            case TransferProposed p:
                Require(p.Proposal.Value == _proposalCount + 1L, "proposal ids must run 1, 2, 3, …");
                Existing(p.From);
                Existing(p.To);
                _proposals.Add(p.Proposal.Value, new TransferProposal(p.Proposal, p.From, p.To, p.Class, p.Quantity.Value, p.Actor,
                    p.At, p.ExpiresAt, ProposalState.Pending, null, null, []));
                _proposalCount = p.Proposal.Value;
                _pending.Add(p.Proposal.Value);
                break;
            case UnitsTransferred t:
                var proposal = PendingProposal(t.Proposal);
                Require(proposal.From == t.From && proposal.To == t.To && proposal.Class == t.Class
                    && Sum(t.Blocks) == proposal.Quantity, "transfer does not match its proposal");
                Move(t);
                Decide(proposal, ProposalState.Executed, t.Actor, t.At, t.Blocks);
                break;
            case TransferRejected r:
                Decide(PendingProposal(r.Proposal), ProposalState.Rejected, r.Actor, r.At, []);
                break;
            case ProposalExpired x:
                Decide(PendingProposal(x.Proposal), ProposalState.Expired, x.Actor, x.At, []);
                break;
            case UnitsSurrendered s:
                Move(s);
                RecordSurrender(s);
                break;
            case UnitsCorrected c:
                Move(c);
                NoteCorrection(c);
                break;
            case IUnitMovement m:
                Move(m);
                break;
            default:
                throw new InvalidOperationException($"Unknown registry event {e.GetType().Name}.");
        }
        if (e.Key is { } newKey)
        {
            _requests[(e.Actor, newKey)] = e;
            _keyQueue.Enqueue((e.At, e.Actor, newKey));
        }
        Forget(e.At);
    }

    // Who may have raised the event: a journal whose hashes were recomputed after a change must still not replay an act
    // that the ledger would have refused to its actor (an approval by someone who does not represent the source, say).
    private void RequireAuthority(RegistryEvent e)
    {
        switch (e)
        {
            case RegistryInitialised:
                break;
            case ProposalExpired:
                Require(e.Actor == UserId.System, "only the registry itself expires a proposal");
                break;
            case TransferProposed or UnitsSurrendered or UnitsCancelled or UnitsRetired:
                // A transfer's proposal names its source itself (the most frequent event: no facts to build).
                var source = e is TransferProposed proposed ? proposed.From : e.Facts(this).From;
                Require(source is { } from && Existing(from).IsRepresentative(e.Actor),
                    $"{e.Actor} does not represent the source account");
                break;
            case UnitsCleared c:
                var clearing = Existing(c.From).Kind == AccountKind.Clearing ? c.From : c.To;
                var holder = clearing == c.From ? c.To : c.From;
                Require(Existing(clearing).Kind == AccountKind.Clearing && Existing(holder).Kind != AccountKind.Clearing
                    && (c.Mandate is not null || Existing(holder).IsRepresentative(e.Actor)),
                    $"{e.Actor} does not represent the holder of a clearing move, nor acts on a client's mandate");
                break;
            case UnitsTransferred or TransferRejected:
                var proposal = FindProposal(e is UnitsTransferred t ? t.Proposal : ((TransferRejected)e).Proposal);
                Require(proposal is not null && Existing(proposal.From).IsRepresentative(e.Actor),
                    $"{e.Actor} does not represent the proposal's source account");
                Require(e is not UnitsTransferred || proposal!.ProposedBy != e.Actor, "the proposer approved their own proposal");
                break;
            default:
                Require(IsRegulator(e.Actor), $"{e.Actor} is not one of the regulator's officers");
                break;
        }
    }

    private static IReadOnlyList<SerialBlock> BlocksOf(RegistryEvent e) => e switch
    {
        UnitsIssued i => i.Blocks,
        OffsetsIssued o => o.NewBlocks(),
        IUnitMovement m => m.Blocks,
        _ => [],
    };

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Registry event does not fit: {what}.");
        }
    }

    // The same check with a message formatted only when it fails.
    private static void Require(bool condition, [InterpolatedStringHandlerArgument(nameof(condition))] ref RequireMessage what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Registry event does not fit: {what.ToString()}.");
        }
    }

    private void AddAccount(Account account)
    {
        Require(!_accounts.ContainsKey(account.Number), $"account {account.Number} exists");
        _accounts.Add(account.Number, account);
    }

    private Account Existing(AccountNumber number) =>
        FindAccount(number) ?? throw new InvalidOperationException($"Registry event does not fit: account {number} is unknown.");

    private TransferProposal PendingProposal(ProposalId id)
    {
        var proposal = FindProposal(id);
        Require(proposal is { State: ProposalState.Pending }, $"proposal {id} is not pending");
        return proposal!;
    }

    private void Decide(TransferProposal proposal, ProposalState state, UserId by, DateTimeOffset at, IReadOnlyList<SerialBlock> blocks)
    {
        _proposals[proposal.Id.Value] = proposal with { State = state, DecidedBy = by, DecidedAt = at, Blocks = blocks };
        _pending.Remove(proposal.Id.Value);
        _decidedQueue.Enqueue((at, proposal.Id.Value));
    }

    private void ApplyIssued(UnitsIssued i)
    {
        Require(i.Account == IssuanceAccount && i.Class.IsValid && i.Blocks.Count > 0, "issuance must name the issuance account");
        Require(!i.Class.IsProjectClass || _definitions.ContainsKey(i.Class), $"{i.Class} is issued before it is defined");
        var next = _lastSerial.GetValueOrDefault(i.Class) + 1;
        foreach (var block in i.Blocks)
        {
            Require(block.First == next, $"{i.Class} serials must continue from {next - 1}");
            next = block.Last == long.MaxValue ? long.MaxValue : block.Last + 1;
        }
        Holdings(i.Class, i.Account).Add(i.Blocks);
        _lastSerial[i.Class] = i.Blocks[^1].Last;
    }

    private void Move(IUnitMovement m)
    {
        Existing(m.From);
        Existing(m.To);
        Require(m.From != m.To && m.Blocks.Count > 0, "a move needs two accounts and at least one block");
        Require(m.From != CancellationAccount || !IsAnyRetired(m.Class, m.Blocks), "retired units never move");
        var source = HeldBy(m.From, m.Class) ?? throw new InvalidOperationException(
            $"Registry event does not fit: {m.From} holds no {m.Class}.");
        source.Remove(m.Blocks);
        if (source.IsEmpty)
        {
            _holdings[m.Class].Remove(m.From);
        }
        Holdings(m.Class, m.To).Add(m.Blocks);
    }

    private BlockList Holdings(UnitClass unitClass, AccountNumber account)
    {
        if (!_holdings.TryGetValue(unitClass, out var byAccount))
        {
            byAccount = [];
            _holdings.Add(unitClass, byAccount);
        }
        if (!byAccount.TryGetValue(account, out var list))
        {
            list = new BlockList();
            byAccount.Add(account, list);
        }
        return list;
    }
}
