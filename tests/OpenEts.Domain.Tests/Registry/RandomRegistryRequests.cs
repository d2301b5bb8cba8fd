using FsCheck;
using FsCheck.Fluent;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;
using static OpenEts.Domain.Tests.Registry.RegistryScenario;

namespace OpenEts.Domain.Tests.Registry;

/// <summary>
/// Random request sequences over a seeded <see cref="RegistryScenario"/>: every request kind, good and bad actors,
/// accounts, classes, quantities and repeated idempotency keys. Shared by the ledger's property tests and (linked) by
/// the journal JSON's in OpenEts.Application.Tests.
/// </summary>
internal static class RandomRegistryRequests
{
    private static readonly UserId[] Actors = [Reg1, Reg2, A1, A2, B1, B2, I1, I2, X1, Outsider];
    private static readonly AccountNumber[] AccountPool =
        [CompanyA, CompanyB, Investor, Clearing, Issuance, Surrender, Cancellation, Unknown, BufferPool];
    private static readonly UnitClass[] Classes =
        [Gdea2017, Cea2021, UnitClass.Ccer, Gdea2018, default, CcerHydro, FfcerForest, UnitClass.Offset(UnitType.Phcer, "GZ01", 2018)];
    private static readonly decimal[] Percents = [0m, 10m, 12.5m, 33.33m, 99.99m];
    // A surrender without an entity (journaled before entities were kept) and one made for an entity.
    private static readonly CreditCode?[] Entities = [null, CreditCode.Parse("91350100M000100Y43").Code];
    private static readonly ProjectCategory[] Categories = [ProjectCategory.Hydropower, ProjectCategory.Forestry, ProjectCategory.Wind];

    private static readonly Arbitrary<int[]> Streams = Arb.From(Gen.Choose(0, int.MaxValue - 1).ArrayOf());

