using OpenEts.Domain.Compliance;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;
using Xunit;
using static OpenEts.Domain.Tests.Compliance.ComplianceFixtures;

namespace OpenEts.Domain.Tests.Compliance;

public sealed class ComplianceYearTests
{
    [Fact]
    public void Check_HydropowerCcer_RefusedAsExcludedCategory()
    {
        var year = Year(null, (Steel, 2_048_059.878m));

        var refused = year.Check(Steel, Ccer("000202", ProjectCategory.Hydropower, "SC", vintage: 2015), null, 1_000);

        Assert.Equal(ComplianceRule.ExcludedCategory, refused?.Rule);
    }

    [Theory]
    [InlineData("SX", true, ComplianceRule.PreCdm)]
    [InlineData("BJ", false, ComplianceRule.ExcludedHostProvince)]
    [InlineData("SH", false, ComplianceRule.ExcludedHostProvince)]
    public void Check_PreCdmOrOtherPilotRegion_RefusedWithThatRule(string province, bool preCdm, ComplianceRule rule)
    {
        var year = Year(null, (Steel, 100_000m));

        Assert.Equal(rule, year.Check(Steel, Ccer("000303", ProjectCategory.Methane, province, preCdm, 2012), null, 10)?.Rule);
    }

    [Fact]
    public void Check_LegacyClassWithoutAttributes_RefusedAsAttributesUnknown()
    {
        var year = Year(null, (Steel, 100_000m));
        var legacy = new UnitAttributes(UnitClass.Ccer, UnitType.Ccer, null, null, null, null, null, null, false);

        Assert.Equal(ComplianceRule.AttributesUnknown, year.Check(Steel, legacy, null, 10)?.Rule);
    }

    [Fact]
    public void Check_FfcerInGuangdong_RefusedAsProgrammeNotAccepted()
    {
        var year = Year(null, (Steel, 100_000m));
        var ffcer = new UnitAttributes(UnitClass.Offset(UnitType.Ffcer, "FJ0001", 2016), UnitType.Ffcer, "FJ0001", "林业",
            ProjectCategory.Forestry, "FJ", 2016, false, true);

        Assert.Equal(ComplianceRule.ProgrammeNotAccepted, year.Check(Steel, ffcer, null, 10)?.Rule);
    }

    [Fact]
    public void Check_NationalAllowanceOrLaterVintage_RefusedForGuangdong()
    {
        var year = Year(null, (Steel, 100_000m));

        Assert.Equal(ComplianceRule.AllowanceJurisdiction, year.Check(Steel, Cea(), null, 10)?.Rule);
        Assert.Equal(ComplianceRule.AllowanceVintage, year.Check(Steel, Gdea(2018), null, 10)?.Rule);
        Assert.Null(year.Check(Steel, Gdea(2016), null, 10));
    }

    [Fact]
    public void Check_ProjectFacts_OwnBoundaryFossilAndGasShareRefuseOnlyWhenKnownOrUndecidable()
    {
        var year = Year(null, (Steel, 100_000m));
        var other = Ccer("000909", ProjectCategory.Other, "GD");

        Assert.Equal(ComplianceRule.OwnBoundary, year.Check(Steel, GdWind, new OffsetProjectFacts(Steel, null, null, null), 10)?.Rule);
        Assert.Null(year.Check(Steel, GdWind, new OffsetProjectFacts(Power, null, null, null), 10));
        Assert.Equal(ComplianceRule.FossilFuelEnergy, year.Check(Steel, other, new OffsetProjectFacts(null, 0.9m, true, null), 10)?.Rule);
        Assert.Equal(ComplianceRule.Co2Ch4Share, year.Check(Steel, other, new OffsetProjectFacts(null, 0.5m, false, null), 10)?.Rule);
        Assert.Equal(ComplianceRule.ProjectFactUnknown, year.Check(Steel, other, null, 10)?.Rule);
        Assert.Null(year.Check(Steel, other, new OffsetProjectFacts(null, 0.51m, false, null), 10));
    }

    [Fact]
    public void Check_OffsetsOverTenPercentOfEmissions_RefusedAsOffsetCap()
    {
        // 10 % of 100 000.5 t = 10 000.05 t, rounded down to 10 000.
        var year = Year(null, (Power, 100_000.5m));

        Assert.Null(year.Check(Power, GdWind, null, 10_000));
        Assert.Equal(ComplianceRule.OffsetCap, year.Check(Power, GdWind, null, 10_001)?.Rule);
    }

