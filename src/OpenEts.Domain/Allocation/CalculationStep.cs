namespace OpenEts.Domain.Allocation;

/// <summary>One step of an allocation's calculation: what it computes, its formula, its terms and its exact result (t).</summary>
public sealed record CalculationStep(string Step, string Formula, IReadOnlyList<CalculationTerm> Terms, decimal Result);
