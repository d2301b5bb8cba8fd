using System.Globalization;
using OpenEts.Application.Allocation;
using OpenEts.Domain.Allocation;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Pages.Allocation;

namespace OpenEts.Server.Tests.Allocation;

/// <summary>An allocation's remarks on <c>/Allocation/Entity</c>: in the reader's language from their codes, or as stored.</summary>
public sealed class AllocationLabelsTests
{
    private static EntityAllocation WithUnknownProduct()
    {
        Assert.True(PlanJson.TryRead(PlanJson.Shipped("guangdong-2017"), out var plan, out _));
        var entity = new EntityInput("91440000000000001X", "Cement A", Sector.Cement) { Products = [new ProductInput("bogus", 10m)] };
        return AllocationCalculator.Allocate(plan, 2017, entity, AllocationStage.Final);
    }

    private static string InCulture(string culture, Func<string> text)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return text();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Note_InChinese_NamesTheProductAndSectorInChinese()
    {
        var allocation = WithUnknownProduct();

        var zh = InCulture("zh-CN", () => AllocationLabels.Note(allocation, 0, new Dictionary<string, string>()));
        var en = InCulture("en", () => AllocationLabels.Note(allocation, 0, new Dictionary<string, string>()));

        Assert.Equal("产品 bogus 不在方案的水泥行业中：未计入", zh);
        Assert.Equal("output for product bogus is not in the plan's Cement sector: left out", en);
    }

    [Fact]
    public void Note_StoredBeforeRemarksHadCodes_ReadsAsStored()
    {
        var stored = WithUnknownProduct() with { NoteCodes = [] };

        var zh = InCulture("zh-CN", () => AllocationLabels.Note(stored, 0, new Dictionary<string, string>()));

        Assert.Equal("output for product 'bogus' is not in the plan's Cement sector: left out", zh);
    }

    [Fact]
    public void Source_APlanFiguresReference_ReadsAsThePlanWritesIt()
    {
        Assert.True(PlanJson.TryRead(PlanJson.Shipped("guangdong-2017"), out var plan, out _));
        var entity = new EntityInput("91440000000000001X", "Cement A", Sector.Cement) { Products = [new ProductInput("clinker", 1_400_000m)] };
        var benchmark = AllocationCalculator.Allocate(plan, 2017, entity, AllocationStage.Final).Steps
            .SelectMany(s => s.Terms).Single(t => t.Name == "B");

        var zh = InCulture("zh-CN", () => AllocationLabels.Source(benchmark));

        // The plan's own words, commas and all: before, every ", " of the reference became 、 as if it listed years
        // ("national 2017 draft value、http://…", "(guangdong.md §1.4、§1.4a)").
        Assert.Equal("placeholder: national 2017 draft value, http://www.zuoguai.cn/news/haiwaidianli/15892.html (guangdong.md §1.4, §1.4a); "
            + "no Guangdong value was found", zh);
    }

    [Fact]
    public void Source_YearsOfApprovedEmissions_AreJoinedAsChineseJoinsAList()
    {
        var term = new CalculationTerm("E", 1m, "tCO2", "approved emissions 2014, 2015, 2016")
        {
            Code = CalculationSources.ApprovedEmissions,
            Figures = ["2014, 2015, 2016"],
        };

        Assert.Equal("经审定的 2014、2015、2016 年排放量（MRV）", InCulture("zh-CN", () => AllocationLabels.Source(term)));
    }
}
