using OpenEts.Domain.DualControl.Cards;

namespace OpenEts.Application.DualControl.Cards;

/// <summary>
/// A violation an officer recorded, with its evidence: for an exceedance the parameter, the measured value and the
/// limit (same unit); for a fined violation the fine in yuan. <see cref="Serious"/> is the rules' verdict on the
/// exceedance, fixed when it was recorded.
/// </summary>
public sealed record ViolationRecord(long Id, long OrganisationId, string OrganisationCode, string OrganisationName, string Rules, ViolationKind Kind,
    DateOnly ObservedOn, string? Parameter, decimal? Measured, decimal? Limit, string? Unit, decimal? FineYuan, bool Serious, string Evidence,
    DateTimeOffset RecordedAt, string RecordedBy)
{
    /// <summary>True for the kinds that are exceedances of a limit.</summary>
    public bool IsExceedance => Kind is ViolationKind.ConcentrationExceedance or ViolationKind.TotalLoadExceedance;
}
