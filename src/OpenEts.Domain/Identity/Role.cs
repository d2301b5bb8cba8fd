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

    /// <summary>
    /// 数据合作方: a carbon-inclusion data partner (a transit operator, bike-share, utility or step counter) acting through
    /// its API key. Not a person's role: no user holds it, and no claim, token or file names it (<see cref="Roles.TryParse"/>).
    /// Its only right is recording actions within its key's programme and behaviours.
    /// </summary>
    DataPartner,
}
