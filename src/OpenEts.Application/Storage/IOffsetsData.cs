using OpenEts.Application.Offsets;
using OpenEts.Domain.Offsets;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Storage;

/// <summary>
/// The offset projects' tables: projects, their status history, documents (with their bytes) and monitoring reports.
/// Only <see cref="OffsetsCommandHandler"/> writes them and only <see cref="OffsetsQueries"/> reads them for others.
/// </summary>
public interface IOffsetsData
{
    Task<OffsetProject?> FindProjectAsync(long id);

    Task<OffsetProject?> FindProjectAsync(UnitType programme, string code);

    /// <summary>Projects matching the filter, by programme then code.</summary>
    Task<IReadOnlyList<OffsetProject>> ListProjectsAsync(OffsetProjectFilter filter);

    /// <summary>Every code the programme has used (to number the next project).</summary>
    Task<IReadOnlyList<string>> CodesAsync(UnitType programme);

    /// <summary>Inserts and returns the project with its id; a code used before in the programme is a <see cref="StoreConflictException"/>.</summary>
    Task<OffsetProject> InsertProjectAsync(OffsetProject project);

    Task<OffsetProject> UpdateProjectAsync(OffsetProject project);

    Task<MonitoringReport?> FindReportAsync(long id);

    /// <summary>A project's monitoring reports, by period.</summary>
    Task<IReadOnlyList<MonitoringReport>> ReportsAsync(long projectId);

    /// <summary>The monitoring reports of the projects among <paramref name="projectIds"/>, each project's by period: one statement for a queue.</summary>
    Task<IReadOnlyList<MonitoringReport>> ReportsOfAsync(IReadOnlyCollection<long> projectIds);

    Task<MonitoringReport> InsertReportAsync(MonitoringReport report);

    Task<MonitoringReport> UpdateReportAsync(MonitoringReport report);

    Task AddStepAsync(OffsetStep step);

    /// <summary>A project's status history, oldest first.</summary>
    Task<IReadOnlyList<OffsetStep>> StepsAsync(long projectId);

    Task<OffsetDocument> InsertDocumentAsync(OffsetDocument document, byte[] content);

    /// <summary>A project's documents (without their bytes), oldest first.</summary>
    Task<IReadOnlyList<OffsetDocument>> DocumentsAsync(long projectId);

    Task<(OffsetDocument Document, byte[] Content)?> FindDocumentAsync(long id);
}

/// <summary>Filter for <see cref="IOffsetsData.ListProjectsAsync"/>; null fields match all.</summary>
public sealed record OffsetProjectFilter(UnitType? Programme = null, ProjectStatus? Status = null, long? OrganisationId = null);
