using OpenEts.Domain.Offsets;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Offsets;

/// <summary>
/// What compliance rules may know of a project (read through <see cref="OffsetsQueries.ProjectFactsAsync"/>): whose it is
/// (Guangdong: no credits from inside the entity's own boundary), where it is, its category and flags (CO2 + CH4 share
/// above 50 %, pre-CDM, PHCER from a designated area). Public.
/// </summary>
/// <param name="Programme">CCER, FFCER or PHCER.</param>
/// <param name="Code">The programme's project code.</param>
/// <param name="Owner">The owner organisation's unified social credit code (统一社会信用代码).</param>
/// <param name="OwnerName">The owner organisation's name.</param>
/// <param name="Category">Project category.</param>
/// <param name="Methodology">Methodology code and version.</param>
/// <param name="Province">Host province code (the host jurisdiction).</param>
/// <param name="City">Host city.</param>
/// <param name="County">Host county or district (may be empty).</param>
/// <param name="GasSharePercent">CO2 + CH4 share of its reductions, percent.</param>
/// <param name="PreCdm">Pre-CDM project.</param>
/// <param name="DesignatedArea">PHCER from a designated poor village, old revolutionary base or ethnic area.</param>
/// <param name="Status">Where the project stands.</param>
public sealed record ProjectFacts(
    UnitType Programme, string Code, CreditCode Owner, string OwnerName, ProjectCategory Category, string Methodology, string Province,
    string City, string County, decimal GasSharePercent, bool PreCdm, bool DesignatedArea, ProjectStatus Status);
