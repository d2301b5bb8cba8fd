namespace OpenEts.Domain.DualControl.Targets;

/// <summary>One row of a completion → points table: at least <paramref name="CompletionPercent"/> of the target earns <paramref name="Points"/>.</summary>
public sealed record CompletionStep(decimal CompletionPercent, decimal Points);
