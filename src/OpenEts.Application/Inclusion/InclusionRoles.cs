using OpenEts.Domain.Identity;

namespace OpenEts.Application.Inclusion;

/// <summary>Who may ask carbon inclusion for what, by role.</summary>
public static class InclusionRoles
{
    /// <summary>
    /// Record actions: a citizen their own; a data partner (transit operator, bike-share, utility, step counter) through
    /// its key, within the key's scope; the regulator any citizen's (a partner's file brought by hand: <c>ets inclusion ingest</c>).
    /// The data partner's one right: it is in no other list.
    /// </summary>
    public static IReadOnlyList<Role> Recorders { get; } = [Role.Citizen, Role.Regulator, Role.DataPartner];

    /// <summary>Redeem coins: the citizen.</summary>
    public static IReadOnlyList<Role> Citizens { get; } = [Role.Citizen];

    /// <summary>Erase a citizen's personal data: the citizen their own; the regulator any citizen's, on their request.</summary>
    public static IReadOnlyList<Role> Erasers { get; } = [Role.Citizen, Role.Regulator];

    /// <summary>
    /// Aggregate a period into a PHCER monitoring report: the programme operator, as the representative of the organisation
    /// that owns the programme's PHCER project (the offsets module checks the ownership).
    /// </summary>
    public static IReadOnlyList<Role> Operators { get; } = [Role.CompanyRepresentative];

    /// <summary>See programme totals and aggregations: the regulator, the auditor, the verifier and the operator.</summary>
    public static IReadOnlyList<Role> Overseers { get; } = [Role.Regulator, Role.Auditor, Role.Verifier, Role.CompanyRepresentative];

    /// <summary>
    /// Draw an aggregation's sample, record findings and verify the aggregation on them: the verifier (of the organisation that
    /// drew the sample, once drawn; the handler checks it).
    /// </summary>
    public static IReadOnlyList<Role> Verifiers { get; } = [Role.Verifier];

    /// <summary>See a sample's events (pseudonymous): the verifier, the regulator and the auditor.</summary>
    public static IReadOnlyList<Role> SampleReaders { get; } = [Role.Verifier, Role.Regulator, Role.Auditor];

    /// <summary>List merchants, issue and revoke partners' keys, purge raw actions past retention, answer PIPL requests: the regulator.</summary>
    public static IReadOnlyList<Role> Regulators { get; } = [Role.Regulator];

    /// <summary>
    /// Settle merchants in yuan: the programme operator's representative (the handler checks the operator), or the
    /// regulator for a programme whose operator is not on the platform.
    /// </summary>
    public static IReadOnlyList<Role> Settlers { get; } = [Role.Regulator, Role.CompanyRepresentative];

    /// <summary>Confirm redemption codes: a representative of an organisation listed as the programme's merchant (the handler checks the listing).</summary>
    public static IReadOnlyList<Role> Merchants { get; } = [Role.CompanyRepresentative];
}
