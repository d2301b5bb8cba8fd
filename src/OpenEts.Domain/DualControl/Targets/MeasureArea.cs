namespace OpenEts.Domain.DualControl.Targets;

/// <summary>One measure area of a scheme (e.g. 结构调整) and the most points it can earn; the regulator scores it with evidence.</summary>
public sealed record MeasureArea(string Code, string Name, decimal MaxPoints);
