namespace OpenEts.Domain.Allocation;

/// <summary>One input or factor of a calculation step, with its unit, source and flag.</summary>
public sealed record CalculationTerm(string Name, decimal Value, string Unit, string Source, bool Unconfirmed = false);
