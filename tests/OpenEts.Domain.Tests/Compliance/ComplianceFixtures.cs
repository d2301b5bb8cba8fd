using OpenEts.Domain.Compliance;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;

namespace OpenEts.Domain.Tests.Compliance;

/// <summary>Guangdong-2017-shaped rules (guangdong.md §1.1, §1.4a, §1.5) and units to surrender against them.</summary>
internal static class ComplianceFixtures
{
    public static readonly CreditCode Power = Code("91440101MA5CP0001");
    public static readonly CreditCode Steel = Code("91440101MA5CT0001");
    public static readonly CreditCode Paper = Code("91440101MA5CQ0001");

    public static readonly DateTimeOffset BeforeDeadline = new(2018, 6, 1, 10, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateTimeOffset DeadlineEvening = new(2018, 6, 20, 23, 30, 0, TimeSpan.FromHours(8));
    public static readonly DateTimeOffset AfterDeadline = new(2018, 6, 21, 0, 30, 0, TimeSpan.FromHours(8));

    public static ComplianceRules Guangdong(long? provinceCap = 1_500_000) => new("GD", new DateOnly(2018, 6, 20),
        new OffsetRules([UnitType.Ccer, UnitType.Phcer], 0.10m, "GD", 0.70m, 0.60m, [ProjectCategory.Hydropower], true, true,
            ["BJ", "TJ", "SH", "CQ", "HB"], true, 0.50m, provinceCap, true),
        new PenaltyRules(2m, 50_000m, 50_000m, null, null), []);

    public static UnitAttributes Gdea(int vintage = 2017) =>
        new(UnitClass.Allowance("GD", vintage), UnitType.Allowance, null, null, null, "GD", vintage, null, true);

    public static UnitAttributes Cea(int vintage = 2017) =>
        new(UnitClass.Allowance("CN", vintage), UnitType.Allowance, null, null, null, "CN", vintage, null, true);

    public static UnitAttributes Ccer(string project, ProjectCategory category, string province, bool preCdm = false, int vintage = 2016) =>
        new(UnitClass.Offset(UnitType.Ccer, project, vintage), UnitType.Ccer, project, "project " + project, category, province,
            vintage, preCdm, true);

    public static UnitAttributes Phcer(string project = "GD0001") =>
        new(UnitClass.Offset(UnitType.Phcer, project, 2017), UnitType.Phcer, project, "碳普惠", ProjectCategory.LowCarbonBehaviour, "GD",
            2017, false, true);

    public static UnitAttributes GdWind => Ccer("000101", ProjectCategory.Wind, "GD");

    public static UnitAttributes JxSolar => Ccer("000404", ProjectCategory.Solar, "JX", vintage: 2017);

    public static ComplianceYear Year(ComplianceRules? rules = null, params (CreditCode Entity, decimal Tonnes)[] approved) =>
        new(rules ?? Guangdong(), 2017, approved.Select(a => KeyValuePair.Create(a.Entity, Tonnes.From(a.Tonnes))));

    private static CreditCode Code(string stem) => CreditCode.Parse(stem + CreditCode.CheckCharacter(stem)).Code;
}
