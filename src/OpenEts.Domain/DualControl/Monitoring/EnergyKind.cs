namespace OpenEts.Domain.DualControl.Monitoring;

/// <summary>
/// What a meter point measures (能源品种): the primary and secondary energy a key energy user reports daily and monthly
/// (发改环资〔2017〕1711号 access systems; required indicators per the data-quality help page, reference section B).
/// </summary>
public enum EnergyKind
{
    /// <summary>电力, usually kWh.</summary>
    Electricity = 0,

    /// <summary>天然气, usually m³.</summary>
    NaturalGas,

    /// <summary>原煤 / 煤炭, usually t.</summary>
    Coal,

    /// <summary>蒸汽, usually t or GJ.</summary>
    Steam,

    /// <summary>热力, usually GJ.</summary>
    Heat,

    /// <summary>油品, usually t.</summary>
    Oil,
}
