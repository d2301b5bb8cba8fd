namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>A meter's slots from <paramref name="FromSeconds"/> to <paramref name="ToSeconds"/> (Unix seconds, inclusive).</summary>
public readonly record struct ReadingRange(long MeterId, long FromSeconds, long ToSeconds);
