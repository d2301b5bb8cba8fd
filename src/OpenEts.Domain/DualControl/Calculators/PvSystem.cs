namespace OpenEts.Domain.DualControl.Calculators;

/// <summary>A photovoltaic system (光伏) displacing grid electricity: capacity × full-load hours × grid factor.</summary>
/// <param name="CapacityKw">Installed capacity, kW (peak).</param>
/// <param name="FullLoadHours">Equivalent full-load hours a year (年等效利用小时数).</param>
/// <param name="GridYear">The grid factor's year.</param>
/// <param name="GridRegion">The grid factor's region.</param>
/// <param name="ClaimedTonnes">The claim, tCO2 a year, or null.</param>
public sealed record PvSystem(decimal CapacityKw, decimal FullLoadHours, int GridYear, string GridRegion, decimal? ClaimedTonnes);