    [Fact]
    public void Check_QuantityRules_GiveTheLimitWhatIsUsedAndWhatWasAsked()
    {
        // Figures, so that a page can say in Chinese how much may still be surrendered (before, the refusal named only
        // the rule: 抵销量不得超过本单位年度实际排放量的规定比例).
        var year = Year(Guangdong(provinceCap: 10_000), (Power, 100_000.5m), (Steel, 100_000m));
        Assert.Null(year.Record(Power, GdWind, null, 7_000, BeforeDeadline));

        Assert.Equal(["10", "10000", "7000", "3001", "3000"], year.Check(Power, GdWind, null, 3_001)!.Figures);
        Assert.Equal(["70", "1000", "0", "1000"], year.Check(Steel, JxSolar, null, 1_000) is { Rule: ComplianceRule.InProvinceShare } s
            ? s.Figures : null);
        Assert.Equal(["100001", "100001", "7000", "93001"], year.Check(Power, Gdea(), null, 100_001)!.Figures);
        Assert.Null(year.Record(Steel, GdWind, null, 2_500, BeforeDeadline));
        Assert.Equal(["10000", "9500", "501", "500"], year.Check(Steel, GdWind, null, 501) is { Rule: ComplianceRule.ProvinceCap } c
            ? c.Figures : null);
    }

    [Fact]
    public void Check_OutOfProvinceCreditsBelowSeventyPercentInProvince_RefusedAsInProvinceShare()
    {
        var year = Year(null, (Power, 100_000m));
        Assert.Equal(ComplianceRule.InProvinceShare, year.Check(Power, JxSolar, null, 1)?.Rule);
        Assert.Null(year.Record(Power, GdWind, null, 7_000, BeforeDeadline));

        // 7 000 of 10 000 is exactly 70 %; one more out-of-province tonne would break it.
        Assert.Null(year.Check(Power, JxSolar, null, 3_000));
        Assert.Null(year.Record(Power, JxSolar, null, 2_000, BeforeDeadline));
        Assert.Null(year.Record(Power, JxSolar, null, 1_000, BeforeDeadline));
        Assert.Equal(ComplianceRule.OffsetCap, year.Check(Power, JxSolar, null, 1)?.Rule);
    }

    [Fact]
    public void Check_InProvinceShare_ComparesTheHostProvinceWithTheEntitysMarketsProvince()
    {
        // Under the same rules: Power is covered by the Shenzhen pilot (its province is Guangdong), Steel by the Fujian
        // pilot, Paper by the national market (no province: no credit is in-province for it).
        var homes = new Dictionary<CreditCode, string?>
        {
            [Power] = MarketJurisdiction.From("SZ").Province,
            [Steel] = MarketJurisdiction.From("FJ").Province,
            [Paper] = MarketJurisdiction.National.Province,
        };
        var year = new ComplianceYear(Guangdong(), 2017,
            [KeyValuePair.Create(Power, Tonnes.From(100_000m)), KeyValuePair.Create(Steel, Tonnes.From(100_000m)),
             KeyValuePair.Create(Paper, Tonnes.From(100_000m))], homes);
        var fjWind = Ccer("000505", ProjectCategory.Wind, "FJ");

        Assert.Null(year.Check(Power, GdWind, null, 1_000));
        Assert.Equal(ComplianceRule.InProvinceShare, year.Check(Power, fjWind, null, 1_000)?.Rule);
        Assert.Null(year.Check(Steel, fjWind, null, 1_000));
        Assert.Equal(ComplianceRule.InProvinceShare, year.Check(Steel, GdWind, null, 1_000)?.Rule);
        Assert.Equal(ComplianceRule.InProvinceShare, year.Check(Paper, GdWind, null, 1_000)?.Rule);
        Assert.Null(year.Record(Steel, fjWind, null, 1_000, BeforeDeadline));
        Assert.Equal(1_000, year.StatusOf(Steel, BeforeDeadline)!.InProvinceOffsets);
    }

    [Fact]
    public void Check_DesignatedAreaPhcer_LowersTheShareToSixtyPercent()
    {
        var designated = Year(null, (Power, 100_000m));
        designated.Record(Power, Phcer(), new OffsetProjectFacts(null, null, null, DesignatedArea: true), 6_000, BeforeDeadline);
        var plain = Year(null, (Power, 100_000m));
        plain.Record(Power, Phcer(), null, 6_000, BeforeDeadline);

        Assert.Null(designated.Check(Power, JxSolar, null, 4_000));
        Assert.Equal(ComplianceRule.InProvinceShare, plain.Check(Power, JxSolar, null, 4_000)?.Rule);
    }

    [Fact]
    public void Check_ProvinceCap_RefusesTheEntityThatWouldCrossIt()
    {
        var year = Year(Guangdong(provinceCap: 10_000), (Power, 100_000m), (Steel, 100_000m));
        year.Record(Power, GdWind, null, 7_000, BeforeDeadline);
        year.Record(Power, JxSolar, null, 3_000, BeforeDeadline);

        Assert.Equal(ComplianceRule.ProvinceCap, year.Check(Steel, GdWind, null, 1)?.Rule);
    }

