namespace OpenEts.Domain.Registry;

/// <summary>The kinds of unit the registry holds. Every unit is one tonne CO2e.</summary>
public enum UnitType
{
    /// <summary>An emission allowance (碳排放配额) of one jurisdiction and vintage, e.g. GDEA 2017 or CEA 2021.</summary>
    Allowance = 0,

    /// <summary>China Certified Emission Reduction (国家核证自愿减排量).</summary>
    Ccer = 1,

    /// <summary>Guangdong 碳普惠 certified emission reduction (碳普惠核证减排量), see offsets-and-inclusion.md §4.1.</summary>
    Phcer = 2,

    /// <summary>Fujian forestry certified emission reduction (福建林业碳汇), see offsets-and-inclusion.md §4.2.</summary>
    Ffcer = 3,
}
