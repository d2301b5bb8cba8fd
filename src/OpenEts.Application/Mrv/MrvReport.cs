using OpenEts.Domain.Identity;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;

namespace OpenEts.Application.Mrv;

/// <summary>
/// One company's emission report for one year as stored: what it reported (its lines and outputs, the total computed
/// with the named factor library), where it is in the cycle, and what the verifier and the regulator added. Totals are
/// <see cref="Tonnes"/>, stored as integer kilograms.
/// </summary>
/// <param name="Id">Storage id, 0 before it is saved.</param>
/// <param name="OrganisationId">The company.</param>
/// <param name="Year">The reporting year.</param>
/// <param name="Status">Where it is in the cycle.</param>
/// <param name="Sector">The company's sector when the report was saved.</param>
/// <param name="Region">The grid region and jurisdiction code (e.g. "guangdong").</param>
/// <param name="Lines">The emission sources as reported.</param>
/// <param name="Outputs">The production outputs as reported.</param>
/// <param name="Reported">The reported total (lines in error left out; a net export counts as zero), 1 kg.</param>
/// <param name="FactorVersion">The factor library <paramref name="Reported"/> was computed with.</param>
/// <param name="UpdatedAt">The last change.</param>
public sealed record MrvReport(
    long Id, long OrganisationId, int Year, ReportStatus Status, Sector Sector, string Region,
    IReadOnlyList<ReportLine> Lines, IReadOnlyList<ProductionOutput> Outputs, Tonnes Reported, string FactorVersion,
    DateTimeOffset UpdatedAt)
{
    /// <summary>When the company last submitted it.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>True when that submission came after the jurisdiction's reporting deadline.</summary>
    public bool Late { get; init; }

    /// <summary>The verification body assigned, once the regulator has.</summary>
    public long? VerifierOrganisationId { get; init; }

    /// <summary>What the verifier recorded, once it has.</summary>
    public Verification? Verification { get; init; }

    /// <summary>The approved total, once the regulator has approved.</summary>
    public Tonnes? Approved { get; init; }

    /// <summary>When the regulator approved.</summary>
    public DateTimeOffset? ApprovedAt { get; init; }

    /// <summary>The comments of the last return, and who returned it.</summary>
    public string? ReturnComment { get; init; }

    /// <summary>The role that returned it last.</summary>
    public Role? ReturnedBy { get; init; }

    /// <summary>The accounting guideline the report follows (the sector guidelines unless it says otherwise).</summary>
    public AccountingMethod Method { get; init; } = AccountingMethod.SectorGuideline;

    /// <summary>The report as the calculator reads it.</summary>
    public ReportInput Input => new(Sector, Year, Region, Lines, Outputs, Method);

    /// <summary>The report with the verifier's adjusted amounts (the input itself before verification).</summary>
    public ReportInput VerifiedInput => Verification is { } v ? MrvReview.Verified(Input, v) : Input;
}
