using OpenEts.Domain.Registry;

namespace OpenEts.Domain.Offsets;

/// <summary>
/// What an owner files about an offset project: what it is, where, for how long and how much, and the flags that
/// compliance rules read. Checked against its programme by <see cref="CheckAgainst"/>.
/// </summary>
/// <param name="Title">Project title.</param>
/// <param name="Methodology">Methodology code and version as filed (<c>AR-CM-003-V01</c>).</param>
/// <param name="SectoralScope">Sectoral scope as the programme writes it (e.g. <c>14 造林和再造林</c>).</param>
/// <param name="Category">Project category (forestry, hydropower, wind, …).</param>
/// <param name="Province">Host province code (<see cref="Registry.Province"/>): also the host jurisdiction.</param>
/// <param name="City">City (地级市).</param>
/// <param name="County">County or district (县/区).</param>
/// <param name="Location">A representative point, or null.</param>
/// <param name="Boundary">The project boundary (forestry: required), or empty.</param>
/// <param name="CreditingStart">First day of the crediting period.</param>
/// <param name="CreditingEnd">Last day of the crediting period (inclusive).</param>
/// <param name="ExpectedPerYear">Expected reductions, whole tCO2e per year.</param>
/// <param name="PreCdm">True for a pre-CDM project (reductions before its UNFCCC registration).</param>
/// <param name="GasSharePercent">CO2 + CH4 share of the project's reductions, percent (0–100); Guangdong's rule reads it.</param>
/// <param name="DesignatedArea">PHCER from a designated poor village, old revolutionary base or ethnic area (Guangdong's 60 % rule).</param>
public sealed record ProjectDetails(
    string Title, string Methodology, string SectoralScope, ProjectCategory Category, string Province, string City, string County,
    GeoPoint? Location, IReadOnlyList<GeoPoint> Boundary, DateOnly CreditingStart, DateOnly CreditingEnd, long ExpectedPerYear,
    bool PreCdm, decimal GasSharePercent, bool DesignatedArea)
{
    /// <summary>The programme's rules on these details: (field, rule code, message) for each broken one, or empty.</summary>
    public IReadOnlyList<(string Field, string Rule, string Message)> CheckAgainst(Programme programme)
    {
        ArgumentNullException.ThrowIfNull(programme);
        var errors = new List<(string, string, string)>();
        var methodology = programme.FindMethodology(Methodology);
        if (methodology is null)
        {
            errors.Add(("methodology", "MethodologyNotAccepted",
                $"{programme.Code} accepts: {string.Join(", ", programme.Methodologies.Select(m => m.Id))}"));
        }
        else if (!methodology.Categories.Contains(Category))
        {
            errors.Add(("category", "CategoryNotInMethodology",
                $"{methodology.Id} serves {string.Join(", ", methodology.Categories.Select(c => c.ToString().ToLowerInvariant()))}"));
        }
        if (programme.HostProvince is { } host && Province != host)
        {
            errors.Add(("province", "HostOutsideProgramme", $"{programme.Code} projects are in {host} ({Registry.Province.NameOf(host)})"));
        }
        if (Category == ProjectCategory.Forestry && Boundary.Count < 3)
        {
            errors.Add(("boundary", "BoundaryRequired", "a forestry project files its boundary (at least 3 points)"));
        }
        if (DesignatedArea && programme.Type != UnitType.Phcer)
        {
            errors.Add(("designatedArea", "DesignatedAreaIsPhcer", "only PHCER projects are flagged as from a designated area"));
        }
        if (PreCdm && programme.Type != UnitType.Ccer)
        {
            errors.Add(("preCdm", "PreCdmIsCcer", "only CCER projects can be pre-CDM"));
        }
        return errors;
    }

    /// <summary>The vintages the crediting period covers (first to last calendar year).</summary>
    public bool CoversYear(int year) => year >= CreditingStart.Year && year <= CreditingEnd.Year;
}
