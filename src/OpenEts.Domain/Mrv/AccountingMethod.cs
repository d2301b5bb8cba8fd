namespace OpenEts.Domain.Mrv;

/// <summary>Which accounting guideline a report follows (核算方法), which sets its boundary.</summary>
public enum AccountingMethod
{
    /// <summary>
    /// The NDRC sector guidelines (2013–2015, reference/mrv.md §3.1): combustion, process sources, and net purchased
    /// electricity and heat all count.
    /// </summary>
    SectorGuideline = 0,

    /// <summary>
    /// The national power-facility guideline (企业温室气体排放核算与报告指南 发电设施, MEE 2022-12-19, in force 2023-01-01;
    /// reference/mrv.md §3.2): fossil-fuel combustion with exported electricity deducted. Purchased electricity is only
    /// an auxiliary reporting item since the update notice and is left out of the total.
    /// </summary>
    PowerFacility2022,
}
