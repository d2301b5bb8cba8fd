namespace OpenEts.Domain.Inclusion;

/// <summary>How a coin rule counts coins for one action.</summary>
public enum CoinRuleKind
{
    /// <summary><c>coins</c> per action (Fuzhou: each bus ride → 1 碳币).</summary>
    PerAction = 1,

    /// <summary><c>coins</c> for every whole <c>per</c> units of the measure (Fuzhou 2024: 2000 steps → 1; 10 minutes of shared bike → 1).</summary>
    PerUnits,

    /// <summary><c>coins</c> once the measure reaches <c>per</c> (Fuzhou 2018: ≥ 6000 steps a day → 1).</summary>
    Threshold,

    /// <summary><c>coins</c> for every whole <c>per</c> grams of reduction (a programme that converts reductions into coins).</summary>
    PerGrams,
}
