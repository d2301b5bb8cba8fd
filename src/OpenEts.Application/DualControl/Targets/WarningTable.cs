using OpenEts.Domain.DualControl.Targets;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>A 晴雨表 round: every rated unit, provinces first, then cities, then key users (for those who may see them).</summary>
public sealed record WarningTable(WarningPeriod Period, IReadOnlyList<UnitWarning> Rows);
