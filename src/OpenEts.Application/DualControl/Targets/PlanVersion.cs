using OpenEts.Domain.DualControl.Targets;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>An adopted plan version: the plan (never changed once adopted), when and by whom.</summary>
public sealed record PlanVersion(TargetPlan Plan, DateTimeOffset AdoptedAt, string AdoptedBy);
