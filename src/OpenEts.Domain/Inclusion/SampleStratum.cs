namespace OpenEts.Domain.Inclusion;

/// <summary>
/// One behaviour's part of a checked sample: what the aggregation claims for it (its daily sums), how many of its events
/// were sampled and found unsupported, and their reductions.
/// </summary>
/// <param name="Behaviour">The stratum.</param>
/// <param name="Claimed">The behaviour's reduction in the aggregation (the period's daily sums).</param>
/// <param name="Sampled">Events sampled (≥ 0).</param>
/// <param name="NotSupported">Of those, found not supported (≤ <paramref name="Sampled"/>).</param>
/// <param name="SampledReduction">The sampled events' reductions.</param>
/// <param name="UnsupportedReduction">The unsupported events' reductions (≤ <paramref name="SampledReduction"/>).</param>
public sealed record SampleStratum(
    Behaviour Behaviour, CarbonGrams Claimed, long Sampled, long NotSupported, CarbonGrams SampledReduction, CarbonGrams UnsupportedReduction)
{
    /// <summary>
    /// The claim projected to be unsupported: Claimed × UnsupportedReduction / SampledReduction (the sample's unsupported
    /// share by reduction, a ratio estimate), rounded up to the milligram so that the verified figure is never overstated;
    /// the whole claim when no event of the behaviour could be sampled (nothing shows it).
    /// </summary>
    public CarbonGrams ProjectedUnsupported
    {
        get
        {
            if (NotSupported < 0 || NotSupported > Sampled || UnsupportedReduction > SampledReduction)
            {
                throw new InvalidOperationException("a stratum's unsupported events are among its sampled ones");
            }
            if (SampledReduction == CarbonGrams.Zero)
            {
                return Claimed;
            }
            var product = (Int128)Claimed.Milligrams * UnsupportedReduction.Milligrams;
            var quotient = Int128.DivRem(product, SampledReduction.Milligrams);
            return CarbonGrams.FromMilligrams((long)(quotient.Quotient + (quotient.Remainder > 0 ? 1 : 0)));
        }
    }
}
