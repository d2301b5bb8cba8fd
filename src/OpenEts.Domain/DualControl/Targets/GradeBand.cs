namespace OpenEts.Domain.DualControl.Targets;

/// <summary>A score of at least <paramref name="MinScore"/> earns <paramref name="Grade"/>, and the listed consequences follow.</summary>
public sealed record GradeBand(Grade Grade, decimal MinScore, IReadOnlyList<string> Consequences);
