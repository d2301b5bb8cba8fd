using OpenEts.Application.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Storage;

/// <summary>
/// MRV's tables: emission reports (totals as integer kilograms), monitoring plans, reporting deadlines and published
/// factor corrections. Only
/// <see cref="MrvCommandHandler"/> writes them and only <see cref="MrvQueries"/> reads them for other modules.
/// </summary>
public interface IMrvData
{
    Task<MrvReport?> FindReportAsync(long id);

    /// <summary>The report of one company for one year, or null.</summary>
    Task<MrvReport?> FindReportAsync(long organisationId, int year);

    /// <summary>Reports matching the filter, newest year first, then by organisation.</summary>
    Task<IReadOnlyList<MrvReport>> ListReportsAsync(MrvReportFilter filter);

    /// <summary>Inserts and returns the report with its new id. A second report of one company for one year is a <see cref="StoreConflictException"/>.</summary>
    Task<MrvReport> InsertReportAsync(MrvReport report);

    /// <summary>Replaces the stored report of the same id and returns it.</summary>
    Task<MrvReport> UpdateReportAsync(MrvReport report);

    /// <summary>Approved totals with their company's code, name and sector, for one year or all; by year, then code.</summary>
    Task<IReadOnlyList<ApprovedTotal>> ApprovedTotalsAsync(int? year);

    Task<MonitoringPlan?> FindPlanAsync(long organisationId, int year);

    /// <summary>Inserts or replaces the plan of its company and year.</summary>
    Task SavePlanAsync(MonitoringPlan plan);

    Task<ReportingDeadline?> FindDeadlineAsync(string jurisdiction, int year);

    /// <summary>Every deadline, by jurisdiction and year.</summary>
    Task<IReadOnlyList<ReportingDeadline>> ListDeadlinesAsync();

    /// <summary>Inserts or replaces the deadline of its jurisdiction and year.</summary>
    Task SaveDeadlineAsync(ReportingDeadline deadline);

    /// <summary>Every published factor correction, oldest first.</summary>
    Task<IReadOnlyList<PublishedFactors>> ListFactorVersionsAsync();

    /// <summary>Adds a published correction; a version label used before is a <see cref="StoreConflictException"/>.</summary>
    Task InsertFactorVersionAsync(PublishedFactors factors);
}

/// <summary>Filter for <see cref="IMrvData.ListReportsAsync"/>; null fields match all.</summary>
public sealed record MrvReportFilter(
    long? OrganisationId = null, long? VerifierOrganisationId = null, int? Year = null, ReportStatus? Status = null);

/// <summary>One company's approved emissions for one year, as the dashboard and the public disclosure page list them.</summary>
public sealed record ApprovedTotal(CreditCode Organisation, string Name, Sector Sector, int Year, Domain.Quantities.Tonnes Approved);
