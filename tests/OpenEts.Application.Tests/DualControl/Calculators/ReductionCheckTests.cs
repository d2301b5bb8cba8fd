using OpenEts.Application.DualControl.Calculators;
using OpenEts.Domain.DualControl.Calculators;
using OpenEts.Domain.Mrv;
using Xunit;

namespace OpenEts.Application.Tests.DualControl.Calculators;

public sealed class ReductionCheckTests
{
    private static readonly ReductionCheck Check = new(DefaultFactors.Library, SccSeries.Shipped);

    [Fact]
    public void TryApu_SeedExample_FlagsTheClaimAndMonetisesAtThirtySevenDollars()
    {
        Assert.True(Check.TryApu(ReductionCheck.SeedApuExample, out var result, out _));

        Assert.True(result.Recalculation.Flagged);
        Assert.Equal(37m, result.Scc.UsdPerTonne);
        // 770 × 155 × 365 ÷ 1000 × 3.18 = 138 529.545 t; × 37 USD/t
        Assert.Equal(138_529.545m * 37m, result.MonetisedUsd);
    }

    [Fact]
    public void TryBoiler_UnknownFuelAndRegion_RefusesNamingTheFields()
    {
        Assert.False(Check.TryBoiler(new ReductionCheck.BoilerForm("peat", 10m, null, null, null, null, "mars", null, null), out _, out var errors));

        Assert.Equal(["baselineFuel", "gridRegion"], errors.Select(e => e.Field).ToArray());
    }

    [Fact]
    public void TryRetrofit_FuelSavedWithoutTheFuel_RefusesRatherThanDroppingTheSaving()
    {
        Assert.False(Check.TryRetrofit(new ReductionCheck.RetrofitForm(100m, null, 5m), out _, out var errors));

        var error = Assert.Single(errors);
        Assert.Equal(("fuel", "RequiredWith"), (error.Field, error.Rule));
    }

    [Fact]
    public void TryBoiler_NewFuelWithoutItsAmount_RefusesRatherThanCountingNone()
    {
        Assert.False(Check.TryBoiler(new ReductionCheck.BoilerForm("raw-coal", 100m, "natural-gas"), out _, out var errors));

        var error = Assert.Single(errors);
        Assert.Equal(("newAmount", "RequiredWith"), (error.Field, error.Rule));
    }

    [Fact]
    public void TryPv_NoYearOrRegion_UsesTheLatestNationalFactor()
    {
        Assert.True(Check.TryPv(new ReductionCheck.PvForm(100m, 1000m, null, null, null, null), out var result, out _));

        var grid = Assert.Single(result.Recalculation.Inputs, i => i.Code == "gridFactor");
        Assert.Equal(DefaultFactors.Library.GridFor(Check.DefaultGridYear, GridRegions.National)!.Factor.Value, grid.Value);
        Assert.Equal(ClaimCheck.NotClaimed, result.Recalculation.Check);
    }

    [Fact]
    public void SccSeries_Shipped_FirstIsTheSeedsThirtySevenAndUnretrievedOnesAreUnconfirmed()
    {
        Assert.Equal(37m, SccSeries.Shipped.Find(null)!.UsdPerTonne);
        Assert.All(SccSeries.Shipped.All.Skip(1), v => Assert.False(v.Confirmed));
        Assert.Null(SccSeries.Shipped.Find("nope"));
    }
}
