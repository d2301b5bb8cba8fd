using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Journal;
using OpenEts.Domain.Registry;
using OpenEts.Storage.Tests.Infrastructure;

namespace OpenEts.Storage.Tests;

// The operations the registry properties generate and the runner that applies them and tracks what must hold.
public abstract partial class StoreContract<TDb>
{
    private enum RegistryOpKind
    {
        Issue,
        Allocate,
        Propose,
        Approve,
        ApproveOwn,
        ApproveAgain,
        Reject,
        Surrender,
        Cancel,
        Correct,
        Block,
        Unblock,
        Repeat,
        Batch,
    }

    private enum Amount
    {
        Exactly,
        MoreThanHeld,
        AllHeld,
    }

    /// <summary>
    /// One random step. <see cref="Actor"/> indexes <see cref="Users"/>, or is -1 for "a fitting one" (a representative
    /// of the source, another one than the proposer for approvals, a regulator for the regulator's requests).
    /// <see cref="Pick"/> chooses proposals, earlier steps and reasons.
    /// </summary>
    private sealed record RegistryOp(
        RegistryOpKind Kind, int Actor, int From, int To, int Class, long Quantity, Amount Amount, int Pick, int Year,
        int Hours, TimeSpan Advance, bool ReuseKey, RegistryOp[] Inner)
    {
        public static readonly string[] Users =
            ["regulator", "regulator-b", "power-a", "power-b", "cement-a", "cement-b", "exchange", "exchange-b", "intruder"];

        public static readonly string[] Accounts =
            ["GD-ISSUANCE", "GD-SURRENDER", "GD-CANCELLATION", "GD-HOLD-POWER", "GD-HOLD-CEMENT", "GD-HOLD-STEEL", "GD-CLEARING", "GD-HOLD-NOBODY"];

        public static readonly UnitClass[] Classes =
            [UnitClass.Allowance("GD", 2017), UnitClass.Allowance("GD", 2018), UnitClass.Ccer, UnitClass.Allowance("GD", 2016)];

        // Mostly the companies' and the exchange's accounts; sometimes the regulator's, or one that does not exist.
        private static readonly Gen<int> AccountIndex =
            Gen.Frequency((10, Gen.Choose(3, 6)), (2, Gen.Choose(0, 2)), (1, Gen.Constant(Accounts.Length - 1)));

        public static Gen<RegistryOp> Generator(bool batches) =>
            from kind in Gen.Frequency(
                (2, Gen.Constant(RegistryOpKind.Issue)), (3, Gen.Constant(RegistryOpKind.Allocate)),
                (8, Gen.Constant(RegistryOpKind.Propose)), (5, Gen.Constant(RegistryOpKind.Approve)),
                (1, Gen.Constant(RegistryOpKind.ApproveOwn)), (1, Gen.Constant(RegistryOpKind.ApproveAgain)),
                (1, Gen.Constant(RegistryOpKind.Reject)), (2, Gen.Constant(RegistryOpKind.Surrender)),
                (2, Gen.Constant(RegistryOpKind.Cancel)), (1, Gen.Constant(RegistryOpKind.Correct)),
                (1, Gen.Constant(RegistryOpKind.Block)), (1, Gen.Constant(RegistryOpKind.Unblock)),
                (2, Gen.Constant(RegistryOpKind.Repeat)), (batches ? 2 : 0, Gen.Constant(RegistryOpKind.Batch)))
            from actor in Gen.Frequency((8, Gen.Constant(-1)), (1, Gen.Choose(0, Users.Length - 1)))
            from source in AccountIndex
            from target in Gen.Frequency((6, Gen.Choose(3, 6).Where(t => t != source)), (1, AccountIndex))
            from unitClass in Gen.Frequency((10, Gen.Constant(0)), (1, Gen.Choose(1, Classes.Length - 1)))
            from quantity in Gen.Frequency(
                (10, Gen.Choose(1, 5_000).Select(q => (long)q)),
                (2, Gen.Choose(1, 3_000_000).Select(q => (long)q)),
                (1, Gen.Elements(0L, -1L, -5_000L, long.MinValue)),
                (1, Gen.Elements(long.MaxValue, long.MaxValue / 2)))
            from amount in Gen.Frequency(
                (7, Gen.Constant(Amount.Exactly)), (2, Gen.Constant(Amount.MoreThanHeld)), (1, Gen.Constant(Amount.AllHeld)))
            from pick in Gen.Choose(0, 1_000_000)
            from year in Gen.Frequency((4, Gen.Choose(2017, 2019)), (1, Gen.Choose(2015, 2016)))
            from hours in Gen.Frequency((12, Gen.Choose(1, 72)), (1, Gen.Constant(0)))
            from minutes in Gen.Frequency((5, Gen.Choose(0, 30)), (2, Gen.Choose(60, 600)), (1, Gen.Choose(1_440, 4_320)))
            from ticks in Gen.Choose(0, 9_999)
            from reuseKey in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
            from inner in kind == RegistryOpKind.Batch
                ? Gen.Choose(2, 4).SelectMany(n => Generator(batches: false).ArrayOf(n))
                : Gen.Constant(Array.Empty<RegistryOp>())
            select new RegistryOp(kind, actor, source, target, unitClass, quantity, amount, pick, year, hours,
                TimeSpan.FromMinutes(minutes) + TimeSpan.FromTicks(ticks), reuseKey, inner);

        public override string ToString() => Kind == RegistryOpKind.Batch
            ? $"Batch[{string.Join("; ", Inner.Select(o => o.ToString()))}]"
            : string.Create(CultureInfo.InvariantCulture,
                $"{Kind}({(Actor < 0 ? "*" : Users[Actor])} {Accounts[From]}>{Accounts[To]} {Classes[Class]} {Amount}:{Quantity} pick={Pick} y={Year} h={Hours} +{Advance}{(ReuseKey ? " reuse-key" : "")})");
    }

