using OpenEts.Domain.DualControl.Targets;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>A key energy user's year: its budget, the energy its report gives, the share of the budget used, and its 晴雨表.</summary>
public sealed record KeyUserProgress(KeyEnergyUser User, int Year, Tce? Budget, Tce? Used, decimal? PercentOfBudget, UnitWarning? Warning);

/// <summary>
/// The key users' progress in a year (<see cref="EnergyTargetsQueries.ProgressAsync"/>), or, for a year no target can
/// name, the year's error (rule <c>Year</c>) and no rows.
/// </summary>
public sealed record KeyUserProgressAnswer(IReadOnlyList<KeyUserProgress> Rows, IReadOnlyList<FieldError> Errors);
