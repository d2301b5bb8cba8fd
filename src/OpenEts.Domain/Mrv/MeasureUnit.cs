namespace OpenEts.Domain.Mrv;

/// <summary>
/// The unit a figure is measured in (计量单位). Every MRV figure carries one; conversions are explicit and exact.
/// </summary>
public enum MeasureUnit
{
    /// <summary>t: a mass of fuel, material or product.</summary>
    Tonne,

    /// <summary>10⁴ Nm³ (万标准立方米): a volume of gas at standard conditions.</summary>
    TenThousandNm3,

    /// <summary>MWh: electricity.</summary>
    MegawattHour,

    /// <summary>GJ: heat, and fuel activity data (consumption × NCV).</summary>
    Gigajoule,

    /// <summary>tCO2: emissions.</summary>
    TonneCo2,

    /// <summary>t·km: aviation output (吨公里).</summary>
    TonneKilometre,

    /// <summary>GJ/t: net calorific value of a solid or liquid fuel (kJ/kg in the source tables).</summary>
    GigajoulePerTonne,

    /// <summary>GJ/10⁴Nm³: net calorific value of a gas.</summary>
    GigajoulePerTenThousandNm3,

    /// <summary>tC/GJ: carbon content per unit heat (the tables give tC/TJ; divide by 1 000).</summary>
    TonneCarbonPerGigajoule,

    /// <summary>tCO2/GJ: an emission factor per unit of activity data or heat.</summary>
    TonneCo2PerGigajoule,

    /// <summary>tCO2/MWh: a grid emission factor.</summary>
    TonneCo2PerMegawattHour,

    /// <summary>tCO2/t: an emission factor per tonne of material (carbonates, clinker).</summary>
    TonneCo2PerTonne,

    /// <summary>A ratio such as an oxidation rate or a mass fraction, from 0 to 1.</summary>
    Fraction,

    /// <summary>MW: the rated capacity of a power unit.</summary>
    Megawatt,
}
