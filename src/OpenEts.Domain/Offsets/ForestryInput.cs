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
    public IReadOnlyList<string> Unconfirmed => [.. Named().Where(p => !p.Parameter.Confirmed).Select(p => p.Name)];

    /// <summary>
    /// The parameters the owner measured instead of taking the species' default, by name (<c>BEF</c>, <c>R</c>, <c>D</c>,
    /// <c>CF</c>, in that order), each with its value and evidence; empty when every parameter is a default.
    /// </summary>
    /// <remarks>A method, not a property: the input is stored and sent as JSON, which this derived list is not part of.</remarks>
    public IReadOnlyList<(string Name, decimal Value, string Evidence)> Measured() =>
        [.. Named().Where(p => p.Parameter.Evidence() is not null).Select(p => (p.Name, p.Parameter.Value, p.Parameter.Evidence()!))];

    /// <summary>
    /// The parameters the verifier restated in place of the owner's (<c>BEF</c>, <c>R</c>, <c>D</c>, <c>CF</c>, in that
    /// order), each with its value and the verifier's basis; empty when the verifier restated none.
    /// </summary>
    public IReadOnlyList<(string Name, decimal Value, string Basis)> Restated() =>
        [.. Named().Where(p => p.Parameter.Basis() is not null).Select(p => (p.Name, p.Parameter.Value, p.Parameter.Basis()!))];

    /// <summary>The value of the parameter <paramref name="name"/> (<c>BEF</c>, <c>R</c>, <c>D</c> or <c>CF</c>).</summary>
    public decimal ValueOf(string name) => Named().First(p => p.Name == name).Parameter.Value;

    private (string Name, ForestryParameter Parameter)[] Named() =>
        [("BEF", ExpansionFactor), ("R", RootToShoot), ("D", WoodDensity), ("CF", CarbonFraction)];
}
