namespace OpenEts.Domain.Inclusion;

/// <summary>What a <see cref="CoinRuleKind.PerUnits"/> or <see cref="CoinRuleKind.Threshold"/> rule counts.</summary>
public enum CoinMeasure
{
    /// <summary>The action's quantity in its behaviour's unit (km, steps, kWh).</summary>
    Quantity = 1,

    /// <summary>The ride's minutes.</summary>
    Minutes,
}
