namespace OpenEts.Domain.Inclusion;

/// <summary>
/// How many 碳币 one action earns before caps. Coins are whole numbers; partial units earn nothing (floor).
/// </summary>
/// <param name="Kind">How it counts.</param>
/// <param name="Coins">Coins per action, per <paramref name="Per"/> units or grams, or at the threshold (≥ 1).</param>
/// <param name="Per">Units (or grams) per <paramref name="Coins"/>, or the threshold; unused for <see cref="CoinRuleKind.PerAction"/>.</param>
/// <param name="Measure">What <see cref="CoinRuleKind.PerUnits"/> and <see cref="CoinRuleKind.Threshold"/> count.</param>
/// <param name="Source">Where the rule was read.</param>
/// <param name="Confirmed">True when the rule was read in its source.</param>
public sealed record CoinRule(CoinRuleKind Kind, long Coins, decimal Per, CoinMeasure Measure, string Source, bool Confirmed)
{
    /// <summary>The coins one action earns before caps.</summary>
    public long CoinsFor(ActionMeasure measure, CarbonGrams reduction)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return CoinsFor(measure.Quantity, measure.Minutes, reduction);
    }

    /// <summary>The coins before caps for a <paramref name="quantity"/> (or <paramref name="minutes"/>) and its reduction.</summary>
    public long CoinsFor(decimal quantity, decimal? minutes, CarbonGrams reduction)
    {
        var counted = Measure == CoinMeasure.Minutes ? minutes ?? 0m : quantity;
        return Kind switch
        {
            CoinRuleKind.PerAction => Coins,
            CoinRuleKind.PerUnits => checked((long)decimal.Floor(counted / Per) * Coins),
            CoinRuleKind.Threshold => counted >= Per ? Coins : 0,
            CoinRuleKind.PerGrams => checked((long)decimal.Floor(reduction.Grams / Per) * Coins),
            _ => throw new InvalidOperationException($"unknown coin rule {Kind}"),
        };
    }
}
