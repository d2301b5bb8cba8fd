using OpenEts.Domain.DualControl.Targets;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>A key energy user's year: its budget, the energy its report gives, the share of the budget used, and its 晴雨表.</summary>
public sealed record KeyUserProgress(KeyEnergyUser User, int Year, Tce? Budget, Tce? Used, decimal? PercentOfBudget, UnitWarning? Warning);
