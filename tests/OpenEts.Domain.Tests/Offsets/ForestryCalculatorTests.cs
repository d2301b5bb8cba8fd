using OpenEts.Domain.Offsets;
using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;

namespace OpenEts.Domain.Tests.Offsets;

public sealed class ForestryCalculatorTests
{
    private static BufferShare Percent(decimal p) => BufferShare.TryOfPercent(p, out var share, out _) ? share : throw new InvalidOperationException();

    [Fact]
    public void Compute_ChineseFirStand_MatchesTheHandDerivation()
    {
        var input = ForestryInput.WithDefaults(ForestrySpecies.ChineseFir, 1000m, 10m, 500m, 0m);

        var result = ForestryCalculator.Compute(input, Percent(20m));

        // By hand: 1000 ha × 10 m³/ha = 10 000 m³; × BEF 1.634 = 16 340; × (1 + 0.246) = 20 359.64; × D 0.307 = 6250.40948 t d.m.
        // × CF 0.52 = 3250.2129296 t C; × 44/12 = 11 917.447408533… t CO2e → 11 917.447; − baseline 500 = 11 417.447;
        // 11 417 whole tonnes; buffer 20 % = 2283.4 → 2284 (rounded up); owner 9133.
        Assert.Equal(6250.40948m, result.Biomass);
        Assert.Equal(Tonnes.From(11917.447m), result.Gross);
        Assert.Equal(Tonnes.From(11417.447m), result.Net);
        Assert.Equal((11_417L, 2_284L, 9_133L), (result.Verified, result.Buffer, result.ToOwner));
    }

    [Fact]
    public void Compute_MassonPineWithLeakageAndNoBuffer_MatchesTheHandDerivation()
    {
        var input = ForestryInput.WithDefaults(ForestrySpecies.MassonPine, 250m, 6m, 100m, 35.5m);

        var result = ForestryCalculator.Compute(input, default);

        // By hand: 250 × 6 = 1500 m³; × 1.472 = 2208; × 1.187 = 2620.896; × 0.380 = 995.94048 t d.m.; × 0.46 = 458.1326208 t C;
        // × 44/12 = 1679.8196096 t CO2e → 1679.820; − 100 − 35.5 = 1544.320 → 1544 whole tonnes, nothing withheld.
        Assert.Equal(Tonnes.From(1679.820m), result.Gross);
        Assert.Equal(Tonnes.From(1544.320m), result.Net);
        Assert.Equal((1_544L, 0L, 1_544L), (result.Verified, result.Buffer, result.ToOwner));
    }

    [Fact]
    public void Compute_MeasuredParameter_ReplacesTheDefaultAndIsNotUnconfirmed()
    {
        var input = ForestryInput.WithDefaults(ForestrySpecies.ChineseFir, 100m, 10m, 0m, 0m) with
        {
            CarbonFraction = ForestryParameter.Measured(0.5m, "实验室报告 2018-07"),
        };

        var result = ForestryCalculator.Compute(input, default);

        // By hand: 100 × 10 × 1.634 × 1.246 × 0.307 = 625.040948; × 0.5 = 312.520474; × 44/12 = 1145.908404… → 1145.908.
        Assert.Equal(Tonnes.From(1145.908m), result.Gross);
        Assert.Equal(["BEF", "R", "D"], input.Unconfirmed);
    }

    [Fact]
    public void Compute_BaselineAboveGross_IssuesNothing()
    {
        var input = ForestryInput.WithDefaults(ForestrySpecies.ChineseFir, 1m, 1m, 1000m, 0m);

        var result = ForestryCalculator.Compute(input, Percent(20m));

        Assert.Equal((Tonnes.Zero, 0L, 0L), (result.Net, result.Verified, result.Buffer));
    }

    [Fact]
    public void Check_ImpossibleParameters_NamesEachField()
    {
        var input = ForestryInput.WithDefaults(ForestrySpecies.ChineseFir, 0m, -1m, 0m, 0m) with
        {
            RootToShoot = ForestryParameter.Measured(1.5m, "x"),
        };

        var errors = ForestryCalculator.Check(input);

        Assert.Equal(["areaHectares", "growthPerHectare", "rootToShoot"], errors.Select(e => e.Field));
        Assert.Throws<ArgumentException>(() => ForestryCalculator.Compute(input, default));
    }

    [Fact]
    public void Species_EveryDefault_IsFlaggedUnconfirmedWithItsSource()
    {
        var parameters = ForestrySpecies.All.SelectMany(s => new[] { s.ExpansionFactor, s.RootToShoot, s.WoodDensity, s.CarbonFraction });

        Assert.All(parameters, p => Assert.False(p.Confirmed));
        Assert.All(parameters, p => Assert.Contains("[UNCONFIRMED]", p.Source, StringComparison.Ordinal));
    }
}
