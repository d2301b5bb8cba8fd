namespace OpenEts.Application.Mrv.Files;

/// <summary>A row of a report sheet that describes the report rather than a source or output.</summary>
internal enum ReportMetaKind
{
    Sector,
    Year,
    Region,
    Method,
}
