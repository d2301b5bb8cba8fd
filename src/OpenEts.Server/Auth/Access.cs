using System.Security.Claims;
using OpenEts.Domain.Identity;

namespace OpenEts.Server.Auth;

/// <summary>Who may use what: the role lists every endpoint and page declares (as an Authorize Roles string).</summary>
internal static class Access
{
    /// <summary>Manages the covered-entity list.</summary>
    public const string Regulator = nameof(Role.Regulator);

    /// <summary>Reads the audit log.</summary>
    public const string AuditReaders = nameof(Role.Regulator) + "," + nameof(Role.Auditor);

    /// <summary>Reads the covered-entity list: every organisation-bound role (the list is published), not citizens.</summary>
    public const string MarketParticipants = nameof(Role.Regulator) + "," + nameof(Role.Auditor) + "," + nameof(Role.Verifier)
        + "," + nameof(Role.ExchangeMember) + "," + nameof(Role.CompanyRepresentative);

    /// <summary>Any signed-in person.</summary>
    public const string Everyone = MarketParticipants + "," + nameof(Role.Citizen);

    /// <summary>Reads registry accounts and holdings (companies and the exchange: only accounts they represent).</summary>
    public const string RegistryReaders = nameof(Role.Regulator) + "," + nameof(Role.Auditor) + ","
        + nameof(Role.ExchangeMember) + "," + nameof(Role.CompanyRepresentative);

    /// <summary>Act for registry accounts they represent: propose, approve and reject transfers, surrender.</summary>
    public const string RegistryHolders = nameof(Role.ExchangeMember) + "," + nameof(Role.CompanyRepresentative);

    /// <summary>Read MRV reports: the regulator and the auditor all, companies their own, verifiers those assigned to them.</summary>
    public const string MrvReaders = nameof(Role.Regulator) + "," + nameof(Role.Auditor) + "," + nameof(Role.CompanyRepresentative)
        + "," + nameof(Role.Verifier);

    /// <summary>File MRV reports and monitoring plans for their own company.</summary>
    /// <summary>Allocation plans and the what-if: every market role but the citizen (Application AllocationRoles.PlanReaders).</summary>
    public const string AllocationPlanReaders = nameof(Role.Regulator) + "," + nameof(Role.Auditor) + "," + nameof(Role.CompanyRepresentative)
        + "," + nameof(Role.Verifier) + "," + nameof(Role.ExchangeMember);

    /// <summary>Allocations: the regulator and the auditor (all), a company (its own; checked by AllocationQueries).</summary>
    public const string AllocationReaders = nameof(Role.Regulator) + "," + nameof(Role.Auditor) + "," + nameof(Role.CompanyRepresentative);

    public const string MrvCompany = nameof(Role.CompanyRepresentative);

    /// <summary>Verify the MRV reports their body is assigned.</summary>
    public const string MrvVerifier = nameof(Role.Verifier);

    /// <summary>Return an MRV report with comments: whoever holds it at its step.</summary>
    public const string MrvHolders = nameof(Role.Regulator) + "," + nameof(Role.Verifier);

    /// <summary>File offset projects and monitoring reports of their own organisation (OffsetsRoles.Owner).</summary>
    public const string OffsetsOwner = nameof(Role.CompanyRepresentative);

    /// <summary>Carbon inclusion: the citizen (their own statement, redemptions).</summary>
    public const string Citizen = nameof(Role.Citizen);

    /// <summary>Record inclusion actions: a citizen their own, the regulator any citizen's (Application InclusionRoles.Recorders).</summary>
    public const string InclusionRecorders = nameof(Role.Citizen) + "," + nameof(Role.Regulator);

    /// <summary>Inclusion merchants' settlement: the regulator and auditor all, a representative their organisation's (Application InclusionQueries.MerchantsAsync).</summary>
    public const string InclusionMerchantReaders = nameof(Role.Regulator) + "," + nameof(Role.Auditor) + "," + nameof(Role.CompanyRepresentative);

