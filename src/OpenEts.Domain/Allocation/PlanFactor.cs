namespace OpenEts.Domain.Allocation;

/// <summary>A correction factor of a benchmark product: its id (as <c>--set factor.power.coal-I.cooling=1.05</c> names it), kind and value.</summary>
/// <param name="Id">Unique within the product, e.g. <c>decline</c>, <c>load</c>, <c>cooling</c>.</param>
/// <param name="Kind">What it depends on.</param>
/// <param name="Value">The number: the factor itself (<see cref="FactorKind.Fixed"/>, <see cref="FactorKind.AirCooling"/>) or the coefficient (<see cref="FactorKind.HeatSupply"/>); unused for <see cref="FactorKind.LoadFactor"/>.</param>
public sealed record PlanFactor(string Id, FactorKind Kind, PlanFigure? Value = null);
