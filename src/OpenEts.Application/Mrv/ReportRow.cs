using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Mrv;

/// <summary>A report in a list, with its company and (once assigned) its verification body.</summary>
public sealed record ReportRow(MrvReport Report, Organisation Company, Organisation? Verifier);
