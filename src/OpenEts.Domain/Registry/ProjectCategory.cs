namespace OpenEts.Domain.Registry;

/// <summary>
/// What kind of project an offset class comes from (项目类别). Compliance rules read it: Guangdong's 2019 rules, for
/// example, refuse hydropower CCER (guangdong.md §1.5).
/// </summary>
public enum ProjectCategory
{
    /// <summary>Forestry carbon sinks: afforestation, reforestation, forest management (林业碳汇).</summary>
    Forestry = 1,

    /// <summary>Hydropower (水电).</summary>
    Hydropower,

    /// <summary>Wind power (风电).</summary>
    Wind,

    /// <summary>Solar photovoltaic power (光伏).</summary>
    Solar,

    /// <summary>Methane recovery and use: landfill gas, coal-mine methane, manure (甲烷回收利用).</summary>
    Methane,

    /// <summary>Energy efficiency (节能与提高能效).</summary>
    EnergyEfficiency,

    /// <summary>Low-carbon behaviour of the public under 碳普惠 (e.g. public transport), PHCER only.</summary>
    LowCarbonBehaviour,

    /// <summary>Any other category.</summary>
    Other,
}
