namespace OpenEts.Application.Inclusion;

/// <summary>What a month's cell of the public statistics counts the citizens of.</summary>
public enum MonthCellKind
{
    /// <summary>The citizens with a counted action of one behaviour.</summary>
    Behaviour,

    /// <summary>Every citizen with a counted action (who earned).</summary>
    Earners,

    /// <summary>The citizens who redeemed coins, with the coins redeemed.</summary>
    Redeemers,
}
