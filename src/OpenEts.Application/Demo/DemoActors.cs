using OpenEts.Application.Identity;
using OpenEts.Application.Storage;

namespace OpenEts.Application.Demo;

/// <summary>The demo seeders' one way to act as a demo user.</summary>
internal static class DemoActors
{
    /// <summary>The demo user <paramref name="userName"/> as an actor; throws when the demo market was not seeded.</summary>
    public static async Task<Actor> FindAsync(IStore store, string userName, CancellationToken ct)
    {
        var user = await store.ReadAsync(s => s.Users.FindByNameAsync(userName), ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"the demo user {userName} does not exist");
        return new Actor(user.Id, user.UserName, user.Role, user.OrganisationId);
    }
}
