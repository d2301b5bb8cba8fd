using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Mrv;

/// <summary>
/// One report as its pages show it: the stored report, its company and verifier, the monitoring plan and deadlines of
/// its year, and its calculation as reported and (once verified) as adjusted, each with every figure's derivation.
/// </summary>
public sealed record ReportDetail(MrvReport Report, Organisation Company, Organisation? Verifier, MonitoringPlan? Plan,
    ReportingDeadline? Deadline, ReportCalculation Reported, ReportCalculation? Verified);
