using OpenEts.Domain.Offsets;

namespace OpenEts.Domain.Tests.Offsets;

public sealed class ForestryInputTests
{
    [Fact]
    public void Measured_SpeciesDefaults_IsEmpty()
    {
        var input = ForestryInput.WithDefaults(ForestrySpecies.MassonPine, 100m, 10m, 0m, 0m);

        Assert.Empty(input.Measured());
        Assert.All(new[] { input.ExpansionFactor, input.RootToShoot, input.WoodDensity, input.CarbonFraction }, p => Assert.Null(p.Evidence()));
    }

    [Fact]
    public void Measured_TwoMeasuredParameters_NamesThemInOrderWithValueAndEvidence()
    {
        var input = ForestryInput.WithDefaults(ForestrySpecies.ChineseFir, 100m, 10m, 0m, 0m) with
        {
            CarbonFraction = ForestryParameter.Measured(0.5m, "实验室报告 2018-07"),
            ExpansionFactor = ForestryParameter.Measured(1.7m, "样地调查"),
        };

        Assert.Equal([("BEF", 1.7m, "样地调查"), ("CF", 0.5m, "实验室报告 2018-07")], input.Measured());
        Assert.Equal(["R", "D"], input.Unconfirmed);
    }
}
