namespace OpenEts.Domain.Organisations;

/// <summary>What an organisation is in the market.</summary>
public enum OrganisationKind
{
    /// <summary>控排企业: a covered company.</summary>
    Company = 0,

    /// <summary>主管部门: the climate regulator.</summary>
    Regulator,

    /// <summary>核查机构: a third-party verification body.</summary>
    Verifier,

    /// <summary>交易所: the exchange.</summary>
    Exchange,

    /// <summary>审计: an audit office (read-only).</summary>
    Auditor,

    /// <summary>投资机构: an investor that is not a covered company.</summary>
    Investor,
}
