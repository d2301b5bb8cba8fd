namespace OpenEts.Application.DualControl.Targets;

/// <summary>One row of statistics as typed (API body or sheet row): region code, year, first month, months (1 or 3), tce, 万元.</summary>
public sealed record StatisticsRow(string? Region, int? Year, int? Month, int? Months, decimal? EnergyTce, decimal? OutputWanYuan);
