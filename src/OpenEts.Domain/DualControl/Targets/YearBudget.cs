namespace OpenEts.Domain.DualControl.Targets;

/// <summary>
/// One unit's budget for one year: the energy it may use (<paramref name="EnergyBudget"/>), the part of it the unit keeps
/// for itself and does not pass on to its children (<paramref name="Retained"/>: a province's reserve for major projects,
/// a city's energy outside its key users), and the year's intensity-reduction target in percent (3.2 means −3.2 % on the
/// year before), which is also the year's progress milestone.
/// </summary>
public sealed record YearBudget(int Year, Tce EnergyBudget, Tce Retained, decimal IntensityReductionPercent);
