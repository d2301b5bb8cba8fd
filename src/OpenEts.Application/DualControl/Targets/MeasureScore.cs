namespace OpenEts.Application.DualControl.Targets;

/// <summary>The regulator's points for one measure area and the evidence behind them (document references, findings).</summary>
public sealed record MeasureScore(string Area, decimal Points, string Evidence);
