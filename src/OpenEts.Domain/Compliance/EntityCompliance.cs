using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;

namespace OpenEts.Domain.Compliance;

/// <summary>One entity's compliance for one year (履约情况), as <see cref="ComplianceYear.StatusOf"/> computes it.</summary>
/// <param name="Entity">The covered entity.</param>
/// <param name="Year">The compliance (emissions) year.</param>
/// <param name="Approved">Approved verified emissions, tCO2 (exact to 1 kg).</param>
/// <param name="Required">Units owed: the approved emissions rounded up to whole tonnes (<see cref="ComplianceYear.RequiredUnits"/>).</param>
/// <param name="Allowances">Eligible allowances surrendered, tonnes.</param>
/// <param name="Offsets">Eligible offset credits surrendered, tonnes.</param>
/// <param name="InProvinceOffsets">Of <paramref name="Offsets"/>, the in-province credits.</param>
/// <param name="Ineligible">Units surrendered for the year that do not count (surrendered outside the compliance check).</param>
/// <param name="OffsetCap">The most offsets that count for this entity, tonnes.</param>
/// <param name="Status">Compliant, short or late.</param>
/// <param name="MetAt">When the surrender that met the obligation was made; null while short.</param>
/// <param name="PastDeadline">True when the deadline has passed at the time asked.</param>
/// <param name="Penalty">The penalty for the shortfall at the deadline, once the deadline has passed and there was one; else null.</param>
public sealed record EntityCompliance(
    CreditCode Entity, int Year, Tonnes Approved, long Required, long Allowances, long Offsets, long InProvinceOffsets,
    long Ineligible, long OffsetCap, ComplianceStatus Status, DateTimeOffset? MetAt, bool PastDeadline, Penalty? Penalty)
{
    /// <summary>Eligible units surrendered: allowances plus offsets.</summary>
    public long Surrendered => Allowances + Offsets;

    /// <summary>Units still owed (the shortfall); zero once met.</summary>
    public long Remaining => Math.Max(0, Required - Surrendered);
}