    private sealed record RegistrySnapshot(long JournalCount, string LastHash, string State);

    /// <summary>The demo registry under random requests, and what the test expects of each request.</summary>
    private sealed class RegistryRun(SqlStore store, RegistryService registry)
    {
        private readonly List<Attempt> _attempts = [];

        // Each key's first completed request, as the JSON of its event.
        private readonly Dictionary<string, string> _completed = [];

        private int _keys;

        public DateTimeOffset Now { get; private set; } = StoreContract<TDb>.Now;

        public static async Task<RegistryRun> SeedAsync(SqlStore store, RegistryService registry)
        {
            await new DemoRegistry(registry).SeedIfEmptyAsync(StoreContract<TDb>.Now, Ct);
            return new RegistryRun(store, registry);
        }

        public async Task StepAsync(RegistryOp op)
        {
            Now += op.Advance;
            await RunAsync(op);
        }

        // As StepAsync, and also: a refused or repeated request changes neither the journal nor the registry, a
        // completed one appends exactly its event, and afterwards units are conserved and each serial is in one place.
        public async Task StepCheckedAsync(RegistryOp op)
        {
            Now += op.Advance;
            await registry.ExecuteBatchAsync(Now, [], Ct); // expires due proposals, so that the step itself raises nothing else
            var before = await SnapshotAsync();

            var outcomes = await RunAsync(op);

            var after = await SnapshotAsync();
            var events = outcomes.OfType<RegistryOutcome.Completed>().Where(c => !c.Duplicate).Select(c => c.Event).ToList();
            Assert.Equal(before.JournalCount + events.Count, after.JournalCount);
            if (events.Count == 0)
            {
                Assert.Equal(before, after);
            }
            else
            {
                var newest = (await store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(), 0, events.Count), Ct)).Reverse().ToList();
                Assert.Equal(events.Select(RegistryEventJson.Serialize), newest.Select(e => e.Payload));
                Assert.Equal(events.Select(RegistryEventJson.KindOf), newest.Select(e => e.Kind));
            }
            Assert.Null(await registry.QueryAsync((l, _) => RegistryViolation(l), Ct));
        }

        /// <summary>Requests for <paramref name="ops"/> with keys <paramref name="prefix"/>0, 1, …: no repeats, no reused keys.</summary>
        public static List<Func<RegistryLedger, RegistryOutcome>> Bind(RegistryOp[] ops, DateTimeOffset now, string prefix) =>
        [
            .. ops.Select((o, i) => (Func<RegistryLedger, RegistryOutcome>)new Attempt(
                o.Kind == RegistryOpKind.Repeat ? o with { Kind = RegistryOpKind.Propose } : o,
                prefix + i.ToString(CultureInfo.InvariantCulture), now, null).Run),
        ];

        public async Task<RegistrySnapshot> SnapshotAsync()
        {
            var (count, last) = await store.ReadAsync(async s => (await s.Journal.CountAsync(new JournalFilter()),
                (await s.Journal.PageAsync(new JournalFilter(), 0, 1)).Single().Hash), Ct);
            return new RegistrySnapshot(count, last, await registry.QueryAsync((l, _) => RegistryState(l), Ct));
        }

        public Task<List<JournalEntry>> JournalAsync() => store.ReadAsync(async s =>
        {
            var entries = new List<JournalEntry>();
            await foreach (var e in s.Journal.ReadAllAsync(1))
            {
                entries.Add(e);
            }
            return entries;
        }, Ct);

        private async Task<IReadOnlyList<RegistryOutcome>> RunAsync(RegistryOp op)
        {
            var now = Now;
            var attempts = (op.Kind == RegistryOpKind.Batch ? op.Inner : [op]).Select(o => NewAttempt(o, now)).ToList();
            var outcomes = op.Kind == RegistryOpKind.Batch
                ? await registry.ExecuteBatchAsync(now, [.. attempts.Select(a => (Func<RegistryLedger, RegistryOutcome>)a.Run)], Ct)
                : [await registry.ExecuteAsync(now, attempts[0].Run, Ct)];
            for (var i = 0; i < attempts.Count; i++)
            {
                Expect(attempts[i], outcomes[i]);
            }
            _attempts.AddRange(attempts);
            return outcomes;
        }

        private Attempt NewAttempt(RegistryOp op, DateTimeOffset now)
        {
            var earlier = _attempts.Count > 0 ? _attempts[op.Pick % _attempts.Count] : null;
            var key = op.ReuseKey && earlier is not null ? earlier.Key : "k" + (++_keys).ToString(CultureInfo.InvariantCulture);
            return op.Kind == RegistryOpKind.Repeat && earlier is not null
                ? new Attempt(op, earlier.Key, now, earlier)
                : new Attempt(op.Kind == RegistryOpKind.Repeat ? op with { Kind = RegistryOpKind.Propose } : op, key, now, null);
        }

        private void Expect(Attempt a, RegistryOutcome outcome)
        {
            var why = $"{a} -> {outcome}";
            var first = _completed.GetValueOrDefault(a.SenderKey);
            if (first is null)
            {
                Assert.False(outcome is RegistryOutcome.Completed { Duplicate: true }
                    or RegistryOutcome.Rejected { Reason: RegistryRejection.IdempotencyKeyReused }, why);
            }
            else
            {
                Assert.True(outcome is RegistryOutcome.Completed { Duplicate: true }
                    or RegistryOutcome.Rejected { Reason: RegistryRejection.IdempotencyKeyReused }, why);
                Assert.True(outcome is not RegistryOutcome.Completed repeat || RegistryEventJson.Serialize(repeat.Event) == first, why);
            }
            Assert.True(a.RepeatOf?.Outcome is not RegistryOutcome.Completed || outcome is RegistryOutcome.Completed { Duplicate: true }, why);
            Assert.True(!a.MustRefuse || outcome is RegistryOutcome.Rejected || first is not null, "must be refused: " + why);
            Assert.True(a.Expected is not { } reason || first is not null || outcome is RegistryOutcome.Rejected r && r.Reason == reason,
                $"expected {a.Expected}: {why}");
            a.Outcome = outcome;
            if (outcome is RegistryOutcome.Completed { Duplicate: false } done)
            {
                _completed[a.SenderKey] = RegistryEventJson.Serialize(done.Event);
            }
        }
    }

    /// <summary>
    /// One request, resolved against the ledger each time it runs (actor, proposal, quantity): the service runs a batch
    /// again from the stored state when it meets a key older than the window, and the expectations must be those of the
    /// run that stays. A repeat sends exactly the request it repeats.
    /// </summary>
    private sealed class Attempt(RegistryOp op, string key, DateTimeOffset now, Attempt? repeatOf)
    {
        private static readonly UserId Intruder = UserId.From("intruder");

        private Func<RegistryLedger, DateTimeOffset, RegistryOutcome>? _request = repeatOf?._request;
        private string _detail = repeatOf is null ? "" : $"repeating [{repeatOf}]";

        public string Key { get; } = key;

        /// <summary>Who sent the request (keys belong to their sender); known once it has run.</summary>
        public UserId Sender { get; private set; } = repeatOf?.Sender ?? default;

        /// <summary>The sender and key together: a request's identity for idempotency.</summary>
        public string SenderKey => $"{Sender}\u001f{Key}";

        public Attempt? RepeatOf { get; } = repeatOf;

        /// <summary>True when the request must be refused (unless its key already completed the same request).</summary>
        public bool MustRefuse { get; private set; }

        /// <summary>The rejection the request must get when its key is new.</summary>
        public RegistryRejection? Expected { get; private set; }

        public RegistryOutcome? Outcome { get; set; }

        public RegistryOutcome Run(RegistryLedger l)
        {
            if (RepeatOf is null)
            {
                (MustRefuse, Expected) = (false, null);
                _request = Resolve(l);
            }
            return _request!(l, now);
        }

        public override string ToString() => $"{op} key={Key} {_detail}";

        private Func<RegistryLedger, DateTimeOffset, RegistryOutcome> Resolve(RegistryLedger l)
        {
            if (op.Kind is RegistryOpKind.Approve or RegistryOpKind.ApproveOwn or RegistryOpKind.ApproveAgain or RegistryOpKind.Reject)
            {
                return ResolveDecision(l);
            }
            var k = IdempotencyKey.From(Key);
            var (from, to, c) = (AccountNumber.From(RegistryOp.Accounts[op.From]), AccountNumber.From(RegistryOp.Accounts[op.To]),
                RegistryOp.Classes[op.Class]);
            var byRegulator = op.Kind is RegistryOpKind.Issue or RegistryOpKind.Allocate or RegistryOpKind.Correct
                or RegistryOpKind.Block or RegistryOpKind.Unblock;
            var actor = op.Actor >= 0 ? UserId.From(RegistryOp.Users[op.Actor])
                : byRegulator ? UserId.From(RegistryOp.Users[op.Pick % 2])
                : l.FindAccount(from) is { } a ? a.Representatives[op.Pick % a.Representatives.Count]
                : Intruder;
            var q = op.Kind switch
            {
                RegistryOpKind.Issue => op.Quantity,
                RegistryOpKind.Allocate => Quantity(l, DemoRegistry.Issuance, c),
                RegistryOpKind.Block or RegistryOpKind.Unblock => 1,
                _ => Quantity(l, from, c),
            };
            var reason = op.Pick % 5 == 0 ? " " : "compliance review";
            var expiresAt = now.AddHours(op.Hours);
            var unknown = RegistryOp.Accounts.Length - 1;
            MustRefuse |= actor == Intruder || q <= 0
                || (op.To == unknown && op.Kind is RegistryOpKind.Allocate or RegistryOpKind.Propose or RegistryOpKind.Correct)
                || (op.From == unknown && op.Kind is not (RegistryOpKind.Issue or RegistryOpKind.Allocate))
                || (op.Hours == 0 && op.Kind == RegistryOpKind.Propose)
                || (reason == " " && op.Kind is RegistryOpKind.Cancel or RegistryOpKind.Correct or RegistryOpKind.Block or RegistryOpKind.Unblock);
            Sender = actor;
            _detail = $"by {actor} quantity {q}";
            return op.Kind switch
            {
                RegistryOpKind.Issue => (x, t) => x.Issue(actor, t, k, c, q),
                RegistryOpKind.Allocate => (x, t) => x.Allocate(actor, t, k, to, c, q),
                RegistryOpKind.Propose => (x, t) => x.ProposeTransfer(actor, t, k, from, to, c, q, expiresAt),
                RegistryOpKind.Surrender => (x, t) => x.Surrender(actor, t, k, from, c, q, op.Year),
                RegistryOpKind.Cancel => (x, t) => x.Cancel(actor, t, k, from, c, q, reason),
                RegistryOpKind.Correct => (x, t) => x.Correct(actor, t, k, from, to, c, q, reason),
                RegistryOpKind.Block => (x, t) => x.BlockAccount(actor, t, k, from, reason),
                _ => (x, t) => x.UnblockAccount(actor, t, k, from, reason),
            };
        }

        // Approve (by another representative), approve by the proposer, approve an executed proposal again, reject.
        private Func<RegistryLedger, DateTimeOffset, RegistryOutcome> ResolveDecision(RegistryLedger l)
        {
            var k = IdempotencyKey.From(Key);
            var proposals = l.Proposals;
            var pending = proposals.Where(p => p.State == ProposalState.Pending).ToList();
            var executed = proposals.Where(p => p.State == ProposalState.Executed).ToList();
            var p = op.Kind == RegistryOpKind.ApproveAgain ? (executed.Count > 0 ? executed[op.Pick % executed.Count] : null)
                : pending.Count > 0 && op.Pick % 4 != 0 ? pending[op.Pick % pending.Count]
                : proposals.Count > 0 ? proposals[op.Pick % proposals.Count] : null;
            var id = p?.Id ?? ProposalId.From(l.LastProposalId + 1);
            var representatives = p is null ? [] : l.FindAccount(p.From)!.Representatives;
            var others = representatives.Where(u => u != p?.ProposedBy).ToList();
            var actor = op.Kind == RegistryOpKind.ApproveOwn ? p?.ProposedBy ?? Intruder
                : op.Actor >= 0 ? UserId.From(RegistryOp.Users[op.Actor])
                : op.Kind == RegistryOpKind.Reject && representatives.Count > 0 ? representatives[op.Pick % representatives.Count]
                : others.Count > 0 ? others[op.Pick % others.Count] : Intruder;
            (MustRefuse, Expected) = op.Kind switch
            {
                RegistryOpKind.ApproveOwn => (true, p is { State: ProposalState.Pending } ? RegistryRejection.OwnApproval : (RegistryRejection?)null),
                RegistryOpKind.ApproveAgain => (true, p is null ? RegistryRejection.UnknownProposal : RegistryRejection.ProposalAlreadyExecuted),
                _ => (actor == Intruder || p is not { State: ProposalState.Pending }, null),
            };
            Sender = actor;
            _detail = $"proposal {id} ({p?.State.ToString() ?? "none"}) by {actor}";
            return op.Kind == RegistryOpKind.Reject
                ? (x, t) => x.RejectTransfer(actor, t, k, id, "not needed")
                : (x, t) => x.ApproveTransfer(actor, t, k, id);
        }

        private long Quantity(RegistryLedger l, AccountNumber account, UnitClass c)
        {
            var held = l.QuantityHeld(account, c).Value;
            MustRefuse |= op.Amount == Amount.MoreThanHeld && held < long.MaxValue;
            return op.Amount switch
            {
                Amount.MoreThanHeld => held < long.MaxValue ? held + 1 : held,
                Amount.AllHeld => held,
                _ => op.Quantity,
            };
        }
    }
}