    /// <summary>Settle inclusion merchants in yuan: the programme's operator (a representative; the use case checks the operator) or the regulator (Application InclusionRoles.Settlers).</summary>
    public const string InclusionSettlers = nameof(Role.Regulator) + "," + nameof(Role.CompanyRepresentative);

    /// <summary>Inclusion totals and aggregations (Application InclusionRoles.Overseers).</summary>
    public const string InclusionOverseers = nameof(Role.Regulator) + "," + nameof(Role.Auditor) + "," + nameof(Role.Verifier)
        + "," + nameof(Role.CompanyRepresentative);

    /// <summary>Draw an aggregation's sample, record findings, verify on it (Application InclusionRoles.Verifiers).</summary>
    public const string InclusionVerifier = nameof(Role.Verifier);

    /// <summary>A sample's pseudonymous events (Application InclusionRoles.SampleReaders; a verifier of the drawing organisation only).</summary>
    public const string InclusionSampleReaders = nameof(Role.Verifier) + "," + nameof(Role.Regulator) + "," + nameof(Role.Auditor);

    /// <summary>Key energy users' budget and progress: a company its own units, the regulator and the auditor every unit.</summary>
    public const string EnergyProgressReaders = nameof(Role.Regulator) + "," + nameof(Role.Auditor) + "," + nameof(Role.CompanyRepresentative);

    /// <summary>File a key energy user's annual energy report: its company or the regulator (Application EnergyTargetsRoles.Reporters).</summary>
    public const string EnergyReporters = nameof(Role.CompanyRepresentative) + "," + nameof(Role.Regulator);

    /// <summary>Validate projects and verify monitoring reports: the programmes' validator role (OffsetsRoles.Validators).</summary>
    public const string OffsetsValidator = nameof(Role.Verifier);

    /// <summary>Register projects and issue credits: the programmes' registrar role (OffsetsRoles.Registrars).</summary>
    public const string OffsetsRegistrar = nameof(Role.Regulator);

    /// <summary>Return a project or monitoring report: whoever holds it at its step (OffsetsRoles.Holders).</summary>
    public const string OffsetsHolders = nameof(Role.Verifier) + "," + nameof(Role.Regulator);

    /// <summary>Attach project documents: the owner and the reviewers (OffsetsRoles.Attachers).</summary>
    public const string OffsetsAttachers = nameof(Role.CompanyRepresentative) + "," + nameof(Role.Verifier) + "," + nameof(Role.Regulator);

    /// <summary>Import published market statistics (MarketDataRoles.ImportStatistics): the regulator and the exchange's operator.</summary>
    public const string StatisticsImporters = nameof(Role.Regulator) + "," + nameof(Role.ExchangeMember);

    /// <summary>Energy monitoring: register units and meter points (Application MonitoringRoles.Registrars).</summary>
    public const string EnergyMonitoringRegistrar = nameof(Role.Regulator);

    /// <summary>Energy monitoring: send readings, faults, repairs, calibrations (MonitoringRoles.Senders; a company for its own meters).</summary>
    public const string EnergyMonitoringSenders = nameof(Role.CompanyRepresentative) + "," + nameof(Role.Regulator);

    /// <summary>Energy monitoring dashboards (MonitoringRoles.Readers; a company its own units).</summary>
    public const string EnergyMonitoringReaders = nameof(Role.Regulator) + "," + nameof(Role.Auditor) + "," + nameof(Role.CompanyRepresentative);

    /// <summary>Polluter cards: a company's history (CardsRoles.Overseers and CardsRoles.Companies, who sees only their own).</summary>
    public const string CardHistoryReaders = nameof(Role.Regulator) + "," + nameof(Role.Auditor) + "," + nameof(Role.CompanyRepresentative);

    /// <summary>True when <paramref name="user"/> holds one of <paramref name="roles"/> (a role list above): a page links to another only then.</summary>
    public static bool Allows(this ClaimsPrincipal user, string roles) =>
        roles.Split(',').Any(user.IsInRole);
}
