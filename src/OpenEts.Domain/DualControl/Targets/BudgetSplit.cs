namespace OpenEts.Domain.DualControl.Targets;

/// <summary>
/// Splits an energy budget over shares without losing a kilogram (largest remainder, ties to the earlier share): the
/// parts always sum to the whole, so a split built this way passes <see cref="TargetPlan.Validate"/>'s split rule.
/// </summary>
public static class BudgetSplit
{
    /// <summary>Splits <paramref name="total"/> in proportion to <paramref name="weights"/> (non-negative, not all zero).</summary>
    public static IReadOnlyList<Tce> Split(Tce total, IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0 || weights.Any(w => w < 0) || weights.Sum() <= 0)
        {
            throw new ArgumentException("weights are non-negative and not all zero", nameof(weights));
        }
        var sum = weights.Sum();
        var kg = total.Kilograms;
        var exact = weights.Select(w => kg * (w / sum)).ToArray();
        var parts = exact.Select(e => (long)decimal.Floor(e)).ToArray();
        var left = kg - parts.Sum();
        foreach (var i in Enumerable.Range(0, parts.Length).OrderByDescending(i => exact[i] - parts[i]).ThenBy(i => i).Take(checked((int)left)))
        {
            parts[i]++;
        }
        return [.. parts.Select(Tce.FromKilograms)];
    }
}
