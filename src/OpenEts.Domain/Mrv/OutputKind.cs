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

    /// <summary>粗钢产量 (t).</summary>
    CrudeSteel,

    /// <summary>纸产量 (t).</summary>
    Paper,

    /// <summary>运输周转量 (t·km).</summary>
    TransportWork,
}
