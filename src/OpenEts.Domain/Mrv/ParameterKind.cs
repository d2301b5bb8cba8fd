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

    /// <summary>An emission factor: per tonne of material (process sources), per MWh (grid) or per GJ (heat).</summary>
    EmissionFactor,

    /// <summary>A mass fraction: the carbonate purity of a calcined or used carbonate (纯度/含量).</summary>
    MassFraction,

    /// <summary>熟料中氧化钙含量: the CaO mass fraction of clinker (CaO/MgO route).</summary>
    CaOContent,

    /// <summary>熟料中氧化镁含量: the MgO mass fraction of clinker (CaO/MgO route).</summary>
    MgOContent,
}
