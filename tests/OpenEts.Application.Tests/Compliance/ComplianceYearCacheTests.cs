using System.Globalization;
using OpenEts.Application.Compliance;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Compliance;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Tests.Compliance;

// The kept compliance year (ComplianceYearCache) against a full replay: surrenders interleaved with changes of
// representatives, approved emissions, project facts, who acts for which entity, an entity's market (its home province,
// or it leaving and rejoining the market), a class defined and issued late, and the rules; after every step the kept
// year and a replay of every surrender from scratch must give the same standings, province totals and answer to the
// next surrender.
public sealed class ComplianceYearCacheTests
{
    private static readonly DateTimeOffset At = new(2018, 6, 1, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly UserId Reg1 = UserId.From("reg.li");
    private static readonly UserId Reg2 = UserId.From("reg.wang");
    private static readonly UnitClass Gdea = UnitClass.Allowance("GD", 2017);
    private static readonly UnitClass GdWind = UnitClass.Offset(UnitType.Ccer, "000101", 2016);
    private static readonly UnitClass JxSolar = UnitClass.Offset(UnitType.Ccer, "000404", 2017);
    private static readonly UnitClass ScHydro = UnitClass.Offset(UnitType.Ccer, "000202", 2015);
    private static readonly UnitClass GdForest = UnitClass.Offset(UnitType.Phcer, "000303", 2017);
    private static readonly UnitClass[] Classes = [Gdea, GdWind, JxSolar, ScHydro, GdForest];
    private static readonly CreditCode[] Entities = [Code("91440101MA5CK0001"), Code("91440101MA5CK0002"), Code("91440101MA5CK0003")];

    private sealed class World
    {
        private int _key;

        public RegistryLedger Ledger { get; } = new();

        public ComplianceRules Rules { get; set; } = Guangdong(1_500_000);

        public Dictionary<CreditCode, decimal> Approved { get; } = new() { [Entities[0]] = 60_000m, [Entities[1]] = 40_000m, [Entities[2]] = 25_000.5m };

        public Dictionary<string, CreditCode> EntityOfUser { get; } = new(StringComparer.Ordinal);

        public Dictionary<UnitClass, OffsetProjectFacts> Facts { get; } = [];

        public Dictionary<CreditCode, string?> Homes { get; } = new() { [Entities[0]] = "GD", [Entities[1]] = "GD", [Entities[2]] = "GD" };

        public IdempotencyKey Key() => IdempotencyKey.From("k-" + (++_key).ToString(CultureInfo.InvariantCulture));

        public ComplianceInputs Inputs() => new("GD", Rules, 2017,
            Approved.ToDictionary(a => a.Key, a => new ApprovedTotal(a.Key, a.Key.Value, Sector.Cement, 2017, Tonnes.From(a.Value))),
            new Dictionary<string, CreditCode>(EntityOfUser, StringComparer.Ordinal),
            Classes.ToDictionary(c => c, c => Ledger.AttributesOf(c)!), new Dictionary<UnitClass, OffsetProjectFacts>(Facts),
            new Dictionary<CreditCode, string?>(Homes));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Current_SurrendersInterleavedWithChanges_AgreesWithAFullReplayAfterEveryStep(int seed)
    {
        var random = new Random(seed);
        var w = Setup();
        var kept = 0;
        ComplianceYear? last = null;
        for (var step = 0; step < 120; step++)
        {
            var changed = random.Next(4) == 0 && Change(w, random);
            // Every other step as the handler runs it: the reloaded inputs interned first (so unchanged ones are the same object).
            var inputs = step % 2 == 0 ? ComplianceYearCache.Intern(w.Inputs()) : w.Inputs();
            var (book, recorded) = ComplianceYearCache.CurrentWithSurrenders(w.Ledger, inputs);
            var replayed = inputs.Replay(SurrenderRecord.Of(w.Ledger, 2017));
            Assert.Equal(State(replayed), State(book));
            // The surrenders it lists (a company's own page) are those a full replay records, each with the same rule.
            Assert.Equal(Recorded(inputs, SurrenderRecord.Of(w.Ledger, 2017)),
                recorded.Select(r => (r.Surrender.From.Number, r.Surrender.Attributes.Class, r.Surrender.Quantity, r.Entity, r.Refused?.Rule)));
            kept += !changed && ReferenceEquals(book, last) ? 1 : 0;
            last = book;

            var account = AccountNumber.From("GD-HOLD-" + random.Next(3).ToString(CultureInfo.InvariantCulture));
            var unit = Classes[random.Next(Classes.Length)];
            var quantity = 1L + random.Next(unit == Gdea ? 20_000 : 3_000);
            var actor = w.Ledger.FindAccount(account)!.Representatives[0];
            var entity = inputs.EntityOf(w.Ledger.FindAccount(account)!);
            var attributes = w.Ledger.AttributesOf(unit)!;
            var refusal = entity is { } e ? book.Check(e, attributes, inputs.FactsOf(unit), quantity) : null;
            Assert.Equal(refusal, entity is { } f ? replayed.Check(f, attributes, inputs.FactsOf(unit), quantity) : null);
            // Refused units move only through the plain registry surrender, sometimes, which compliance counts as not counted.
            if (refusal is null || random.Next(3) == 0)
            {
                w.Ledger.Surrender(actor, At, w.Key(), account, unit, quantity, 2017);
            }
        }
        Assert.True(kept > 20, $"the kept year was reused {kept} times");
    }

    [Fact]
    public void Intern_InputsReloadedUnchangedThenChanged_GivesTheFirstObjectThenTheNewOne()
    {
        var w = Setup();
        w.Rules = Guangdong(1_234_567);
        var first = ComplianceYearCache.Intern(w.Inputs());

        var same = ComplianceYearCache.Intern(w.Inputs());
        w.Approved[Entities[1]] = 40_001m;
        var changed = w.Inputs();
        var afterChange = ComplianceYearCache.Intern(changed);

        Assert.Same(first, same);
        Assert.Same(changed, afterChange);
        Assert.False(first.SameAs(changed));
    }

    // One change to something a replayed year depends on; false when it changed nothing.
    private static bool Change(World w, Random random)
    {
        var entity = Entities[random.Next(Entities.Length)];
        switch (random.Next(9))
        {
            case 0:
                // Representatives: the swing user (who acts for the third entity) joins or leaves an account, and being
                // first in name order, decides whose account it is.
                var account = AccountNumber.From("GD-HOLD-" + random.Next(2).ToString(CultureInfo.InvariantCulture));
                var swing = UserId.From("s.swing");
                return (w.Ledger.FindAccount(account)!.IsRepresentative(swing)
                    ? w.Ledger.RemoveRepresentative(Reg1, At, w.Key(), account, swing)
                    : w.Ledger.AddRepresentative(Reg1, At, w.Key(), account, swing)) is RegistryOutcome.Completed;
            case 1:
                w.Approved[entity] = 10_000m + random.Next(80_000) + 0.25m;
                return true;
            case 2:
                w.Facts[GdWind] = new OffsetProjectFacts(random.Next(2) == 0 ? entity : null, 0.4m + (random.Next(3) / 10m), null, random.Next(2) == 0);
                return true;
            case 3:
                w.EntityOfUser["s.swing"] = entity;
                return true;
            case 4:
                w.Homes[entity] = random.Next(2) == 0 ? "GD" : "JX";
                return true;
            case 5:
                // The entity leaves the market (another jurisdiction: no obligation here) or rejoins it.
                if (!w.Approved.Remove(entity))
                {
                    w.Approved[entity] = 30_000m;
                }
                return true;
            case 6:
                // A class defined and issued after the year began (a defined class's attributes never change after).
                return w.Ledger.AttributesOf(GdForest) is { Defined: false }
                    && w.Ledger.DefineOffsetClass(Reg1, At, w.Key(), GdForest, "forest", ProjectCategory.Forestry, "GD", false) is RegistryOutcome.Completed
                    && w.Ledger.IssueOffsets(Reg1, At, w.Key(), GdForest, 50_000, AccountNumber.From("GD-HOLD-" + random.Next(3).ToString(CultureInfo.InvariantCulture)),
                        null, default, "late") is RegistryOutcome.Completed;
            case 7:
                // The regulator moves units back out of the surrender account, or into it: what a surrender stands for changes.
                var holder = AccountNumber.From("GD-HOLD-" + random.Next(Entities.Length).ToString(CultureInfo.InvariantCulture));
                var surrendered = AccountNumber.From("GD-SURRENDER");
                var outOf = random.Next(3) != 0;
                return w.Ledger.Correct(Reg1, At, w.Key(), outOf ? surrendered : holder, outOf ? holder : surrendered,
                    Classes[random.Next(Classes.Length)], 1 + random.Next(20_000), "correction") is RegistryOutcome.Completed;
            default:
                w.Rules = Guangdong(random.Next(2) == 0 ? 1_500_000 : 8_000);
                return true;
        }
    }

    private static World Setup()
    {
        var w = new World();
        Ok(w.Ledger.Initialise(Reg1, At, w.Key(), "广东省生态环境厅", AccountNumber.From("GD-ISSUE"), AccountNumber.From("GD-SURRENDER"),
            AccountNumber.From("GD-CANCEL"), [Reg1, Reg2]));
        Ok(w.Ledger.Issue(Reg1, At, w.Key(), Gdea, 3_000_000));
        Ok(w.Ledger.DefineOffsetClass(Reg1, At, w.Key(), GdWind, "wind", ProjectCategory.Wind, "GD", false));
        Ok(w.Ledger.DefineOffsetClass(Reg1, At, w.Key(), JxSolar, "solar", ProjectCategory.Solar, "JX", false));
        Ok(w.Ledger.DefineOffsetClass(Reg1, At, w.Key(), ScHydro, "hydro", ProjectCategory.Hydropower, "SC", false));
        for (var i = 0; i < Entities.Length; i++)
        {
            var number = AccountNumber.From("GD-HOLD-" + i.ToString(CultureInfo.InvariantCulture));
            var (a, b) = ($"u{i}.a", $"u{i}.b");
            Ok(w.Ledger.OpenAccount(Reg1, At, w.Key(), number, AccountKind.Holding, "entity " + i, [UserId.From(a), UserId.From(b)]));
            w.EntityOfUser[a] = Entities[i];
            w.EntityOfUser[b] = Entities[i];
            Ok(w.Ledger.Allocate(Reg1, At, w.Key(), number, Gdea, 900_000));
            foreach (var offset in new[] { GdWind, JxSolar, ScHydro })
            {
                Ok(w.Ledger.IssueOffsets(Reg1, At, w.Key(), offset, 200_000, number, null, default, "test"));
            }
        }
        w.EntityOfUser["s.swing"] = Entities[2];
        return w;
    }

    private static (string Standings, long Province, long OutOfProvince) State(ComplianceYear year) =>
        (string.Join("\n", year.StatusOfAll(At.AddDays(30)).Select(s => s.ToString())), year.ProvinceOffsets, year.ProvinceOutOfProvinceOffsets);

    private static ComplianceRules Guangdong(long provinceCap) => new("GD", new DateOnly(2018, 6, 20),
        new OffsetRules([UnitType.Ccer, UnitType.Phcer], 0.10m, "GD", 0.70m, 0.60m, [ProjectCategory.Hydropower], true, true,
            ["BJ", "TJ", "SH", "CQ", "HB"], true, 0.50m, provinceCap, true),
        new PenaltyRules(2m, 50_000m, 50_000m, null, null), []);

    // A full replay's surrenders, each with the entity it counted for and the rule that kept it from counting.
    private static List<(AccountNumber, UnitClass, long, CreditCode, ComplianceRule?)> Recorded(
        ComplianceInputs inputs, IReadOnlyList<SurrenderRecord> surrenders)
    {
        var book = inputs.Start();
        var recorded = new List<(AccountNumber, UnitClass, long, CreditCode, ComplianceRule?)>();
        foreach (var s in surrenders)
        {
            if (s.Quantity > 0 && inputs.EntityOf(s.From) is { } entity)
            {
                var refused = book.Record(entity, s.Attributes, inputs.FactsOf(s.Attributes.Class), s.Quantity, s.At);
                recorded.Add((s.From.Number, s.Attributes.Class, s.Quantity, entity, refused?.Rule));
            }
        }
        return recorded;
    }

    private static void Ok(RegistryOutcome outcome) => Assert.IsType<RegistryOutcome.Completed>(outcome);

    private static CreditCode Code(string stem) => CreditCode.Parse(stem + CreditCode.CheckCharacter(stem)).Code;
}
