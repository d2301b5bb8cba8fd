using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>A retirement as everyone may see it: no account number, the beneficiary and purpose the holder named.</summary>
/// <param name="Number">Its place in the list, from 1 (oldest).</param>
/// <param name="At">When the units were retired.</param>
/// <param name="Class">The unit class.</param>
/// <param name="Serials">The displayed serials, e.g. <c>CCER-001234-2019-1-1000</c> (comma-separated when several).</param>
/// <param name="Quantity">Units retired (tonnes CO2e).</param>
/// <param name="Beneficiary">On whose behalf.</param>
/// <param name="Purpose">Why.</param>
/// <param name="Attributes">The class's attributes (programme, project, category, province, vintage, pre-CDM).</param>
public sealed record PublicRetirement(
    long Number, DateTimeOffset At, UnitClass Class, string Serials, long Quantity, string Beneficiary, string Purpose,
    UnitAttributes Attributes);
