namespace OpenEts.Domain.Mrv;

/// <summary>A parameter of a line's formula that a company may measure instead of taking the default.</summary>
public enum ParameterKind
{
    /// <summary>低位发热量 (NCV).</summary>
    NetCalorificValue,

    /// <summary>单位热值含碳量.</summary>
    CarbonContent,

    /// <summary>碳氧化率.</summary>
    OxidationRate,

    /// <summary>An emission factor per tonne of material (process sources).</summary>
    EmissionFactor,

    /// <summary>A mass fraction (e.g. CaO or MgO content of clinker, carbonate purity).</summary>
    MassFraction,
}
