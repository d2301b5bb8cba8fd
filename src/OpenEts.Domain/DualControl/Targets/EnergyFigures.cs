namespace OpenEts.Domain.DualControl.Targets;

/// <summary>
/// Energy use and output over one period (a month, a quarter, a year to date): the two numbers a 晴雨表 or an assessment
/// needs. <see cref="Intensity"/> is tce per 万元.
/// </summary>
public sealed record EnergyFigures(Tce Energy, EconomicOutput Output)
{
    /// <summary>Nothing used, nothing produced.</summary>
    public static EnergyFigures None { get; } = new(Tce.Zero, default);

    /// <summary>tce per 万元, full precision; null when there is no output.</summary>
    public decimal? Intensity => Output.WanYuan > 0 ? Energy.Value / Output.WanYuan : null;

    /// <summary>The sum of two periods.</summary>
    public EnergyFigures Plus(EnergyFigures other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new EnergyFigures(Energy + other.Energy, Output + other.Output);
    }

    /// <summary>
    /// The fall in intensity from <paramref name="before"/> to this, in percent (3.2 means −3.2 %); negative when it rose.
    /// Null when either period has no output or <paramref name="before"/> used no energy.
    /// </summary>
    public decimal? IntensityReductionPercentFrom(EnergyFigures before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return (Intensity, before.Intensity) is ({ } now, { } then) && then > 0 ? (1m - now / then) * 100m : null;
    }
}
