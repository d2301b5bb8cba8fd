using OpenEts.Domain.Organisations;

namespace OpenEts.Domain.Compliance;

/// <summary>
/// What the offsets module knows of a credit's project beyond the registry's unit attributes. Every field may be
/// unknown (null); <see cref="UnitEligibility"/> documents, per rule, whether an unknown fact refuses the credit.
/// </summary>
/// <param name="Owner">The organisation inside whose emissions boundary the project lies, when it lies inside one.</param>
/// <param name="Co2Ch4Share">The share (0–1) of the project's reductions that are CO2 or CH4.</param>
/// <param name="FossilFuelEnergy">True for power, heat or waste energy from coal, oil or gas (coal-bed methane excepted).</param>
/// <param name="DesignatedArea">True for PHCER from a designated poor village, old revolutionary base area or ethnic area.</param>
public sealed record OffsetProjectFacts(CreditCode? Owner, decimal? Co2Ch4Share, bool? FossilFuelEnergy, bool? DesignatedArea)
{
    /// <summary>Nothing known.</summary>
    public static OffsetProjectFacts Unknown { get; } = new(null, null, null, null);
}
