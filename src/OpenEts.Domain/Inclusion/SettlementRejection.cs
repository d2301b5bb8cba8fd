namespace OpenEts.Domain.Inclusion;

/// <summary>Why a merchant's settlement over a period cannot be made.</summary>
public enum SettlementRejection
{
    /// <summary>The period ends after today: only days that have begun can be settled.</summary>
    PeriodInFuture = 1,

    /// <summary>No redemption confirmed by the merchant in the period is left unsettled.</summary>
    NothingToSettle,

    /// <summary>The programme version in force on a redemption's confirmation day states no yuan value per coin.</summary>
    NoCoinValue,
}
