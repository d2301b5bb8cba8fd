namespace OpenEts.Domain.Registry;

/// <summary>What an account is for. Issuance, surrender and cancellation accounts exist once per registry.</summary>
public enum AccountKind
{
    /// <summary>A covered company's holding account (控排企业持有账户); needs two or more representatives.</summary>
    Holding = 0,

    /// <summary>The regulator's issuance account (发放账户): new units are created here and allocated from here.</summary>
    Issuance = 1,

    /// <summary>The surrender (retirement) account (履约注销账户): units surrendered for a compliance year.</summary>
    Surrender = 2,

    /// <summary>The voluntary cancellation account (自愿注销账户).</summary>
    Cancellation = 3,

    /// <summary>The exchange's clearing account (交易所结算账户).</summary>
    Clearing = 4,

    /// <summary>An investor's (institution or person) trading account (投资者账户).</summary>
    Investor = 5,

    /// <summary>
    /// A programme's buffer account (缓冲账户): the share of offset issuance withheld against reversals (e.g. forest
    /// loss). Receives units at issuance; only the regulator moves them out, by correction.
    /// </summary>
    Buffer = 6,
}
