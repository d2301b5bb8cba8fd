using OpenEts.Application.Organisations;
using OpenEts.Application.Storage;
using OpenEts.Domain.Organisations;

namespace OpenEts.Server.Pages.Users;

/// <summary>What the user pages' forms offer: the organisations of the covered-entity list (and the other kinds) to pick from.</summary>
internal static class UserForm
{
    public static Task<IReadOnlyList<Organisation>> OrganisationsAsync(OrganisationService organisations, CancellationToken ct) =>
        organisations.ListAsync(new OrganisationFilter(), ct);
}
