namespace OpenEts.Domain.Offsets;

/// <summary>
/// What a forestry monitoring period states: the stand's area and stem-volume growth over the period, the species
/// parameters (defaults or measured), and the baseline and leakage to deduct.
/// </summary>
/// <param name="AreaHectares">Project area in hectares (&gt; 0).</param>
/// <param name="GrowthPerHectare">Stem-volume growth over the whole monitoring period, m³ per hectare (≥ 0).</param>
/// <param name="ExpansionFactor">BEF (dimensionless).</param>
/// <param name="RootToShoot">R (dimensionless).</param>
/// <param name="WoodDensity">D, t dry matter per m³.</param>
/// <param name="CarbonFraction">CF, t C per t dry matter.</param>
/// <param name="BaselineTonnes">Baseline sink change over the period, tCO2e (≥ 0), deducted.</param>
/// <param name="LeakageTonnes">Leakage over the period, tCO2e (≥ 0), deducted.</param>
/// <param name="Species">The species code the defaults came from.</param>
public sealed record ForestryInput(
    decimal AreaHectares, decimal GrowthPerHectare, ForestryParameter ExpansionFactor, ForestryParameter RootToShoot,
    ForestryParameter WoodDensity, ForestryParameter CarbonFraction, decimal BaselineTonnes, decimal LeakageTonnes, string Species)
{
    /// <summary>An input with <paramref name="species"/>'s default parameters.</summary>
    public static ForestryInput WithDefaults(ForestrySpecies species, decimal areaHectares, decimal growthPerHectare,
        decimal baselineTonnes, decimal leakageTonnes)
    {
        ArgumentNullException.ThrowIfNull(species);
        return new(areaHectares, growthPerHectare, species.ExpansionFactor, species.RootToShoot, species.WoodDensity,
            species.CarbonFraction, baselineTonnes, leakageTonnes, species.Code);
    }

    /// <summary>The parameters that are unconfirmed defaults, by name (<c>BEF</c>, <c>R</c>, <c>D</c>, <c>CF</c>).</summary>
    public IReadOnlyList<string> Unconfirmed =>
        [.. new[] { ("BEF", ExpansionFactor), ("R", RootToShoot), ("D", WoodDensity), ("CF", CarbonFraction) }
            .Where(p => !p.Item2.Confirmed).Select(p => p.Item1)];
}
