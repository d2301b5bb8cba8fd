namespace OpenEts.Domain.Mrv;

/// <summary>A production output a sector template asks for; allocation reads these.</summary>
public enum OutputKind
{
    /// <summary>发电量 (MWh).</summary>
    ElectricityGenerated,

    /// <summary>供电量 (MWh).</summary>
    ElectricitySupplied,

    /// <summary>供热量 (GJ).</summary>
    HeatSupplied,

    /// <summary>熟料产量 (t).</summary>
    Clinker,

    /// <summary>水泥产量 (t).</summary>
    Cement,

    /// <summary>粗钢产量 (t); <see cref="ProductionOutput.Detail"/> names the process (e.g. "BF-BOF", "EAF").</summary>
    CrudeSteel,

    /// <summary>纸产量 (t); <see cref="ProductionOutput.Detail"/> names the grade.</summary>
    Paper,

    /// <summary>运输周转量 (t·km).</summary>
    TransportWork,

    /// <summary>
    /// 机组类别 of a power unit: <see cref="ProductionOutput.Detail"/> is the category (I, II, III, IV as in
    /// reference/national-ets.md §2.2), the amount its rated capacity (MW).
    /// </summary>
    UnitCategory,

    /// <summary>冷却方式 of a power unit: Detail is "water" or "air", the amount the capacity so cooled (MW).</summary>
    CoolingMethod,

    /// <summary>负荷(出力)系数 of a power unit: a fraction from 0 to 1.</summary>
    LoadFactor,

    /// <summary>原油加工量 (t): a petrochemical output.</summary>
    CrudeOilProcessed,
}
