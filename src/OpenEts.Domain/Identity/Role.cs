namespace OpenEts.Domain.Identity;

/// <summary>What a signed-in person may do. One role per user.</summary>
public enum Role
{
    /// <summary>主管部门: manages lists, plans, issuance and approvals.</summary>
    Regulator = 0,

    /// <summary>企业代表: an authorised representative of a covered company.</summary>
    CompanyRepresentative,

    /// <summary>核查员: a verifier of a verification body.</summary>
    Verifier,

    /// <summary>交易所会员: an exchange member or the exchange's operator.</summary>
    ExchangeMember,

    /// <summary>审计: reads everything, changes nothing.</summary>
    Auditor,

    /// <summary>公众: a citizen in carbon inclusion.</summary>
    Citizen,
}
