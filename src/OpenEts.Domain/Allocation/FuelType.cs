namespace OpenEts.Domain.Allocation;

/// <summary>The fuel of a power unit category, for the rules that treat gas and coal units apart (national-ets.md §2.3).</summary>
public enum FuelType
{
    /// <summary>Not a power unit, or the plan does not say.</summary>
    None,

    /// <summary>Coal (conventional or unconventional).</summary>
    Coal,

    /// <summary>Natural gas.</summary>
    Gas,
}
