namespace OpenEts.Domain.Mrv;

/// <summary>
/// A published version of the default factors (缺省值): fuels, grid factors by year and region, and the heat factor.
/// A correction is a new version; reports name the version they were computed with.
/// </summary>
/// <param name="Version">The version label (e.g. "2026.1").</param>
/// <param name="Fuels">Fuel defaults by code.</param>
/// <param name="Grid">Grid factors by year and region.</param>
/// <param name="HeatFactor">The default heat emission factor, tCO2/GJ, or null when the library has none.</param>
public sealed record FactorLibrary(
    string Version, IReadOnlyDictionary<string, FuelDefault> Fuels, IReadOnlyList<GridFactor> Grid, Figure? HeatFactor)
{
    /// <summary>The fuel with this code, or null.</summary>
    public FuelDefault? Fuel(string code) => Fuels.GetValueOrDefault(code);

    /// <summary>
    /// The grid factor for the year and region; falls back to the national factor of that year; null when the library
    /// has neither.
    /// </summary>
    public GridFactor? GridFor(int year, string region) =>
        Grid.FirstOrDefault(g => g.Year == year && string.Equals(g.Region, region, StringComparison.OrdinalIgnoreCase))
        ?? Grid.FirstOrDefault(g => g.Year == year && g.Region == GridRegions.National);
}
