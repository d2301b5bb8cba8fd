using OpenEts.Domain.DualControl.Targets;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>
/// The pollutant 晴雨表 of a round (<see cref="PollutantWarning"/>): every unit of a plan in force with a pollutant total,
/// provinces first, then cities, then key users (for those who may see them), each pollutant in the plan's order.
/// </summary>
public sealed record PollutantTable(WarningPeriod Period, DateOnly From, DateOnly To, IReadOnlyList<PollutantRow> Rows);
