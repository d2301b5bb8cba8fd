namespace OpenEts.Domain.DualControl.Calculators;

/// <summary>An energy-saving retrofit (节能改造): energy saved × its factor (electricity × grid factor, fuel × fuel factor).</summary>
/// <param name="ElectricitySavedMwh">Electricity saved a year, MWh.</param>
/// <param name="Fuel">The fuel saved's factor-library code, or null.</param>
/// <param name="FuelSaved">Fuel saved a year, in the fuel's unit (0 without a fuel).</param>
/// <param name="GridYear">The grid factor's year.</param>
/// <param name="GridRegion">The grid factor's region.</param>
/// <param name="ClaimedTonnes">The claim, tCO2 a year, or null.</param>
public sealed record EnergyRetrofit(decimal ElectricitySavedMwh, string? Fuel, decimal FuelSaved, int GridYear, string GridRegion, decimal? ClaimedTonnes);
