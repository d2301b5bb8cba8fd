namespace OpenEts.Domain.DualControl.Calculators;

/// <summary>
/// A calculator's answer: every input with its source and unit, the arithmetic line by line, the recomputed reduction
/// (tCO2 a year, exact; negative when the project adds emissions), and the claim checked against it.
/// </summary>
/// <param name="Calculator">The calculator's code (<c>apu</c>, <c>boiler</c>, <c>pv</c>, <c>retrofit</c>).</param>
/// <param name="Inputs">The inputs as used, with sources.</param>
/// <param name="Steps">The arithmetic.</param>
/// <param name="ComputedTonnes">The recomputed reduction, tCO2 a year.</param>
/// <param name="ClaimedTonnes">The project's claim, tCO2 a year, or null.</param>
/// <param name="Check">Whether the claim follows.</param>
public sealed record Recalculation(string Calculator, IReadOnlyList<SourcedInput> Inputs, IReadOnlyList<CalcStep> Steps, decimal ComputedTonnes,
    decimal? ClaimedTonnes, ClaimCheck Check)
{
    /// <summary>Claim minus recomputation, tCO2 a year (null without a claim).</summary>
    public decimal? Difference => ClaimedTonnes - ComputedTonnes;

    /// <summary>True when the claim does not follow from its inputs.</summary>
    public bool Flagged => Check is ClaimCheck.Overclaimed or ClaimCheck.Underclaimed;

    /// <summary>The claim check written out (<c>claim 70 000 t vs 138 529.5 t recomputed: −49.5 %, beyond ±5 %</c>), or "".</summary>
    public string CheckArithmetic => ClaimedTonnes is not { } claim ? "" : ComputedTonnes == 0m
        ? $"claim {Calc.Show(claim)} t vs 0 t recomputed"
        : $"({Calc.Show(claim)} − {Calc.Show(ComputedTonnes)}) ÷ {Calc.Show(Math.Abs(ComputedTonnes))} = {Calc.Show(decimal.Round((claim - ComputedTonnes) / Math.Abs(ComputedTonnes) * 100m, 2))} % (tolerance ±{Calc.Show(Calc.Tolerance * 100m)} %)";
}