    public static void Check(Action<RegistryScenario, List<Func<DateTimeOffset, RegistryOutcome?>>> property) =>
        FsCheck.Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(200).WithEndSize(120),
            Prop.ForAll(Streams, (int[] seeds) =>
            {
                var s = Seeded();
                property(s, Decode(s, seeds));
            }));

    // A registry with units of three classes spread over the companies, and two defined offset classes issued with a
    // buffer share (a third, PHCER, is left for random requests to define), so random transfers often succeed.
    public static RegistryScenario Seeded()
    {
        var s = WithOffsetClasses();
        foreach (var c in Classes.Take(3))
        {
            s.Ok(s.Ledger.Issue(Reg1, s.Now, s.NextKey(), c, 200));
            s.Ok(s.Ledger.Correct(Reg1, s.Now, s.NextKey(), Issuance, CompanyA, c, 60, "seed"));
            s.Ok(s.Ledger.Correct(Reg1, s.Now, s.NextKey(), Issuance, CompanyB, c, 40, "seed"));
        }
        BufferShare.TryOfPercent(20, out var twenty, out _);
        s.Ok(s.Ledger.IssueOffsets(Reg1, s.Now, s.NextKey(), CcerHydro, 150, CompanyA, BufferPool, twenty, "seed"));
        s.Ok(s.Ledger.IssueOffsets(Reg1, s.Now, s.NextKey(), FfcerForest, 120, CompanyB, BufferPool, twenty, "seed"));
        return s;
    }

    // Each seed is one request; returning null means "expire proposals" (not a keyed request).
    public static List<Func<DateTimeOffset, RegistryOutcome?>> Decode(RegistryScenario s, int[] seeds)
    {
        var requests = new List<Func<DateTimeOffset, RegistryOutcome?>>();
        foreach (var seed in seeds)
        {
            var r = new Random(seed);
            var actor = Actors[r.Next(Actors.Length)];
            var from = AccountPool[r.Next(AccountPool.Length)];
            var to = AccountPool[r.Next(AccountPool.Length)];
            var unitClass = Classes[r.Next(Classes.Length)];
            var quantity = r.Next(-2, 80);
            var key = IdempotencyKey.From($"p{r.Next(40)}");
            var proposal = ProposalId.From(r.Next(1, 8));
            var minutes = r.Next(1, 600);
            var year = r.Next(2015, 2025);
            var serials = SerialBlock.OfCount(1 + r.Next(250), Math.Max(1, quantity));
            var share = r.Next(3) switch
            {
                0 => default,
                1 => BufferShare.TryOfPercent(Percents[r.Next(Percents.Length)], out var p, out _) ? p : default,
                _ => BufferShare.TryOfTonnes(r.Next(0, 30), out var t, out _) ? t : default,
            };
            var category = Categories[r.Next(Categories.Length)];
            var province = r.Next(4) == 0 ? "XX" : "GD";
            var text = r.Next(5) == 0 ? " " : "text";
            RegistryLedger l = s.Ledger;
            requests.Add(r.Next(17) switch
            {
                0 => now => l.Issue(actor, now, key, unitClass, quantity),
                1 => now => l.Allocate(actor, now, key, to, unitClass, quantity),
                2 or 3 => now => l.ProposeTransfer(actor, now, key, from, to, unitClass, quantity, now.AddMinutes(minutes)),
                4 or 5 => now => l.ApproveTransfer(actor, now, key, proposal),
                6 => now => l.RejectTransfer(actor, now, key, proposal, "no"),
                7 => now => l.Surrender(actor, now, key, from, unitClass, quantity, year, Entities[minutes % 2]),
                8 => now => l.Cancel(actor, now, key, from, unitClass, quantity, "voluntary"),
                9 => now => l.Correct(actor, now, key, from, to, unitClass, quantity, minutes % 5 == 0 ? " " : "fix"),
                10 => now => l.CorrectSerials(actor, now, key, from, to, unitClass, serials, "fix"),
                11 => now => l.BlockAccount(actor, now, key, from, "hold"),
                12 => now => l.UnblockAccount(actor, now, key, from, "release"),
                13 => now => l.DefineOffsetClass(actor, now, key, unitClass, text, category, province, minutes % 2 == 0),
                14 => now => l.IssueOffsets(actor, now, key, unitClass, quantity, to, from, share, "mr"),
                15 => now => l.Retire(actor, now, key, from, unitClass, quantity, text, "offsetting"),
                _ => _ => null,
            });
        }
        return requests;
    }

    public static RegistryOutcome? Run(RegistryScenario s, Func<DateTimeOffset, RegistryOutcome?> request)
    {
        var outcome = request(s.Now);
        if (outcome is null)
        {
            s.Events.AddRange(s.Ledger.ExpireProposals(s.Now));
        }
        else if (outcome is RegistryOutcome.Completed { Duplicate: false } done)
        {
            s.Events.Add(done.Event);
        }
        return outcome;
    }

    // Re-issues the request an event came from, against a replayed ledger.
    public static RegistryOutcome RepeatOn(RegistryLedger l, RegistryEvent e) => e switch
    {
        RegistryInitialised i => l.Initialise(i.Actor, i.At, i.Key!.Value, i.Authority, i.Issuance, i.Surrender, i.Cancellation, i.Regulators),
        AccountOpened o => l.OpenAccount(o.Actor, o.At, o.Key!.Value, o.Account, o.Kind, o.HolderName, o.Representatives),
        AccountStateChanged { State: AccountState.Blocked } b => l.BlockAccount(b.Actor, b.At, b.Key!.Value, b.Account, b.Reason),
        AccountStateChanged { State: AccountState.Open } u => l.UnblockAccount(u.Actor, u.At, u.Key!.Value, u.Account, u.Reason),
        AccountStateChanged c => l.CloseAccount(c.Actor, c.At, c.Key!.Value, c.Account, c.Reason),
        UnitsIssued i => l.Issue(i.Actor, i.At, i.Key!.Value, i.Class, i.Blocks.Sum(b => b.Count)),
        UnitsAllocated a => l.Allocate(a.Actor, a.At, a.Key!.Value, a.To, a.Class, a.Blocks.Sum(b => b.Count)),
        TransferProposed p => l.ProposeTransfer(p.Actor, p.At, p.Key!.Value, p.From, p.To, p.Class, p.Quantity.Value, p.ExpiresAt),
        UnitsTransferred t => l.ApproveTransfer(t.Actor, t.At, t.Key!.Value, t.Proposal),
        TransferRejected r => l.RejectTransfer(r.Actor, r.At, r.Key!.Value, r.Proposal, r.Reason),
        UnitsSurrendered s => l.Surrender(s.Actor, s.At, s.Key!.Value, s.From, s.Class, s.Blocks.Sum(b => b.Count), s.ComplianceYear, s.Entity),
        UnitsCancelled c => l.Cancel(c.Actor, c.At, c.Key!.Value, c.From, c.Class, c.Blocks.Sum(b => b.Count), c.Reason),
        UnitsCorrected { BySerials: true } c => l.CorrectSerials(c.Actor, c.At, c.Key!.Value, c.From, c.To, c.Class, c.Blocks[0], c.Reason),
        UnitsCorrected c => l.Correct(c.Actor, c.At, c.Key!.Value, c.From, c.To, c.Class, c.Blocks.Sum(b => b.Count), c.Reason),
        OffsetClassDefined d => l.DefineOffsetClass(d.Actor, d.At, d.Key!.Value, d.Class, d.Title, d.Category, d.HostProvince, d.PreCdm),
        OffsetsIssued o => l.IssueOffsets(o.Actor, o.At, o.Key!.Value, o.Class, o.NewBlocks().Sum(b => b.Count), o.Owner, o.Buffer, o.Share(),
            o.Reference),
        UnitsRetired t => l.Retire(t.Actor, t.At, t.Key!.Value, t.From, t.Class, t.Blocks.Sum(b => b.Count), t.Beneficiary, t.Purpose),
        _ => throw new InvalidOperationException(e.GetType().Name),
    };
}
