namespace OpenEts.Domain.Compliance;

/// <summary>
/// Why a unit is refused for compliance (or does not count): one code per rule, language-neutral. Pages and the API
/// show the rule's text (<c>rule.Compliance*</c> resources).
/// </summary>
public enum ComplianceRule
{
    /// <summary>No approved compliance rules for the jurisdiction and year.</summary>
    NoRules = 1,

    /// <summary>The entity has no approved emissions for the year, so nothing can be surrendered against them yet.</summary>
    NoApprovedEmissions,

    /// <summary>The surrender would take the entity past what it owes for the year.</summary>
    ExceedsObligation,

    /// <summary>An allowance of another jurisdiction.</summary>
    AllowanceJurisdiction,

    /// <summary>An allowance of a vintage later than the compliance year.</summary>
    AllowanceVintage,

    /// <summary>A credit of a programme the plan does not accept (e.g. FFCER in Guangdong).</summary>
    ProgrammeNotAccepted,

    /// <summary>A credit whose attributes the registry does not know (a legacy class): no rule can be checked.</summary>
    AttributesUnknown,

    /// <summary>A project category the plan excludes (e.g. hydropower).</summary>
    ExcludedCategory,

    /// <summary>A pre-CDM credit.</summary>
    PreCdm,

    /// <summary>A CCER from an excluded host province (another pilot region).</summary>
    ExcludedHostProvince,

    /// <summary>Power, heat or waste energy from fossil fuels.</summary>
    FossilFuelEnergy,

    /// <summary>CO2 and CH4 make up too little of the project's reductions.</summary>
    Co2Ch4Share,

    /// <summary>A project fact a rule needs is not known for this category.</summary>
    ProjectFactUnknown,

    /// <summary>A credit generated inside the entity's own emissions boundary.</summary>
    OwnBoundary,

    /// <summary>The entity's offsets would exceed the plan's share of its emissions.</summary>
    OffsetCap,

    /// <summary>The entity's in-province share of offsets would fall below the plan's least share.</summary>
    InProvinceShare,

    /// <summary>All entities' offsets would exceed the province's total for the year.</summary>
    ProvinceCap,

    /// <summary>Out-of-province credits would take cap reserved for in-province credits (in-province first).</summary>
    InProvinceFirst,
}
