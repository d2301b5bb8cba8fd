using OpenEts.Domain.Allocation;

namespace OpenEts.Application.Allocation;

/// <summary>
/// An entity's allocation of a year at one stage as run and stored: the plan version it was computed with, the
/// allowances (total, free, paid) and the calculation (<see cref="EntityAllocation"/>, its steps and sources).
/// </summary>
public sealed record AllocationRecord(string Jurisdiction, int Year, string Organisation, AllocationStage Stage, string PlanId, int Version,
    EntityAllocation Allocation, DateTimeOffset RunAt, string RunBy);
