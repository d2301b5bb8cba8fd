using System.Globalization;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Domain.Compliance;

/// <summary>
/// The rules about one unit, whatever the quantity: may an allowance or credit of this class count for this entity's
/// compliance year? Reads only the registry's <see cref="UnitAttributes"/> and the offsets module's
/// <see cref="OffsetProjectFacts"/>.
/// </summary>
/// <remarks>
/// Unknown attributes and facts. A credit whose registry attributes are not <see cref="UnitAttributes.Defined"/> (a
/// legacy class) is refused: every offset rule needs them. Project facts beyond the registry are handled per rule:
/// <list type="bullet">
/// <item>fossil-fuel energy: a known fact decides; unknown, the category decides where it can (wind, solar, hydropower,
/// forestry, methane, low-carbon behaviour are not fossil-fuel energy), and energy efficiency (which includes waste heat
/// from fossil plants) or "other" is refused as <see cref="ComplianceRule.ProjectFactUnknown"/>;</item>
/// <item>CO2 + CH4 share: a known share decides; unknown, every category but "other" is taken as reducing CO2 or CH4
/// only (displaced fossil power, sinks, avoided methane), and "other" is refused as unknown;</item>
/// <item>own boundary: only a known owner equal to the entity refuses; an unknown owner does not, because the
/// registry cannot tell and refusing would refuse every credit;</item>
/// <item>designated-area PHCER: unknown counts as not designated, so the stricter in-province share applies.</item>
/// </list>
/// </remarks>
public static class UnitEligibility
{
    /// <summary>Null when a unit of <paramref name="unit"/> may count for <paramref name="entity"/>'s <paramref name="year"/>; otherwise the first rule it breaks.</summary>
    public static ComplianceRefusal? Check(
        ComplianceRules rules, int year, CreditCode entity, UnitAttributes unit, OffsetProjectFacts? facts)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(unit);
        if (unit.Programme == UnitType.Allowance)
        {
            return unit.HostProvince != rules.AllowanceJurisdiction
                ? Refuse(ComplianceRule.AllowanceJurisdiction,
                    $"{unit.Class} allowances do not count here: only {rules.AllowanceJurisdiction} allowances do.")
                : unit.Vintage > year
                    ? Refuse(ComplianceRule.AllowanceVintage, $"{unit.Class} allowances cannot be surrendered for {year}, an earlier year.")
                    : null;
        }
        var offsets = rules.Offsets;
        if (!offsets.Programmes.Contains(unit.Programme))
        {
            return Refuse(ComplianceRule.ProgrammeNotAccepted,
                $"{UnitClass.ProgrammeText(unit.Programme)} credits are not accepted for compliance here.");
        }
        if (!unit.Defined || unit.Category is not { } category || unit.HostProvince is null || unit.PreCdm is null)
        {
            return Refuse(ComplianceRule.AttributesUnknown,
                $"{unit.Class} has no recorded project, category or host province, so the offset rules cannot be checked.");
        }
        facts ??= OffsetProjectFacts.Unknown;
        return ByCategoryAndOrigin(offsets, unit, category)
            ?? ByProjectFacts(offsets, unit, category, facts, entity);
    }

    /// <summary>
    /// True when <paramref name="unit"/> is an in-province credit for an entity whose home province (its market's
    /// province) is <paramref name="homeProvince"/>: the project's host province is that province. Null: none is.
    /// </summary>
    public static bool IsInProvince(string? homeProvince, UnitAttributes unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return homeProvince is not null && unit.HostProvince == homeProvince;
    }

    private static ComplianceRefusal? ByCategoryAndOrigin(OffsetRules offsets, UnitAttributes unit, ProjectCategory category) =>
        offsets.ExcludedCategories.Contains(category)
            ? Refuse(ComplianceRule.ExcludedCategory, $"{unit.Class} is a {category} project, which does not count for compliance.")
        : offsets.ExcludePreCdm && unit.PreCdm == true
            ? Refuse(ComplianceRule.PreCdm, $"{unit.Class} is a pre-CDM credit, which does not count for compliance.")
        : offsets.ExcludedHostProvinces.Contains(unit.HostProvince!)
            ? Refuse(ComplianceRule.ExcludedHostProvince,
                $"{unit.Class} comes from {unit.HostProvince}, another pilot region, whose credits do not count here.")
        : null;

    private static ComplianceRefusal? ByProjectFacts(
        OffsetRules offsets, UnitAttributes unit, ProjectCategory category, OffsetProjectFacts facts, CreditCode entity)
    {
        if (offsets.ExcludeFossilFuelEnergy)
        {
            if (facts.FossilFuelEnergy == true)
            {
                return Refuse(ComplianceRule.FossilFuelEnergy,
                    $"{unit.Class} is power, heat or waste energy from coal, oil or gas, which does not count.");
            }
            if (facts.FossilFuelEnergy is null && category is ProjectCategory.EnergyEfficiency or ProjectCategory.Other)
            {
                return Refuse(ComplianceRule.ProjectFactUnknown,
                    $"It is not known whether {unit.Class} ({category}) is energy from fossil fuels, which does not count.");
            }
        }
        if (offsets.MinCo2Ch4Share is { } least)
        {
            if (facts.Co2Ch4Share is { } share && share <= least)
            {
                return Refuse(ComplianceRule.Co2Ch4Share, string.Create(CultureInfo.InvariantCulture,
                    $"CO2 and CH4 are {share:P0} of {unit.Class}'s reductions; more than {least:P0} is required."));
            }
            if (facts.Co2Ch4Share is null && category == ProjectCategory.Other)
            {
                return Refuse(ComplianceRule.ProjectFactUnknown, string.Create(CultureInfo.InvariantCulture,
                    $"The CO2 + CH4 share of {unit.Class}'s reductions is not known; more than {least:P0} is required."));
            }
        }
        return offsets.ExcludeOwnBoundary && facts.Owner is { } owner && owner == entity
            ? Refuse(ComplianceRule.OwnBoundary, $"{unit.Class} was generated inside the surrendering entity's own emissions boundary.")
            : null;
    }

    private static ComplianceRefusal Refuse(ComplianceRule rule, string message) => new(rule, message);
}
