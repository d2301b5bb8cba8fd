namespace OpenEts.Domain.Offsets;

/// <summary>
/// Default biomass parameters of one tree species (the dominant species of a stand). Every figure is [UNCONFIRMED]:
/// none is in the project's reference (offsets-and-inclusion.md, guangdong.md §1.5); they are the values commonly quoted
/// from the national forestry methodologies' default tables, to be replaced by the methodology's own table.
/// </summary>
/// <param name="Code">Stable code, e.g. <c>chinese-fir</c>.</param>
/// <param name="Name">Chinese name.</param>
/// <param name="ExpansionFactor">BEF: total above-ground biomass over stem biomass (dimensionless).</param>
/// <param name="RootToShoot">R: below-ground over above-ground biomass (dimensionless).</param>
/// <param name="WoodDensity">D: tonnes of dry matter per m³ of stem volume.</param>
/// <param name="CarbonFraction">CF: tonnes of carbon per tonne of dry matter.</param>
public sealed record ForestrySpecies(
    string Code, string Name, ForestryParameter ExpansionFactor, ForestryParameter RootToShoot, ForestryParameter WoodDensity,
    ForestryParameter CarbonFraction)
{
    private const string Quoted = "default of the national forestry methodologies' species table as commonly quoted; not retrieved [UNCONFIRMED]";

    /// <summary>杉木 (Chinese fir), Fujian's main plantation species.</summary>
    public static ForestrySpecies ChineseFir { get; } = new("chinese-fir", "杉木",
        new(1.634m, Quoted, false), new(0.246m, Quoted, false), new(0.307m, Quoted, false), new(0.520m, Quoted, false));

    /// <summary>马尾松 (Masson pine).</summary>
    public static ForestrySpecies MassonPine { get; } = new("masson-pine", "马尾松",
        new(1.472m, Quoted, false), new(0.187m, Quoted, false), new(0.380m, Quoted, false), new(0.460m, Quoted, false));

    /// <summary>阔叶混交林 (mixed broadleaf): the IPCC 2006 carbon fraction 0.47 and typical values [UNCONFIRMED].</summary>
    public static ForestrySpecies MixedBroadleaf { get; } = new("mixed-broadleaf", "阔叶混交林",
        new(1.514m, Quoted, false), new(0.262m, Quoted, false), new(0.482m, Quoted, false),
        new(0.470m, "IPCC 2006 Guidelines vol. 4 table 4.3 default as commonly quoted; not retrieved [UNCONFIRMED]", false));

    /// <summary>Every species the calculator knows.</summary>
    public static IReadOnlyList<ForestrySpecies> All { get; } = [ChineseFir, MassonPine, MixedBroadleaf];

    /// <summary>The species of <paramref name="code"/>, or null.</summary>
    public static ForestrySpecies? Find(string? code) =>
        All.FirstOrDefault(s => string.Equals(s.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
}
