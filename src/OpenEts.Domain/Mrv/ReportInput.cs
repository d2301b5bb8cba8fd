using OpenEts.Domain.Organisations;

namespace OpenEts.Domain.Mrv;

/// <summary>
/// What a company reports for one year: its sector, the grid region its electricity comes from, its emission sources
/// and its production outputs. <see cref="MrvCalculator"/> turns it into emissions.
/// </summary>
/// <param name="Sector">The company's sector, which picks the template and plausibility ranges.</param>
/// <param name="Year">The reporting year (the year the emissions happened).</param>
/// <param name="Region">The grid region or province code for electricity factors (e.g. "guangdong").</param>
/// <param name="Lines">The emission sources.</param>
/// <param name="Outputs">The production outputs.</param>
/// <param name="Method">The accounting guideline; the sector guidelines unless the report says otherwise.</param>
public sealed record ReportInput(
    Sector Sector, int Year, string Region, IReadOnlyList<ReportLine> Lines, IReadOnlyList<ProductionOutput> Outputs,
    AccountingMethod Method = AccountingMethod.SectorGuideline);
