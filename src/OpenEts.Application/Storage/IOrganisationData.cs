using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Storage;

/// <summary>Organisations and the covered-entity list.</summary>
public interface IOrganisationData
{
    Task<Organisation?> FindByCodeAsync(CreditCode code);

    Task<Organisation?> FindByIdAsync(long id);

    /// <summary>The organisations among <paramref name="ids"/> that exist, in no order: one statement for a list's names.</summary>
    Task<IReadOnlyList<Organisation>> FindByIdsAsync(IReadOnlyCollection<long> ids);

    /// <summary>Lists organisations matching the filter, ordered by kind then name.</summary>
    Task<IReadOnlyList<Organisation>> ListAsync(OrganisationFilter filter);

    Task<long> CountAsync();

    /// <summary>Inserts and returns the organisation with its new id.</summary>
    Task<Organisation> InsertAsync(Organisation organisation, DateTimeOffset now);

    Task UpdateAsync(Organisation organisation, DateTimeOffset now);
}

/// <summary>Filter for <see cref="IOrganisationData.ListAsync"/>; null fields match all.</summary>
/// <param name="Jurisdiction">Only the organisations covered by this market.</param>
public sealed record OrganisationFilter(
    OrganisationKind? Kind = null, Sector? Sector = null, CoverageStatus? Status = null, string? Search = null,
    MarketJurisdiction? Jurisdiction = null);
