namespace OpenEts.Domain.Allocation;

/// <summary>The load-factor correction table Ff with its source; the factor is rounded to <see cref="Decimals"/> places.</summary>
public sealed record LoadFactorCorrection(IReadOnlyList<LoadFactorBand> Bands, string Source, bool Unconfirmed = false)
{
    /// <summary>Decimal places the factor is rounded to (half away from zero) before it multiplies: the plans give none, so 4 is ours.</summary>
    public int Decimals { get; init; } = 4;

    /// <summary>Ff for load factor <paramref name="f"/> (a fraction, 0–1).</summary>
    public decimal Factor(decimal f)
    {
        foreach (var band in Bands)
        {
            if (f >= band.From && f < band.To)
            {
                var raw = band.Shape switch
                {
                    LoadFactorShape.Linear => band.Intercept + (band.Slope * (band.Pivot - (100m * f))),
                    LoadFactorShape.Power => DecimalMath.Power(band.Base, band.Pivot - (band.Slope * f)),
                    _ => throw new InvalidOperationException($"unknown load-factor shape {band.Shape}"),
                };
                return decimal.Round(raw, Decimals, MidpointRounding.AwayFromZero);
            }
        }
        return 1m;
    }
}
