using FsCheck;
using FsCheck.Fluent;
using OpenEts.Domain.Compliance;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;
using Xunit;
using static OpenEts.Domain.Tests.Compliance.ComplianceFixtures;

namespace OpenEts.Domain.Tests.Compliance;

/// <summary>
/// Random surrenders (allowances, in- and out-of-province credits, designated-area PHCER, excluded credits) by three
/// entities with random emissions under random caps and shares: whatever is accepted, nobody is compliant with less
/// than they owe, no entity's offsets exceed its cap, the in-province share holds after every accepted surrender, and
/// the province total never exceeds its cap.
/// </summary>
public sealed class ComplianceYearPropertyTests
{
    private static readonly Arbitrary<int[]> Streams = Arb.From(Gen.Choose(0, int.MaxValue - 1).ArrayOf());
    private static readonly CreditCode[] Entities = [Power, Steel, Paper];

    [Fact]
    public void RandomSurrenders_KeepEveryCapShareAndObligation() =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(300).WithEndSize(120), Prop.ForAll(Streams, (int[] seeds) =>
        {
            var setup = new Random(seeds.Length == 0 ? 1 : seeds[0]);
            var baseRules = Guangdong(provinceCap: setup.Next(0, 3_000));
            var rules = baseRules with
            {
                Offsets = baseRules.Offsets with
                {
                    MaxShareOfEmissions = setup.Next(0, 101) / 100m,
                    MinInProvinceShare = setup.Next(0, 101) / 100m,
                    MinInProvinceShareWithDesignatedAreaPhcer = setup.Next(0, 101) / 100m,
                },
            };
            var year = Year(rules, [.. Entities.Select(e => (e, setup.Next(0, 5_000_000) / 1000m))]);
            var units = new[] { Gdea(), Gdea(2016), GdWind, JxSolar, Phcer(), Ccer("000202", ProjectCategory.Hydropower, "SC") };
            foreach (var seed in seeds)
            {
                var r = new Random(seed);
                var entity = Entities[r.Next(Entities.Length)];
                var facts = r.Next(3) == 0 ? new OffsetProjectFacts(null, null, null, DesignatedArea: true) : null;
                var at = r.Next(4) == 0 ? AfterDeadline : BeforeDeadline;
                var accepted = year.Record(entity, units[r.Next(units.Length)], facts, r.Next(1, 800), at) is null;
                var status = year.StatusOf(entity, at)!;

                Assert.True(status.Offsets <= status.OffsetCap);
                Assert.True(year.ProvinceOffsets <= rules.Offsets.ProvinceTotalCap);
                Assert.True(status.Surrendered <= status.Required);
                if (accepted && status.Offsets > 0)
                {
                    var least = Math.Min(rules.Offsets.MinInProvinceShare!.Value, rules.Offsets.MinInProvinceShareWithDesignatedAreaPhcer!.Value);
                    Assert.True(status.InProvinceOffsets >= least * status.Offsets);
                }
                foreach (var any in year.StatusOfAll(at))
                {
                    Assert.True(any.Status == ComplianceStatus.Short || any.Surrendered >= any.Required);
                    Assert.True(any.Status != ComplianceStatus.Short || any.Surrendered < any.Required);
                }
            }
        }));

    [Fact]
    public void InProvinceShare_WithoutDesignatedPhcer_HoldsAtTheFullShareAfterEveryAcceptedSurrender() =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(300).WithEndSize(120), Prop.ForAll(Streams, (int[] seeds) =>
        {
            var year = Year(null, (Power, 1_000_000m));
            var units = new[] { GdWind, JxSolar, Phcer() };
            foreach (var seed in seeds)
            {
                var r = new Random(seed);
                if (year.Record(Power, units[r.Next(units.Length)], null, r.Next(1, 5_000), BeforeDeadline) is null)
                {
                    var status = year.StatusOf(Power, BeforeDeadline)!;
                    Assert.True(status.InProvinceOffsets >= 0.70m * status.Offsets);
                }
            }
        }));
}
