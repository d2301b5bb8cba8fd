using OpenEts.Domain.DualControl.Calculators;
using OpenEts.Domain.Mrv;
using Xunit;

namespace OpenEts.Domain.Tests.DualControl.Calculators;

public sealed class ReductionCalculatorsTests
{
    private static readonly FactorLibrary Library = DefaultFactors.Library;

    // The seed's 杭州机场 example: 770 flights/day, 155 kg jet fuel per APU stay, 3.18 kg CO2/kg, claimed ~70 000 t/yr.
    private static ApuReplacement Hangzhou(decimal kwhPerStay, decimal? claim) =>
        new(770m, 155m, 3.18m, "seed", kwhPerStay, 365, 2023, "national", claim);

    [Fact]
    public void Apu_SeedExampleWithoutElectricity_RecomputesAndFlagsTheClaimAsUnderclaimed()
    {
        var r = ReductionCalculators.Apu(Library, Hangzhou(0m, 70_000m));

        // 770 × 155 kg × 365 d = 43 562.75 t fuel; × 3.18 = 138 529.545 t CO2.
        Assert.Equal(43_562.75m, r.Steps[0].Value);
        Assert.Equal(138_529.545m, r.ComputedTonnes);
        Assert.Equal(ClaimCheck.Underclaimed, r.Check);
        Assert.True(r.Flagged);
        Assert.Equal(70_000m - 138_529.545m, r.Difference);
        Assert.Contains("138,529.545", r.CheckArithmetic, StringComparison.Ordinal);
    }

    [Fact]
    public void Apu_WithElectricity_SubtractsElectricityTimesTheNationalGridFactor()
    {
        var r = ReductionCalculators.Apu(Library, Hangzhou(100m, null));

        // 770 × 100 kWh × 365 d = 28 105 MWh; × 0.5306 (national 2023) = 14 912.513 t.
        Assert.Equal(28_105m, r.Steps[2].Value);
        Assert.Equal(14_912.513m, r.Steps[3].Value);
        Assert.Equal(138_529.545m - 14_912.513m, r.ComputedTonnes);
        Assert.Equal(ClaimCheck.NotClaimed, r.Check);
        Assert.Contains(r.Inputs, i => i.Code == "gridFactor" && i.Source.Contains("公告2025年第47号", StringComparison.Ordinal));
    }

    [Fact]
    public void Apu_ClaimWithinFivePercent_Follows() =>
        Assert.Equal(ClaimCheck.Follows, ReductionCalculators.Apu(Library, Hangzhou(0m, 135_000m)).Check);

    [Fact]
    public void Apu_NoFuelFactorGiven_UsesLibraryJetKeroseneMarkedUnconfirmed()
    {
        var r = ReductionCalculators.Apu(Library, Hangzhou(0m, null) with { FuelFactor = null });

        var factor = Assert.Single(r.Inputs, i => i.Code == "fuelFactor");
        Assert.False(factor.Confirmed);
        // 43.070 GJ/t × 0.0195 tC/GJ × 0.98 × 44/12 = 3.0179… t CO2/t
        Assert.Equal(3.018m, decimal.Round(factor.Value, 3));
    }

    [Fact]
    public void Boiler_CoalToGas_BaselineLessNewFuel()
    {
        var r = ReductionCalculators.Boiler(Library, new BoilerFuelSwitch("raw-coal", 1000m, "natural-gas", 50m, 0m, 2023, "national", 819m));

        // coal 20.908 × 0.02637 × 0.94 × 44/12 = 1.9003 t/t → 1 900.299 t; gas 389.31 × 0.0153 × 0.99 × 44/12 = 21.6219 → 1 081.094 t.
        Assert.Equal(819.204m, decimal.Round(r.ComputedTonnes, 3));
        Assert.Equal(ClaimCheck.Follows, r.Check);
    }

    [Fact]
    public void FuelFactor_NamesTheLibrarysFiguresAsStored_SoTheyMultiplyOutToTheFactor()
    {
        var coal = Calc.FuelFactor(Library, "raw-coal", "baselineFactor")!;

        // 20.908 × 0.02637 × 0.94 × 44/12 = 1.9003: the carbon content rounded to 0.0264 would give 1.9025 instead.
        Assert.Contains("NCV 20.908 × CC 0.02637 × OF 0.94 × 44/12", coal.Source, StringComparison.Ordinal);
        Assert.Equal(1.9003m, decimal.Round(coal.Value, 4));
    }

    [Fact]
    public void Pv_ClaimAboveItsInputs_IsFlaggedOverclaimed()
    {
        var r = ReductionCalculators.Pv(Library, new PvSystem(1000m, 1200m, 2023, "national", 1000m));

        // 1000 kW × 1200 h = 1 200 MWh × 0.5306 = 636.72 t
        Assert.Equal(636.72m, r.ComputedTonnes);
        Assert.Equal(ClaimCheck.Overclaimed, r.Check);
    }

    [Fact]
    public void Retrofit_ElectricitySavedInGuangdong_UsesTheProvincialFactor()
    {
        var r = ReductionCalculators.Retrofit(Library, new EnergyRetrofit(2000m, null, 0m, 2023, "guangdong", null));

        // 2000 MWh × 0.4419 = 883.8 t
        Assert.Equal(883.8m, r.ComputedTonnes);
    }

    [Fact]
    public void Monetise_SeedScc37_TonnesTimesPrice()
    {
        var scc = new SocialCostOfCarbon("us", "US", 37m, "as quoted", "seed", true);

        Assert.Equal(37_000m, scc.Monetise(1000m));
    }
}
