namespace OpenEts.Domain.Allocation;

/// <summary>The formula of a <see cref="LoadFactorBand"/>.</summary>
public enum LoadFactorShape
{
    /// <summary>Intercept + Slope × (Pivot − 100 F).</summary>
    Linear,

    /// <summary>Base^(Pivot − Slope × F).</summary>
    Power,
}
