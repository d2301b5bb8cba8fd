using OpenEts.Application.Allocation;
using OpenEts.Domain.Allocation;

namespace OpenEts.Application.Tests.Allocation;

public sealed class AllocationJsonTests
{
    [Fact]
    public void Read_CalculationStoredBeforeSourceCodes_KeepsItsSourceTextWithNoCode()
    {
        const string stored = """
            {"code":"91440000000000001X","name":"Cement A","sector":"cement","stage":"pre","exact":10,"total":10,"free":10,"paid":0,
             "steps":[{"step":"clinker","formula":"A = Q × B","terms":[{"name":"Q","value":10,"unit":"t","source":"approved output 'clinker' (MRV)","unconfirmed":false}],"result":10}],
             "notes":[]}
            """;

        var term = AllocationJson.Read(stored).Steps[0].Terms[0];

        Assert.Equal(("approved output 'clinker' (MRV)", null), (term.Source, term.Code));
        Assert.Empty(term.Figures);
        Assert.Empty(AllocationJson.Read(stored).NoteCodes);
    }

    [Fact]
    public void WriteRead_TermAndNoteWithCodes_RoundTrip()
    {
        var term = new CalculationTerm("ΣE", 3m, "tCO2", "approved emissions 2014, 2015 (MRV)")
        {
            Code = CalculationSources.ApprovedEmissions, Figures = ["2014, 2015"],
        };
        var allocation = new EntityAllocation("91440000000000001X", "Cement A", Domain.Organisations.Sector.Cement, AllocationStage.Pre, 3m,
            Domain.Quantities.AllowanceCount.From(3), Domain.Quantities.AllowanceCount.From(3), Domain.Quantities.AllowanceCount.Zero,
            [new CalculationStep("clinker", "A = ΣE", [term], 3m)])
        {
            Notes = ["the plan gives no historical years"], NoteCodes = [new CalculationNote("no-historical-years", [])],
        };

        var read = AllocationJson.Read(AllocationJson.Write(allocation));
        var back = read.Steps[0].Terms[0];

        Assert.Equal((CalculationSources.ApprovedEmissions, "2014, 2015"), (back.Code, Assert.Single(back.Figures)));
        Assert.Equal("no-historical-years", Assert.Single(read.NoteCodes).Code);
    }
}
