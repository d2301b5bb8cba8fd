namespace OpenEts.Domain.DualControl.Calculators;

/// <summary>One line of a calculator's arithmetic, written out with its numbers (<c>770 × 155 kg × 365 d ÷ 1000 = 43 563 t</c>).</summary>
/// <param name="Name">What the line computes (<c>fuel avoided</c>).</param>
/// <param name="Arithmetic">The arithmetic with its numbers and the result.</param>
/// <param name="Value">The result, exact.</param>
/// <param name="Unit">The result's unit.</param>
public sealed record CalcStep(string Name, string Arithmetic, decimal Value, string Unit);
