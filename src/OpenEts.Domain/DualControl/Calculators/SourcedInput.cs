namespace OpenEts.Domain.DualControl.Calculators;

/// <summary>One input of a reduction calculator: its value and unit, and where it came from (the claim, a factor table).</summary>
/// <param name="Code">The input's field name (<c>flightsPerDay</c>).</param>
/// <param name="Value">The value, exact, in <paramref name="Unit"/>.</param>
/// <param name="Unit">The unit as shown (<c>kg CO2/kg</c>).</param>
/// <param name="Source">The claim, or the factor table and row it came from.</param>
/// <param name="Confirmed">False for an [UNCONFIRMED] factor.</param>
public sealed record SourcedInput(string Code, decimal Value, string Unit, string Source, bool Confirmed = true);
