using OpenEts.Domain.Mrv;

namespace OpenEts.Application.Mrv;

/// <summary>
/// A company's monitoring plan (监测计划) for one year: the emission sources it will report, and for each how it is
/// determined, by which meter and how often. A report line whose source is not in the plan raises a warning.
/// </summary>
public sealed record MonitoringPlan(long OrganisationId, int Year, IReadOnlyList<PlanSource> Sources, DateTimeOffset UpdatedAt)
{
    /// <summary>True when the plan lists the source of <paramref name="line"/> (kind and material, case-insensitive).</summary>
    public bool Covers(ReportLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return Sources.Any(s => s.Kind == line.Kind && string.Equals(s.Material, line.Material, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>One source of a monitoring plan: its kind and material, the method (default factors or measured), the meter and the measurement frequency.</summary>
public sealed record PlanSource(SourceKind Kind, string Material, string Method, string Meter, string Frequency);
