using OpenEts.Domain.Allocation;

namespace OpenEts.Application.Allocation;

/// <summary>One entity in a what-if: its allocation under the plan as approved (or as stored) and under the changed plan.</summary>
public sealed record WhatIfRow(EntityAllocation Baseline, EntityAllocation Changed)
{
    /// <summary>Changed − baseline, whole allowances.</summary>
    public long Change => Changed.Total.Value - Baseline.Total.Value;
}
