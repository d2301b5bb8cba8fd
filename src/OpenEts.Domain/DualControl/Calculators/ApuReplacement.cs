namespace OpenEts.Domain.DualControl.Calculators;

/// <summary>
/// An airport replacing aircraft APUs with ground power and pre-conditioned air (桥载设备替代 APU): the jet fuel the APUs
/// no longer burn, less the electricity the ground equipment uses.
/// </summary>
/// <param name="FlightsPerDay">Aircraft stays at equipped stands a day.</param>
/// <param name="FuelPerStayKg">APU jet fuel per stay, kg.</param>
/// <param name="FuelFactor">kg CO2 per kg jet fuel; null: the factor library's jet kerosene.</param>
/// <param name="FuelFactorSource">Where the claim's fuel factor comes from (with <paramref name="FuelFactor"/>).</param>
/// <param name="ElectricityPerStayKwh">Ground power and air electricity per stay, kWh.</param>
/// <param name="DaysPerYear">Operating days a year (365).</param>
/// <param name="GridYear">The grid factor's year.</param>
/// <param name="GridRegion">The grid factor's region (<c>national</c>, <c>guangdong</c>, <c>east</c> …).</param>
/// <param name="ClaimedTonnes">The project's claimed reduction, tCO2 a year, or null.</param>
public sealed record ApuReplacement(decimal FlightsPerDay, decimal FuelPerStayKg, decimal? FuelFactor, string? FuelFactorSource,
    decimal ElectricityPerStayKwh, int DaysPerYear, int GridYear, string GridRegion, decimal? ClaimedTonnes);
