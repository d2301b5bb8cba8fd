using OpenEts.Domain.DualControl.Targets;
using OpenEts.Domain.Quantities;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>
/// A key energy user's energy for a year beside its company's approved emissions from MRV: of that year, else of the
/// latest approved year before it (<paramref name="ApprovedYear"/>); null when none is approved.
/// </summary>
public sealed record CarbonBeside(KeyEnergyUser User, string? OrganisationCode, string? OrganisationName, int Year, Tce? Energy, Tonnes? Approved,
    int? ApprovedYear);
