namespace OpenEts.Domain.Mrv;

/// <summary>
/// A published version of the default factors (缺省值): fuels, grid factors by year and region, the heat factor and
/// carbonate factors. A correction is a new version (<see cref="Publish"/>); reports name the version they were
/// computed with, and <see cref="FactorImpact"/> lists the reports a correction would move before anyone applies it.
/// </summary>
/// <param name="Version">The version label (e.g. "2026.1").</param>
/// <param name="Fuels">Fuel defaults by code.</param>
/// <param name="Grid">Grid factors by year and region.</param>
/// <param name="HeatFactor">The default heat emission factor, tCO2/GJ, or null when the library has none.</param>
public sealed record FactorLibrary(
    string Version, IReadOnlyDictionary<string, FuelDefault> Fuels, IReadOnlyList<GridFactor> Grid, Figure? HeatFactor)
{
    /// <summary>Carbonate emission factors (tCO2/t carbonate) by code ("limestone", "dolomite"), for process sources.</summary>
    public IReadOnlyDictionary<string, CarbonateDefault> Carbonates { get; init; } =
        new Dictionary<string, CarbonateDefault>(StringComparer.Ordinal);

    /// <summary>
    /// The coal oxidation rate the power-facility guideline (2022) fixes, or null to use the fuel's own default.
    /// </summary>
    public Figure? PowerFacilityCoalOxidation { get; init; }

    /// <summary>What changed from the previous version (empty for the first).</summary>
    public string Notes { get; init; } = "";

    /// <summary>The fuel with this code, or null.</summary>
    public FuelDefault? Fuel(string code) => Fuels.GetValueOrDefault(code);

    /// <summary>The carbonate with this code, or null.</summary>
    public CarbonateDefault? Carbonate(string code) => Carbonates.GetValueOrDefault(code);

    /// <summary>
    /// The materials the library computes a line of <paramref name="kind"/> with: its fuels for combustion, its carbonates
    /// for the carbonate sources; null for electricity, heat and clinker, whose factor does not hang on the material named.
    /// </summary>
    public IEnumerable<string>? MaterialsFor(SourceKind kind) => kind switch
    {
        SourceKind.FuelCombustion => Fuels.Keys,
        SourceKind.Calcination or SourceKind.CarbonateUse or SourceKind.Desulfurisation => Carbonates.Keys,
        _ => null,
    };

    /// <summary>
    /// The grid factor for the year and region. In order: the region's factor of that year; the national factor of
    /// that year; else the factor of the nearest earlier year, then of the nearest later year, the region's preferred
    /// to the national one of the same year. A factor of another year is returned as published (its
    /// <see cref="GridFactor.Year"/> tells), and <see cref="MrvCalculator"/> flags it as unconfirmed for the report's
    /// year. Null when the library has neither a factor of the region nor a national one.
    /// </summary>
    public GridFactor? GridFor(int year, string region)
    {
        GridFactor? regional = null, national = null, earlier = null, later = null;
        foreach (var g in Grid)
        {
            var isRegion = string.Equals(g.Region, region, StringComparison.OrdinalIgnoreCase);
            if (!isRegion && g.Region != GridRegions.National)
            {
                continue;
            }
            if (g.Year == year)
            {
                (regional, national) = isRegion ? (g, national) : (regional, g);
            }
            else if (g.Year < year && (earlier is null || g.Year > earlier.Year || (g.Year == earlier.Year && isRegion)))
            {
                earlier = g;
            }
            else if (g.Year > year && (later is null || g.Year < later.Year || (g.Year == later.Year && isRegion)))
            {
                later = g;
            }
        }
        return regional ?? national ?? earlier ?? later;
    }

    /// <summary>
    /// Publishes a corrected version: the given entries replace those with the same key (fuel code, year and region,
    /// carbonate code) or are added; everything else is carried over. The old version is unchanged.
    /// </summary>
    public FactorLibrary Publish(string version, string notes, IEnumerable<FuelDefault>? fuels = null,
        IEnumerable<GridFactor>? grid = null, Figure? heatFactor = null, IEnumerable<CarbonateDefault>? carbonates = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        if (version == Version)
        {
            throw new ArgumentException($"A corrected library needs a new version label, not {Version}.", nameof(version));
        }
        var newFuels = new Dictionary<string, FuelDefault>(Fuels, StringComparer.Ordinal);
        foreach (var fuel in fuels ?? [])
        {
            newFuels[fuel.Code] = fuel;
        }
        var newGrid = Grid.ToList();
        foreach (var factor in grid ?? [])
        {
            newGrid.RemoveAll(g => g.Year == factor.Year && string.Equals(g.Region, factor.Region, StringComparison.OrdinalIgnoreCase));
            newGrid.Add(factor);
        }
        var newCarbonates = new Dictionary<string, CarbonateDefault>(Carbonates, StringComparer.Ordinal);
        foreach (var carbonate in carbonates ?? [])
        {
            newCarbonates[carbonate.Code] = carbonate;
        }
        return this with
        {
            Version = version,
            Fuels = newFuels,
            Grid = newGrid,
            HeatFactor = heatFactor ?? HeatFactor,
            Carbonates = newCarbonates,
            Notes = notes,
        };
    }
}
