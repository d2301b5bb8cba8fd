using OpenEts.Domain.Identity;

namespace OpenEts.Application.Identity;

/// <summary>Who is acting: the signed-in user as the use cases see them.</summary>
public sealed record Actor(long UserId, string UserName, Role Role, long? OrganisationId)
{
    /// <summary>True when an API token, not a signed-in session, authenticated this actor.</summary>
    public bool ViaToken { get; init; }

    /// <summary>The platform itself (seeding, migrations).</summary>
    public static Actor System { get; } = new(0, "system", Role.Regulator, null);
}
