namespace OpenEts.Domain.Mrv;

/// <summary>The kind of emission source a report line declares (排放源类别), which picks its formula.</summary>
public enum SourceKind
{
    /// <summary>化石燃料燃烧: consumption × NCV × carbon content × oxidation × 44/12.</summary>
    FuelCombustion,

    /// <summary>净购入电力: MWh × the grid factor of the year and region.</summary>
    PurchasedElectricity,

    /// <summary>输出电力: MWh × grid factor, deducted.</summary>
    ExportedElectricity,

    /// <summary>净购入热力: GJ × the default heat factor.</summary>
    PurchasedHeat,

    /// <summary>输出热力: GJ × the default heat factor, deducted.</summary>
    ExportedHeat,

    /// <summary>熟料煅烧, CaO/MgO route: t clinker × (CaO × 44/56 + MgO × 44/40).</summary>
    ClinkerOxides,

    /// <summary>熟料煅烧, clinker-factor route: t clinker × the measured clinker emission factor.</summary>
    ClinkerFactor,

    /// <summary>石灰/白云石煅烧: t carbonate × purity × EF.</summary>
    Calcination,

    /// <summary>碳酸盐使用: t carbonate × purity × EF.</summary>
    CarbonateUse,

    /// <summary>脱硫过程: t sorbent carbonate × purity × EF.</summary>
    Desulfurisation,
}
