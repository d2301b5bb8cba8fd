using OpenEts.Application.Identity;
using OpenEts.Domain.Identity;
using OpenEts.Storage.Tests.Infrastructure;

namespace OpenEts.Storage.Tests;

// IStore.UsersVersion, what the API-token cache compares: moved by every committed change to a user or a token, and by
// nothing else; and the cache itself, on every database.
public abstract partial class StoreContract<TDb>
{
    private const string CachedSecret = "oets_cached-token-for-the-contract-000000000000";

    [Fact]
    public async Task UsersVersion_EachCommittedUserOrTokenWrite_MovesIt()
    {
        await using var store = await Db.CreateStoreAsync();
        var moves = new List<bool>();
        async Task<T> Step<T>(Func<Application.Storage.IStoreSession, Task<T>> work)
        {
            var before = store.UsersVersion;
            var result = await store.WriteAsync(work, Ct);
            moves.Add(store.UsersVersion > before);
            return result;
        }

        var user = await Step(s => s.Users.InsertAsync(NewUser("v"), Now));
        var token = await Step(s => s.Users.InsertTokenAsync(NewToken(user.Id, "hash-v")));
        await Step(async s => { await s.Users.UpdateAccessAsync(user.Id, "v", Role.Verifier, null); return 0; });
        await Step(async s => { await s.Users.SetPasswordAsync(user.Id, "h2", mustChange: false); return 0; });
        await Step(async s => { await s.Users.UpdatePasswordHashAsync(user.Id, "h3"); return 0; });
        await Step(async s => { await s.Users.SetSecurityStampAsync(user.Id, "stamp"); return 0; });
        await Step(async s => { await s.Users.SetSignInStateAsync(user.Id, 1, null); return 0; });
        await Step(s => s.Users.SetDisabledAsync(user.Id, Now));
        await Step(s => s.Users.SetDisabledAsync(user.Id, null));
        await Step(s => s.Users.RevokeTokenAsync(user.Id, token.Id, Now));
        await Step(s => s.Users.RevokeAllTokensAsync(user.Id, Now));

        Assert.All(moves, Assert.True);
    }

    [Fact]
    public async Task UsersVersion_RolledBackWriteTokenUseOrOtherTables_LeaveIt()
    {
        await using var store = await Db.CreateStoreAsync();
        var user = await store.WriteAsync(s => s.Users.InsertAsync(NewUser("v"), Now), Ct);
        var token = await store.WriteAsync(s => s.Users.InsertTokenAsync(NewToken(user.Id, "hash-v")), Ct);
        var before = store.UsersVersion;

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteAsync<int>(async s =>
        {
            await s.Users.SetDisabledAsync(user.Id, Now);
            throw new InvalidOperationException("rolled back");
        }, Ct));
        await store.WriteAsync(s => s.Users.MarkTokenUsedAsync(token.Id, Now), Ct);
        await store.WriteAsync(s => s.Organisations.InsertAsync(Company("91441800MA5CY1002", "北江水泥"), Now), Ct);

        Assert.Equal(before, store.UsersVersion);
        Assert.Null((await store.ReadAsync(s => s.Users.FindAsync(user.Id), Ct))!.DisabledAt);
    }

    [Fact]
    public async Task AuthenticateToken_UsedThenExpiredRevokedOrDisabled_RefusedByTheNextRequest()
    {
        await using var store = await Db.CreateStoreAsync();
        var signIn = new SignIn(store, new FakeHashing());
        var user = await store.WriteAsync(s => s.Users.InsertAsync(NewUser("trader"), Now), Ct);
        var token = await store.WriteAsync(s => s.Users.InsertTokenAsync(
            NewToken(user.Id, SignIn.HashToken(CachedSecret)) with { ExpiresAt = Now.AddSeconds(2) }), Ct);

        var live = await signIn.AuthenticateTokenAsync(CachedSecret, Now, Ct);
        var again = await signIn.AuthenticateTokenAsync(CachedSecret, Now.AddSeconds(1), Ct);
        var expired = await signIn.AuthenticateTokenAsync(CachedSecret, Now.AddSeconds(2), Ct);
        await store.WriteAsync(async s =>
        {
            await s.Users.RevokeAllTokensAsync(user.Id, Now);
            return await s.Users.InsertTokenAsync(NewToken(user.Id, SignIn.HashToken(CachedSecret + "2")));
        }, Ct);
        var second = await signIn.AuthenticateTokenAsync(CachedSecret + "2", Now, Ct);
        await store.WriteAsync(async s => { await s.Users.UpdateAccessAsync(user.Id, "trader", Role.Verifier, null); return 0; }, Ct);
        var newRole = await signIn.AuthenticateTokenAsync(CachedSecret + "2", Now, Ct);
        await store.WriteAsync(s => s.Users.SetDisabledAsync(user.Id, Now), Ct);
        var disabled = await signIn.AuthenticateTokenAsync(CachedSecret + "2", Now, Ct);
        await store.WriteAsync(s => s.Users.SetDisabledAsync(user.Id, null), Ct);
        await store.WriteAsync(s => s.Users.RevokeAllTokensAsync(user.Id, Now), Ct);
        var revoked = await signIn.AuthenticateTokenAsync(CachedSecret + "2", Now, Ct);

        Assert.Equal((token.Id, token.Id), (live?.Token.Id, again?.Token.Id));
        Assert.Null(expired);
        Assert.Equal(Role.Auditor, second?.User.Role);
        Assert.Equal(Role.Verifier, newRole?.User.Role);
        Assert.Null(disabled);
        Assert.Null(revoked);
    }

    [Fact]
    public async Task AuthenticateToken_UserDisabledByAnotherProcess_RefusedWithinTheCacheLife()
    {
        await using var store = await Db.CreateStoreAsync();
        await using var other = await SqlStore.OpenAsync(Db.LastDatabase, Ct);
        var signIn = new SignIn(store, new FakeHashing());
        var user = await store.WriteAsync(s => s.Users.InsertAsync(NewUser("trader"), Now), Ct);
        await store.WriteAsync(async s =>
        {
            await s.Users.InsertTokenAsync(NewToken(user.Id, SignIn.HashToken(CachedSecret)));
            return await s.Users.InsertTokenAsync(NewToken(user.Id, SignIn.HashToken(CachedSecret + "2")));
        }, Ct);

        var first = await signIn.AuthenticateTokenAsync(CachedSecret, Now, Ct);
        var second = await signIn.AuthenticateTokenAsync(CachedSecret + "2", Now, Ct);
        await other.WriteAsync(s => s.Users.SetDisabledAsync(user.Id, Now), Ct);
        var atTheBound = await signIn.AuthenticateTokenAsync(CachedSecret, Now + SignIn.TokenCacheLife, Ct);
        var clockSetBack = await signIn.AuthenticateTokenAsync(CachedSecret + "2", Now.AddSeconds(-1), Ct);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Null(atTheBound);
        Assert.Null(clockSetBack);
    }
}
