namespace OpenEts.Domain.Mrv;

/// <summary>
/// The national power-facility guideline (企业温室气体排放核算与报告指南 发电设施, MEE General Office 2022-12-19, in force
/// 2023-01-01) and its update notice (reference/mrv.md §3.2): the boundary <see cref="AccountingMethod.PowerFacility2022"/>
/// computes, and the items of the data-quality-control plan a facility keeps.
/// </summary>
public static class PowerFacilityGuideline
{
    /// <summary>When the guideline came into force.</summary>
    public static DateOnly InForce { get; } = new(2023, 1, 1);

    /// <summary>
    /// The items of the data-quality-control plan. The oxidation-rate rule and the plan's timing are from the update
    /// notice (confirmed); the other items follow the guideline's structure, whose full text was not retrieved
    /// ([UNCONFIRMED]).
    /// </summary>
    public static IReadOnlyList<QualityPlanItem> QualityPlanItems { get; } =
    [
        new("fuel-consumption", "燃料消耗量", "Fuel consumption",
            "measuring instrument, its accuracy class, calibration and reading frequency per fuel [UNCONFIRMED]", false),
        new("ncv", "低位发热量", "Net calorific value",
            "sampling and testing standard and frequency per fuel (e.g. per batch or daily composite) [UNCONFIRMED]", false),
        new("carbon-content", "单位热值含碳量/元素碳含量", "Carbon content",
            "sampling and testing standard and frequency, or the default when not measured [UNCONFIRMED]", false),
        new("oxidation-rate", "碳氧化率", "Oxidation rate",
            "the National GHG Emission Factor Database value in force on 31 October, used for the next year's plan (before the update notice: coal fixed at 99 %)",
            true),
        new("exported-electricity", "输出电量", "Exported electricity",
            "the meter and its reading; deducted from the facility's emissions", true),
        new("purchased-electricity", "购入电量", "Purchased electricity",
            "an auxiliary reporting item only since the update notice; not in the total", true),
        new("generation-supply", "发电量与供电量", "Electricity generated and supplied",
            "meters and reading frequency, for allocation [UNCONFIRMED]", false),
        new("heat-supplied", "供热量", "Heat supplied", "meters and reading frequency, for allocation [UNCONFIRMED]", false),
        new("load-factor", "负荷(出力)系数", "Load factor", "how it is computed from generation and rated capacity [UNCONFIRMED]", false),
        new("abatement-disclosure", "减排措施", "Abatement measures", "a voluntary disclosure item added by the update notice", true),
    ];

    /// <summary>
    /// The day the plan for <paramref name="dataYear"/> is prepared from: 1 November of the year before, with the
    /// oxidation rates in force on 31 October (reference/mrv.md §3.2, update notice).
    /// </summary>
    public static DateOnly PlanPreparedFrom(int dataYear) => new(dataYear - 1, 11, 1);

    /// <summary>The day whose database oxidation rates the plan for <paramref name="dataYear"/> uses: 31 October of the year before.</summary>
    public static DateOnly OxidationRatesAsOf(int dataYear) => new(dataYear - 1, 10, 31);
}
