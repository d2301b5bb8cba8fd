using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Identity;

/// <summary>Who is acting: the signed-in user as the use cases see them, or a data partner through its key.</summary>
public sealed record Actor(long UserId, string UserName, Role Role, long? OrganisationId)
{
    /// <summary>True when an API token, not a signed-in session, authenticated this actor.</summary>
    public bool ViaToken { get; init; }

    /// <summary>For a <see cref="Role.DataPartner"/>: the partner's id and what its key may submit; null for a person.</summary>
    public (long Id, PartnerScope Scope)? Partner { get; init; }

    /// <summary>The platform itself (seeding, migrations).</summary>
    public static Actor System { get; } = new(0, "system", Role.Regulator, null);

    /// <summary>Data partner <paramref name="id"/> acting through its key (journalled as <c>partner-7</c>).</summary>
    public static Actor ForPartner(long id, PartnerScope scope) =>
        new(0, $"partner-{id}", Role.DataPartner, null) { ViaToken = true, Partner = (id, scope) };
}
