using OpenEts.Application.Allocation;
using OpenEts.Domain.Allocation;

namespace OpenEts.Application.Storage;

/// <summary>
/// Allocation's tables: plan versions (documents as JSON) and the allocations run (one per jurisdiction, year, entity
/// and stage, with the calculation as JSON). Only <see cref="AllocationCommandHandler"/> writes them and only
/// <see cref="AllocationQueries"/> reads them for other modules.
/// </summary>
public interface IAllocationData
{
    /// <summary>Every version of every plan, by plan id, then version.</summary>
    Task<IReadOnlyList<StoredPlan>> ListPlansAsync();

    Task<StoredPlan?> FindPlanAsync(string planId, int version);

    /// <summary>Inserts a new version; an existing (plan, version) is a <see cref="StoreConflictException"/>.</summary>
    Task InsertPlanAsync(StoredPlan plan);

    /// <summary>Replaces the document and status of a draft version; throws when the stored version is not a draft.</summary>
    Task UpdateDraftAsync(StoredPlan plan);

    /// <summary>The allocations stored for a jurisdiction and year (all entities, both stages), by entity then stage.</summary>
    Task<IReadOnlyList<AllocationRecord>> ListAllocationsAsync(string jurisdiction, int year);

    /// <summary>One entity's allocations of a year (pre and final, where run).</summary>
    Task<IReadOnlyList<AllocationRecord>> FindAllocationsAsync(string jurisdiction, int year, string organisation);

    /// <summary>Inserts or replaces the records of their (jurisdiction, year, entity, stage).</summary>
    Task SaveAllocationsAsync(IReadOnlyList<AllocationRecord> records);

    /// <summary>The special circumstances recorded for a jurisdiction and year, by entity then kind.</summary>
    Task<IReadOnlyList<SpecialCircumstance>> ListCircumstancesAsync(string jurisdiction, int year);

    /// <summary>Inserts or replaces the circumstance of its (jurisdiction, year, entity, kind).</summary>
    Task SaveCircumstanceAsync(SpecialCircumstance circumstance);
}
