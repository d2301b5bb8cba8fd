using OpenEts.Application.Allocation;
using OpenEts.Domain.Allocation;
using OpenEts.Domain.Organisations;
using Xunit;

namespace OpenEts.Application.Tests.Allocation;

/// <summary>The regulator's history exclusions: how the form reads them and at which stage they count.</summary>
public sealed class HistoryExclusionTests
{
    private static readonly string Code = "91440600MA5CY1004" + CreditCode.CheckCharacter("91440600MA5CY1004");

    private static RecordCircumstance.Form Form(string? years) =>
        new("guangdong", 2017, Code, "HistoryExclusion", null, null, "粤发改气候〔2017〕演示 3号", years);

    [Fact]
    public void TryParse_YearsSeparatedByChineseCommasAndSpaces_ReadsThemAscendingWithoutRepeats()
    {
        var ok = RecordCircumstance.TryParse(Form("2016， 2014、2016"), out var command, out var errors);

        Assert.True(ok, string.Join("; ", errors.Select(e => e.Message)));
        Assert.Equal([2014, 2016], command!.ExcludedYears);
        Assert.Null(command.Months);
        Assert.Null(command.Energy);
    }

    [Theory]
    [InlineData(null, "Required")]
    [InlineData("2015, 20x6", "Year")]
    [InlineData("1850", "Year")]
    public void TryParse_MissingOrBadYears_NamesTheExcludedYearsField(string? years, string rule)
    {
        var ok = RecordCircumstance.TryParse(Form(years), out var command, out var errors);

        Assert.False(ok);
        Assert.Null(command);
        var error = Assert.Single(errors);
        Assert.Equal(("excludedYears", rule), (error.Field, error.Rule));
    }

    [Fact]
    public void Apply_AtPreAllocation_CountsOnlyTheHistoryExclusion()
    {
        var entity = new EntityInput(Code, "示范炼厂", Sector.Petrochemical);
        var at = new DateTimeOffset(2018, 3, 1, 0, 0, 0, TimeSpan.Zero);
        SpecialCircumstance[] recorded =
        [
            new("guangdong", 2017, Code, CircumstanceKind.Stoppage, 7, null, "停产备案", at, "regulator"),
            new("guangdong", 2017, Code, CircumstanceKind.HistoryExclusion, null, null, "检修年份", at, "regulator", [2015]),
            new("guangdong", 2017, "91440000OTHER00001", CircumstanceKind.HistoryExclusion, null, null, "其他企业", at, "regulator", [2014]),
        ];

        var pre = SpecialCircumstance.Apply(entity, recorded, AllocationStage.Pre);
        var final = SpecialCircumstance.Apply(entity, recorded, AllocationStage.Final);

        Assert.Equal([2015], pre.ExcludedYears);
        Assert.Equal(0, pre.AbnormalMonths);
        Assert.Equal([2015], final.ExcludedYears);
        Assert.Equal(7, final.AbnormalMonths);
    }
}
