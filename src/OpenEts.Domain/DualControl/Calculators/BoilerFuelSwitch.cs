namespace OpenEts.Domain.DualControl.Calculators;

/// <summary>
/// A boiler replacing its fuel (锅炉燃料替代, e.g. coal → gas or electricity): the old fuel's emissions less the new
/// fuel's and the electricity's, a year.
/// </summary>
/// <param name="BaselineFuel">The old fuel's factor-library code (<c>raw-coal</c>).</param>
/// <param name="BaselineAmount">The old fuel a year, in the fuel's unit (t, or 10⁴Nm³ for gas).</param>
/// <param name="NewFuel">The new fuel's code, or null (electric boiler).</param>
/// <param name="NewAmount">The new fuel a year, in its unit (0 without a new fuel).</param>
/// <param name="ElectricityMwh">Electricity the new boiler uses a year, MWh.</param>
/// <param name="GridYear">The grid factor's year.</param>
/// <param name="GridRegion">The grid factor's region.</param>
/// <param name="ClaimedTonnes">The claim, tCO2 a year, or null.</param>
public sealed record BoilerFuelSwitch(string BaselineFuel, decimal BaselineAmount, string? NewFuel, decimal NewAmount, decimal ElectricityMwh,
    int GridYear, string GridRegion, decimal? ClaimedTonnes);
