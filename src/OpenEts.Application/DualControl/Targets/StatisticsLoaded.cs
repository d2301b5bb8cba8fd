namespace OpenEts.Application.DualControl.Targets;

/// <summary>A load of statistics: rows saved, of which replaced earlier figures.</summary>
public sealed record StatisticsLoaded(int Rows, int Replaced);
