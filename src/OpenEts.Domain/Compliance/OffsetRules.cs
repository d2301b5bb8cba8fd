using OpenEts.Domain.Registry;

namespace OpenEts.Domain.Compliance;

/// <summary>
/// Which offset credits (CCER, PHCER, …) may be surrendered for compliance, and how many. Every share is a fraction
/// (0.10 = 10 %), compared exactly in <see cref="decimal"/>; amounts are whole tonnes (1 credit = 1 t, guangdong.md §1.5).
/// A null share or cap, an empty list or a false flag means the rule does not apply.
/// </summary>
/// <param name="Programmes">The programmes that count (Guangdong: CCER and PHCER; national: CCER). Empty: no offsets.</param>
/// <param name="MaxShareOfEmissions">
/// The most an entity may offset, as a share of its approved emissions for the year (Guangdong 0.10, national 0.05);
/// the cap in tonnes is rounded down.
/// </param>
/// <param name="HomeProvince">The province whose credits are in-province (<c>GD</c>); null for no in-province rules.</param>
/// <param name="MinInProvinceShare">The least share of an entity's surrendered offsets that is in-province (Guangdong 0.70).</param>
/// <param name="MinInProvinceShareWithDesignatedAreaPhcer">
/// The lower least share when the entity's in-province credits include PHCER from designated areas (poor villages,
/// old revolutionary base areas, ethnic areas; Guangdong 0.60).
/// </param>
/// <param name="ExcludedCategories">Project categories that never count (Guangdong: hydropower).</param>
/// <param name="ExcludeFossilFuelEnergy">
/// No power, heat or waste energy (余热/余压/余气) from coal, oil or gas; coal-bed methane excepted.
/// </param>
/// <param name="ExcludePreCdm">No credits from reductions before the project's CDM registration (pre-CDM).</param>
/// <param name="ExcludedHostProvinces">Host provinces whose CCER never count (Guangdong: the other pilot regions).</param>
/// <param name="ExcludeOwnBoundary">No credits generated inside the surrendering entity's own emissions boundary.</param>
/// <param name="MinCo2Ch4Share">CO2 and CH4 must make up MORE than this share of the project's reductions (Guangdong 0.50).</param>
/// <param name="ProvinceTotalCap">The most all entities together may offset for the year, in tonnes (Guangdong 2017: 1 500 000).</param>
/// <param name="InProvinceFirst">
/// In-province credits are taken first under <paramref name="ProvinceTotalCap"/>: out-of-province credits may fill at most
/// the cap's share not reserved for in-province credits (1 − <paramref name="MinInProvinceShare"/>).
/// </param>
public sealed record OffsetRules(
    IReadOnlyList<UnitType> Programmes,
    decimal MaxShareOfEmissions,
    string? HomeProvince,
    decimal? MinInProvinceShare,
    decimal? MinInProvinceShareWithDesignatedAreaPhcer,
    IReadOnlyList<ProjectCategory> ExcludedCategories,
    bool ExcludeFossilFuelEnergy,
    bool ExcludePreCdm,
    IReadOnlyList<string> ExcludedHostProvinces,
    bool ExcludeOwnBoundary,
    decimal? MinCo2Ch4Share,
    long? ProvinceTotalCap,
    bool InProvinceFirst)
{
    /// <summary>No offsets at all.</summary>
    public static OffsetRules None { get; } =
        new([], 0m, null, null, null, [], false, false, [], false, null, null, false);

    internal void AddProblems(List<string> problems)
    {
        if (Programmes is null || ExcludedCategories is null || ExcludedHostProvinces is null)
        {
            problems.Add("offsets: programmes, excludedCategories and excludedHostProvinces are lists (empty for none)");
            return;
        }
        if (Programmes.Any(p => p == UnitType.Allowance))
        {
            problems.Add("offsets.programmes: offset programmes only (ccer, phcer, ffcer)");
        }
        Share(problems, "offsets.maxShareOfEmissions", MaxShareOfEmissions);
        Share(problems, "offsets.minInProvinceShare", MinInProvinceShare);
        Share(problems, "offsets.minInProvinceShareWithDesignatedAreaPhcer", MinInProvinceShareWithDesignatedAreaPhcer);
        Share(problems, "offsets.minCo2Ch4Share", MinCo2Ch4Share);
        if ((MinInProvinceShare is not null || InProvinceFirst) && !Province.IsCode(HomeProvince))
        {
            problems.Add("offsets.homeProvince: a province code (e.g. GD) is needed for in-province rules");
        }
        if (ExcludedHostProvinces.Any(p => !Province.IsCode(p)))
        {
            problems.Add("offsets.excludedHostProvinces: province codes (e.g. BJ, SH)");
        }
        if (ProvinceTotalCap is < 0)
        {
            problems.Add("offsets.provinceTotalCap: tonnes ≥ 0");
        }
    }

    private static void Share(List<string> problems, string field, decimal? share)
    {
        if (share is < 0m or > 1m)
        {
            problems.Add($"{field}: a share from 0 to 1 (0.10 = 10 %)");
        }
    }
}