    [Fact]
    public void Check_OutOfProvinceCreditsPastTheirPartOfTheProvinceCap_RefusedAsInProvinceFirst()
    {
        // Cap 20 000 t: out-of-province credits may fill 30 % of it (6 000 t). With designated-area PHCER (60 %) two
        // entities can reach that part while the province is still under its cap.
        var year = Year(Guangdong(provinceCap: 20_000), (Power, 100_000m), (Steel, 100_000m));
        var designated = new OffsetProjectFacts(null, null, null, DesignatedArea: true);
        year.Record(Power, Phcer(), designated, 6_000, BeforeDeadline);
        year.Record(Power, JxSolar, null, 4_000, BeforeDeadline);
        year.Record(Steel, Phcer(), designated, 4_000, BeforeDeadline);
        year.Record(Steel, JxSolar, null, 2_000, BeforeDeadline);

        Assert.Equal((16_000L, 6_000L), (year.ProvinceOffsets, year.ProvinceOutOfProvinceOffsets));
        Assert.Equal(ComplianceRule.InProvinceFirst, year.Check(Steel, JxSolar, null, 1)?.Rule);
        Assert.Null(year.Check(Steel, GdWind, null, 1));
    }

    [Fact]
    public void Check_MoreThanOwed_RefusedAsExceedsObligation()
    {
        // 100 000.001 t is owed as 100 001 units: no kilogram goes uncovered.
        var year = Year(null, (Paper, 100_000.001m));

        Assert.Null(year.Check(Paper, Gdea(), null, 100_001));
        Assert.Equal(ComplianceRule.ExceedsObligation, year.Check(Paper, Gdea(), null, 100_002)?.Rule);
        Assert.Equal(ComplianceRule.NoApprovedEmissions, year.Check(Steel, Gdea(), null, 1)?.Rule);
    }

    [Fact]
    public void StatusOf_MetByDeadlineDay_IsCompliant()
    {
        var year = Year(null, (Paper, 389_561.263m));
        year.Record(Paper, Gdea(), null, 380_000, BeforeDeadline);
        year.Record(Paper, GdWind, null, 9_562, DeadlineEvening);

        var status = year.StatusOf(Paper, AfterDeadline)!;

        Assert.Equal((ComplianceStatus.Compliant, 389_562L, 389_562L, 0L), (status.Status, status.Required, status.Surrendered, status.Remaining));
        Assert.Null(status.Penalty);
    }

    [Fact]
    public void StatusOf_ShortAtDeadline_IsShortWithGuangdongPenalty()
    {
        var year = Year(null, (Steel, 2_048_059.878m));
        year.Record(Steel, Gdea(), null, 2_000_000, BeforeDeadline);

        var before = year.StatusOf(Steel, BeforeDeadline)!;
        var after = year.StatusOf(Steel, AfterDeadline)!;

        Assert.Equal((ComplianceStatus.Short, 48_060L, false, null), (before.Status, before.Remaining, before.PastDeadline, before.Penalty));
        // 197号令: 2 × 48 060 t deducted from next year's allocation, and a 50 000 元 fine.
        Assert.Equal(new Penalty(48_060, 96_120, 50_000m, 50_000m, false), after.Penalty);
    }

    [Fact]
    public void StatusOf_MetAfterDeadline_IsLateAndKeepsThePenaltyForTheShortfallAtTheDeadline()
    {
        var year = Year(null, (Steel, 1_000m));
        year.Record(Steel, Gdea(), null, 600, BeforeDeadline);
        year.Record(Steel, Gdea(), null, 400, AfterDeadline);

        var status = year.StatusOf(Steel, AfterDeadline.AddDays(1))!;

        Assert.Equal((ComplianceStatus.Late, AfterDeadline), (status.Status, status.MetAt));
        Assert.Equal(800, status.Penalty?.Deduction);
    }

    [Fact]
    public void Record_IneligibleSurrender_CountsAsIneligibleNotTowardTheObligation()
    {
        var year = Year(null, (Steel, 1_000m));

        var refused = year.Record(Steel, Ccer("000202", ProjectCategory.Hydropower, "SC"), null, 50, BeforeDeadline);

        var status = year.StatusOf(Steel, BeforeDeadline)!;
        Assert.Equal(ComplianceRule.ExcludedCategory, refused?.Rule);
        Assert.Equal((0L, 50L, 1_000L), (status.Surrendered, status.Ineligible, status.Remaining));
    }

    [Fact]
    public void PenaltyFor_NationalPriceMultiples_FinesFiveToTenTimesThePrice()
    {
        // 条例 Art. 24: 5–10 × the month-before average price × unsurrendered tonnes; the shortfall is deducted.
        var rules = new PenaltyRules(1m, null, null, 5m, 10m);

        Assert.Equal(new Penalty(1_000, 1_000, 400_000m, 800_000m, false), Penalty.For(rules, 1_000, 80m));
        Assert.True(Penalty.For(rules, 1_000, null).PriceMissing);
    }
}
