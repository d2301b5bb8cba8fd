namespace OpenEts.Domain.Allocation;

/// <summary>
/// The codes of a calculation term's source (<see cref="CalculationTerm.Code"/>), each with the figures it takes in order.
/// A page names each in its reader's language; the calculator writes the same in English as the term's source.
/// </summary>
public static class CalculationSources
{
    /// <summary>A plan figure: its source reference as the plan writes it.</summary>
    public const string Plan = "plan";

    /// <summary>Approved output of an MRV output (its code) (MRV).</summary>
    public const string ApprovedOutput = "approved-output";

    /// <summary>Approved heat supplied (MRV).</summary>
    public const string ApprovedHeat = "approved-heat";

    /// <summary>Approved emissions of the years (MRV).</summary>
    public const string ApprovedEmissions = "approved-emissions";

    /// <summary>Approved output of the years (MRV).</summary>
    public const string HistoricalOutput = "historical-output";

    /// <summary>The mean approved emissions of the years (MRV).</summary>
    public const string MeanEmissions = "mean-emissions";

    /// <summary>The entity's approved process allowance.</summary>
    public const string ProcessAllowance = "process-allowance";

    /// <summary>The plan's methods on the year's approved output.</summary>
    public const string MethodsOnOutput = "methods-on-output";

    /// <summary>Verified emissions (MRV).</summary>
    public const string VerifiedEmissions = "verified-emissions";

    /// <summary>The gas unit's allocation.</summary>
    public const string GasUnitAllocation = "gas-unit-allocation";

    /// <summary>The allocation before the shortfall cap.</summary>
    public const string BeforeCap = "before-cap";

    /// <summary>The allocation before the added capacity.</summary>
    public const string BeforeAddedCapacity = "before-added-capacity";

    /// <summary>The allocation before the abnormal months.</summary>
    public const string BeforeAbnormalMonths = "before-abnormal-months";

    /// <summary>The new entrant's expected annual energy use, as approved.</summary>
    public const string NewEntrantEnergy = "new-entrant-energy";

    /// <summary>The added capacity's expected annual energy use, as the regulator recorded it.</summary>
    public const string AddedCapacityEnergy = "added-capacity-energy";

    /// <summary>The exact allocation rounded to the nearest whole allowance (its exact value).</summary>
    public const string RoundedNearest = "rounded-nearest";

    /// <summary>The exact allocation rounded down (its exact value).</summary>
    public const string RoundedDown = "rounded-down";

    /// <summary>The plan has no load-factor table.</summary>
    public const string NoLoadFactorTable = "no-load-factor-table";

    /// <summary>No approved load factor (MRV).</summary>
    public const string NoLoadFactor = "no-load-factor";

    /// <summary>The load factor (MRV) through the plan's table (load factor, the table's source).</summary>
    public const string LoadFactor = "load-factor";

    /// <summary>The heat-supply factor 1 − k × heat ratio (k, the heat ratio (MRV), the factor's source).</summary>
    public const string HeatSupply = "heat-supply";

    /// <summary>An air-cooled unit's factor (the factor's source).</summary>
    public const string AirCooled = "air-cooled";

    /// <summary>A water-cooled unit, factor 1 (the factor's source).</summary>
    public const string WaterCooled = "water-cooled";
}
