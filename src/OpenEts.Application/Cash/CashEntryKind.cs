namespace OpenEts.Application.Cash;

/// <summary>What a cash movement is.</summary>
public enum CashEntryKind
{
    /// <summary>Money in from the external bank (入金).</summary>
    Deposit = 1,

    /// <summary>Money out to the external bank (出金).</summary>
    Withdrawal,

    /// <summary>Reserved money paid to its payee (an auction's winner to the proceeds, a buyer to a seller).</summary>
    Settlement,

    /// <summary>A fee paid from a member's available money to a system account (an exchange fee).</summary>
    Fee,
}
