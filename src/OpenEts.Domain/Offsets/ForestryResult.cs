using OpenEts.Domain.Quantities;

namespace OpenEts.Domain.Offsets;

/// <summary>A forestry period's reductions, each step kept so that pages and exports can show the derivation.</summary>
/// <param name="Biomass">Total biomass growth, t dry matter: A × G × BEF × (1 + R) × D.</param>
/// <param name="Gross">Gross sink, tCO2e (rounded to 1 kg): biomass × CF × 44/12.</param>
/// <param name="Net">Gross − baseline − leakage, tCO2e (never below 0).</param>
/// <param name="Verified">Whole tonnes issued for the period: <paramref name="Net"/> rounded down.</param>
/// <param name="Buffer">Whole tonnes withheld to the buffer account (the registry's rounding: the percentage rounded up).</param>
public sealed record ForestryResult(decimal Biomass, Tonnes Gross, Tonnes Net, long Verified, long Buffer)
{
    /// <summary>What reaches the owner's account: verified − buffer.</summary>
    public long ToOwner => Verified - Buffer;
}
