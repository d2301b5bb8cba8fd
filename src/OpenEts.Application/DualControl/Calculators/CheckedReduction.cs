using OpenEts.Domain.DualControl.Calculators;

namespace OpenEts.Application.DualControl.Calculators;

/// <summary>A recalculation with its reduction monetised at a social cost of carbon (USD a year = tCO2 × USD/t).</summary>
public sealed record CheckedReduction(Recalculation Recalculation, SocialCostOfCarbon Scc)
{
    /// <summary>The recomputed reduction × the SCC, USD a year.</summary>
    public decimal MonetisedUsd => Scc.Monetise(Recalculation.ComputedTonnes);

    /// <summary>The monetisation written out.</summary>
    public string MonetisedArithmetic =>
        $"{Calc.Show(Recalculation.ComputedTonnes)} t × {Calc.Show(Scc.UsdPerTonne)} USD/t = {Calc.Show(MonetisedUsd)} USD";
}
