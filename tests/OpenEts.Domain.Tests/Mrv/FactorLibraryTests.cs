using OpenEts.Domain.Mrv;

namespace OpenEts.Domain.Tests.Mrv;

public sealed class FactorLibraryTests
{
    [Theory]
    [InlineData(2023, "guangdong", 2023, "guangdong", 0.4419)] // published for the province
    [InlineData(2023, "hainan", 2023, "national", 0.5306)] // no provincial factor: the national one of the year
    [InlineData(2017, "guangdong", 2015, "national", 0.6101)] // nearest earlier year: the 2015 baseline [UNCONFIRMED]
    [InlineData(2024, "guangdong", 2023, "guangdong", 0.4419)] // nearest earlier year, the province preferred
    [InlineData(2010, "guangdong", 2015, "national", 0.6101)] // nothing earlier: the nearest later year
    public void GridFor_Year_PicksThePublishedFactorOrTheNearestYear(int year, string region, int expectedYear, string expectedRegion,
        double expected)
    {
        var factor = DefaultFactors.Library.GridFor(year, region)!;

        Assert.Equal((expectedYear, expectedRegion, (decimal)expected), (factor.Year, factor.Region, factor.Factor.Value));
    }

    [Fact]
    public void Library_UnconfirmedReferenceValues_AreFlagged()
    {
        var library = DefaultFactors.Library;

        Assert.False(((Provenance.Default)library.Carbonate("limestone")!.Factor.Source).Confirmed);
        Assert.False(((Provenance.Default)library.HeatFactor!.Source).Confirmed);
        Assert.False(((Provenance.Default)library.Fuel("jet-kerosene")!.Ncv.Source).Confirmed);
        Assert.False(((Provenance.Default)library.GridFor(2015, GridRegions.National)!.Factor.Source).Confirmed);
        Assert.True(((Provenance.Default)library.GridFor(2022, GridRegions.National)!.Factor.Source).Confirmed);
        Assert.True(((Provenance.Default)library.Fuel("raw-coal")!.Ncv.Source).Confirmed);
    }

    [Fact]
    public void PlanPreparedFrom_2024Data_IsFirstNovember2023WithOctober31Rates()
    {
        Assert.Equal((new DateOnly(2023, 11, 1), new DateOnly(2023, 10, 31)),
            (PowerFacilityGuideline.PlanPreparedFrom(2024), PowerFacilityGuideline.OxidationRatesAsOf(2024)));
    }
}
