namespace OpenEts.Domain.Allocation;

/// <summary>
/// One row of a load-factor correction table for load factors F with <see cref="From"/> ≤ F &lt; <see cref="To"/>:
/// <see cref="LoadFactorShape.Linear"/> gives Intercept + Slope × (Pivot − 100 F); <see cref="LoadFactorShape.Power"/>
/// gives Base^(Pivot − Slope × F) (national 2023–2024: F &lt; 65 % → 1.015^(16 − 20F)). F outside every band gives 1.
/// </summary>
public sealed record LoadFactorBand(decimal From, decimal To, LoadFactorShape Shape, decimal Pivot, decimal Slope)
{
    /// <summary>Intercept of a linear band.</summary>
    public decimal Intercept { get; init; } = 1m;

    /// <summary>Base of a power band.</summary>
    public decimal Base { get; init; } = 1m;
}
