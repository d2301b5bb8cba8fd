using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>One behaviour of a sample: its events kept in the period, how many were drawn, and the reduction the aggregation claims for it.</summary>
public sealed record SampleStratumPlan(Behaviour Behaviour, long Events, long Drawn, CarbonGrams Claimed);
