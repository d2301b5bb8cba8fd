namespace OpenEts.Domain.Mrv;

/// <summary>Which part of a production output a rule is about.</summary>
public enum OutputPart
{
    /// <summary>The amount.</summary>
    Amount,

    /// <summary>The unit it is stated in.</summary>
    Unit,

    /// <summary>The detail: the unit category (I–IV) or the cooling method.</summary>
    Detail,
}

/// <summary>
/// The rules every production output keeps, however it was typed (the report form, the API, a template file): the
/// output's own unit (clinker in t, electricity in MWh), a load factor as a fraction, a unit category or cooling method
/// named. Allocation's true-up reads these outputs, so an output that breaks one is never saved.
/// </summary>
public static class OutputRules
{
    /// <summary>The rules <paramref name="amount"/> <paramref name="unit"/> of <paramref name="kind"/> breaks, each with its part, rule and message.</summary>
    public static IEnumerable<(OutputPart Part, string Rule, string Message)> Broken(OutputKind kind, decimal amount, MeasureUnit unit, string? detail)
    {
        if (amount < 0)
        {
            yield return (OutputPart.Amount, "NegativeAmount", "an output is never negative");
        }
        if (unit != OutputKinds.UnitOf(kind))
        {
            yield return (OutputPart.Unit, "WrongUnit",
                $"{OutputKinds.Name(kind, english: true)} is reported in {MeasureUnits.Symbol(OutputKinds.UnitOf(kind))}, not {MeasureUnits.Symbol(unit)}");
        }
        if (string.IsNullOrWhiteSpace(detail) && kind is OutputKind.UnitCategory or OutputKind.CoolingMethod)
        {
            yield return (OutputPart.Detail, "MissingDetail", "the 燃料或物料 cell (detail) names the unit category (I–IV) or the cooling method (water, air)");
        }
        if (kind == OutputKind.LoadFactor && amount > 1m)
        {
            yield return (OutputPart.Amount, "BadFraction", "a load factor is a fraction from 0 to 1 (or a percentage such as 82%)");
        }
    }
}
