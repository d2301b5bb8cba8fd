using OpenEts.Application.Registry;
using OpenEts.Domain.Offsets;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Offsets;

/// <summary>One project with everything its page shows: the owner, its programme, status history, documents, monitoring reports and the registry's issuances of its classes.</summary>
public sealed record ProjectDetail(
    OffsetProject Project, Organisation Owner, Programme Programme, Methodology? Methodology, IReadOnlyList<OffsetStep> History,
    IReadOnlyList<OffsetDocument> Documents, IReadOnlyList<MonitoringReport> Reports, IReadOnlyList<PublicIssuance> Issuances);
