namespace OpenEts.Domain.Registry;

// Snapshots: the whole in-memory state out as values, and back in.
public sealed partial class RegistryLedger
{
    /// <summary>Everything this ledger holds in memory, as values (see <see cref="RegistryLedgerState"/>).</summary>
    public RegistryLedgerState ToState() => new(
        Authority, IssuanceAccount, SurrenderAccount, CancellationAccount,
        [.. _accounts.Values.OrderBy(a => a.Number)],
        [.. _holdings.SelectMany(c => c.Value.Where(h => !h.Value.IsEmpty)
            .Select(h => new HeldBlocks(h.Key, c.Key, [.. h.Value.Blocks])))
            .OrderBy(h => h.Class).ThenBy(h => h.Account)],
        [.. _lastSerial.Select(s => new ClassSerial(s.Key, s.Value)).OrderBy(s => s.Class)],
        [.. _definitions.Values.OrderBy(d => d.Class)],
        [.. _retired.Select(r => new HeldBlocks(CancellationAccount ?? default, r.Key, [.. r.Value.Blocks])).OrderBy(r => r.Class)],
        [.. _retirements],
        [.. _offsetIssuances],
        _proposalCount,
        [.. _proposals.Values.OrderBy(p => p.Id.Value)],
        [.. _decidedQueue.Select(d => d.Id)],
        [.. _keyQueue.Select(k => _requests[(k.Sender, k.Key)])],
        Clock,
        [.. _surrenders.OrderBy(y => y.Key).SelectMany(y => y.Value)]);

    /// <summary>
    /// A ledger holding exactly <paramref name="state"/>. Throws <see cref="InvalidOperationException"/> when the state
    /// does not hang together (a holding of an unknown account, overlapping blocks, a decided id with no proposal).
    /// </summary>
    public static RegistryLedger FromState(RegistryLedgerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var ledger = new RegistryLedger
        {
            Authority = state.Authority,
            IssuanceAccount = state.Issuance,
            SurrenderAccount = state.Surrender,
            CancellationAccount = state.Cancellation,
            Clock = state.Clock,
            _proposalCount = state.ProposalCount,
        };
        foreach (var account in state.Accounts)
        {
            ledger.AddAccount(account);
        }
        foreach (var h in state.Holdings)
        {
            ledger.Existing(h.Account);
            Require(h.Blocks.Count > 0, "a holding without blocks");
            ledger.Holdings(h.Class, h.Account).Add(h.Blocks);
        }
        foreach (var s in state.LastSerials)
        {
            ledger._lastSerial.Add(s.Class, s.Last);
        }
        foreach (var d in state.Definitions)
        {
            ledger._definitions.Add(d.Class, d);
        }
        foreach (var r in state.Retired)
        {
            var list = new BlockList();
            list.Add(r.Blocks);
            ledger._retired.Add(r.Class, list);
        }
        ledger._retirements.AddRange(state.Retirements);
        ledger._offsetIssuances.AddRange(state.OffsetIssuances);
        foreach (var p in state.Proposals)
        {
            Require(p.Id.Value >= 1 && p.Id.Value <= state.ProposalCount, $"proposal {p.Id} beyond the newest");
            ledger._proposals.Add(p.Id.Value, p);
            if (p.State == ProposalState.Pending)
            {
                ledger._pending.Add(p.Id.Value);
            }
        }
        foreach (var id in state.DecidedOrder)
        {
            Require(ledger._proposals.TryGetValue(id, out var p) && p.State != ProposalState.Pending && p.DecidedAt is not null,
                $"decided proposal {id} is not in the state");
            ledger._decidedQueue.Enqueue((ledger._proposals[id].DecidedAt!.Value, id));
        }
        foreach (var e in state.Requests)
        {
            Require(e.Key is not null, "a request without a key");
            var key = e.Key!.Value;
            ledger._requests.Add((e.Actor, key), e);
            ledger._keyQueue.Enqueue((e.At, e.Actor, key));
        }
        foreach (var surrender in state.Surrenders)
        {
            ledger.RecordSurrender(surrender);
        }
        // Corrections before the snapshot are not in it: unless every surrender still stands whole, count one.
        ledger.SurrenderCorrections = ledger.EverySurrenderStandsWhole() ? 0 : 1;
        return ledger;
    }
}
