using OpenEts.Domain.Inclusion;

namespace OpenEts.Domain.Tests.Inclusion;

public sealed class SampleEvaluationTests
{
    private static CarbonGrams G(long grams) => CarbonGrams.FromMilligrams(grams * 1000);

    [Fact]
    public void Of_NoUnsupportedEvent_VerifiesTheClaim()
    {
        var result = SampleEvaluation.Of(SamplingPlan.Default, [new SampleStratum(Behaviour.Bus, G(100_000), 10, 0, G(5_000), G(0))]);

        Assert.Equal(G(100_000), result.Verified);
        Assert.Equal(0m, result.ProjectedRate);
        Assert.False(result.ExceedsTolerable);
    }

    [Fact]
    public void Of_ErrorUnderTheTolerableRate_VerifiesTheClaimAsFiled()
    {
        // Bus: 200 of 5 000 g sampled unsupported = 4 % of its 100 000 g claim = 4 000 g; 4 % ≤ 5 %: immaterial.
        var result = SampleEvaluation.Of(SamplingPlan.Default, [new SampleStratum(Behaviour.Bus, G(100_000), 25, 1, G(5_000), G(200))]);

        Assert.Equal(G(4_000), result.ProjectedUnsupported);
        Assert.Equal(0.04m, result.ProjectedRate);
        Assert.Equal(G(100_000), result.Verified);
        Assert.Equal(0.04m, result.EventErrorRate);
    }

    [Fact]
    public void Of_ErrorAboveTheTolerableRate_CutsTheClaimByTheProjectedError()
    {
        // Bus: 1 000 of 5 000 g unsupported = 20 % of 60 000 g = 12 000 g; walk: 0 of 800 g → 0 of 40 000 g.
        // Projected 12 000 of 100 000 g = 12 % > 5 %: verified 100 000 − 12 000 = 88 000 g.
        var result = SampleEvaluation.Of(SamplingPlan.Default,
        [
            new SampleStratum(Behaviour.Bus, G(60_000), 20, 4, G(5_000), G(1_000)),
            new SampleStratum(Behaviour.Walk, G(40_000), 10, 0, G(800), G(0)),
        ]);

        Assert.Equal(G(12_000), result.ProjectedUnsupported);
        Assert.Equal(0.12m, result.ProjectedRate);
        Assert.True(result.ExceedsTolerable);
        Assert.Equal(G(88_000), result.Verified);
        Assert.Equal(4m / 30m, result.EventErrorRate);
    }

    [Fact]
    public void ProjectedUnsupported_InexactShare_RoundsUpToTheMilligram()
    {
        // 1 000 mg × 1 / 3 = 333.33… mg → 334 mg (the verified figure is never overstated).
        var stratum = new SampleStratum(Behaviour.Metro, CarbonGrams.FromMilligrams(1_000), 3, 1, CarbonGrams.FromMilligrams(3),
            CarbonGrams.FromMilligrams(1));

        Assert.Equal(334, stratum.ProjectedUnsupported.Milligrams);
    }

    [Fact]
    public void ProjectedUnsupported_NoEventLeftToSample_IsTheWholeClaim() =>
        Assert.Equal(G(700), new SampleStratum(Behaviour.Bike, G(700), 0, 0, G(0), G(0)).ProjectedUnsupported);

    [Fact]
    public void VerifiedOf_FiledBelowTheStrataClaims_CutsTheFiledFigureByTheProjectedRate()
    {
        // 12 % projected of the strata's 100 000 g; the aggregation filed 90 000 g: 90 000 × 12 % = 10 800 g cut → 79 200 g.
        var result = SampleEvaluation.Of(SamplingPlan.Default, [new SampleStratum(Behaviour.Bus, G(100_000), 20, 4, G(5_000), G(600))]);

        Assert.Equal(G(79_200), result.VerifiedOf(G(90_000)));
    }
}
