namespace OpenEts.Domain.DualControl.Monitoring;

/// <summary>
/// What a meter point measures (能源品种): the primary and secondary energy a key energy user reports daily and monthly
/// (发改环资〔2017〕1711号 access systems; required indicators per the data-quality help page, reference section B), or,
/// for a polluter's online monitoring (污染源自动监控), a pollutant's emission concentration or load (the meter names the
/// pollutant). Concentrations are judged by the day's mean, loads and energy by the day's sum.
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

    /// <summary>
    /// 排放浓度: a pollutant's emission concentration (usually mg/m³ for air, mg/L for water). Readings are not added up: a
    /// day's mean is compared with the concentration limit (超标排放).
    /// </summary>
    PollutantConcentration,

    /// <summary>排放量: a pollutant's emitted load (usually kg). A day's sum is compared with the permitted daily load (超总量).</summary>
    PollutantLoad,
}
