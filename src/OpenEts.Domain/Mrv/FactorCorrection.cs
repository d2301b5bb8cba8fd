namespace OpenEts.Domain.Mrv;

/// <summary>What a factor correction changes.</summary>
public enum FactorCorrectionKind
{
    /// <summary>The grid emission factor of a year and region, tCO2/MWh.</summary>
    GridFactor,

    /// <summary>A fuel's net calorific value, GJ/t or GJ/10⁴Nm³.</summary>
    FuelNcv,

    /// <summary>A fuel's carbon content per unit heat, tC/GJ.</summary>
    FuelCarbonContent,

    /// <summary>A fuel's oxidation rate, a fraction in (0, 1].</summary>
    FuelOxidation,

    /// <summary>The default heat emission factor, tCO2/GJ.</summary>
    HeatFactor,
}

/// <summary>
/// One corrected default factor, as the regulator publishes it from an official notice: what it replaces, the new value
/// and the notice it comes from. A published value is confirmed: the regulator names its source.
/// </summary>
/// <param name="Kind">What is corrected.</param>
/// <param name="Target">The fuel code for fuel parameters, the region for a grid factor, empty for the heat factor.</param>
/// <param name="Year">The grid factor's year; for other kinds, the year of the notice.</param>
/// <param name="Value">The corrected value in the factor's unit.</param>
/// <param name="Source">The notice or document the value comes from (e.g. 环办气候函〔2023〕43号).</param>
public sealed record FactorCorrection(FactorCorrectionKind Kind, string Target, int Year, decimal Value, string Source)
{
    /// <summary>
    /// Why this correction cannot apply to <paramref name="library"/> (an unknown fuel, a value out of range), or null.
    /// The text names the field: <c>target</c>, <c>value</c>, <c>source</c>.
    /// </summary>
    public (string Field, string Rule, string Message)? Problem(FactorLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        if (string.IsNullOrWhiteSpace(Source))
        {
            return ("source", "Required", "source: name the notice or document the corrected value comes from");
        }
        var fuel = Kind is FactorCorrectionKind.FuelNcv or FactorCorrectionKind.FuelCarbonContent or FactorCorrectionKind.FuelOxidation;
        if (fuel && library.Fuel(Target) is null)
        {
            return ("target", "UnknownFuel", $"target: the factor library has no fuel '{Target}'");
        }
        if (Kind == FactorCorrectionKind.GridFactor && string.IsNullOrWhiteSpace(Target))
        {
            return ("target", "Required", "target: name the grid region (national, guangdong, south, …)");
        }
        if (Kind == FactorCorrectionKind.GridFactor && !GridRegions.IsKnown(Target))
        {
            return ("target", "UnknownGridRegion", GridRegions.Unknown("target", Target));
        }
        if (Value <= 0m)
        {
            return ("value", "Range", "value: a factor must be greater than zero");
        }
        if (Kind == FactorCorrectionKind.FuelOxidation && Value > 1m)
        {
            return ("value", "Range", "value: an oxidation rate is a fraction, at most 1");
        }
        return null;
    }

    /// <summary>The corrected library: <paramref name="library"/> with this value replaced, published as <paramref name="version"/>.</summary>
    public FactorLibrary ApplyTo(FactorLibrary library, string version, string notes)
    {
        ArgumentNullException.ThrowIfNull(library);
        if (Problem(library) is { } problem)
        {
            throw new ArgumentException(problem.Message, nameof(library));
        }
        var source = new Provenance.Default(Source, "correction " + version, Target.Length > 0 ? Target : Kind.ToString(), Year, Confirmed: true);
        switch (Kind)
        {
            case FactorCorrectionKind.GridFactor:
                return library.Publish(version, notes, grid: [new GridFactor(Year, Target.Trim().ToLowerInvariant(),
                    new Figure("grid emission factor", Value, MeasureUnit.TonneCo2PerMegawattHour, source))]);
            case FactorCorrectionKind.HeatFactor:
                return library.Publish(version, notes, heatFactor: new Figure("heat emission factor", Value, MeasureUnit.TonneCo2PerGigajoule, source));
            default:
                var fuel = library.Fuel(Target)!;
                var corrected = Kind switch
                {
                    FactorCorrectionKind.FuelNcv => fuel with { Ncv = fuel.Ncv with { Value = Value, Source = source } },
                    FactorCorrectionKind.FuelCarbonContent => fuel with { CarbonContent = fuel.CarbonContent with { Value = Value, Source = source } },
                    _ => fuel with { Oxidation = fuel.Oxidation with { Value = Value, Source = source } },
                };
                return library.Publish(version, notes, fuels: [corrected]);
        }
    }
}
