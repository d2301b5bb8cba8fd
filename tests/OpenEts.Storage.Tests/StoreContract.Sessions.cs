using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;

namespace OpenEts.Storage.Tests;

// Security stamps, disabled accounts and the tokens' expiry, scope and last use: what is stored comes back.
public abstract partial class StoreContract<TDb>
{
    private static UserRecord NewUser(string name) => new(0, name, name, Role.Auditor, null, "hash", 0, null);

    private static ApiTokenRecord NewToken(long userId, string hash, TokenScope scope = TokenScope.ReadWrite) =>
        new(0, userId, "nightly", hash, "oets_abc", Now, null, Now.AddDays(30), scope, null);

    [Fact]
    public async Task Users_Inserted_GetARandomStampThatCanBeReplaced()
    {
        await using var store = await Db.CreateStoreAsync();
        var a = await store.WriteAsync(s => s.Users.InsertAsync(NewUser("a"), Now), Ct);
        var b = await store.WriteAsync(s => s.Users.InsertAsync(NewUser("b"), Now), Ct);

        await store.WriteAsync(async s => { await s.Users.SetSecurityStampAsync(a.Id, "new-stamp"); return 0; }, Ct);
        var found = await store.ReadAsync(s => s.Users.FindAsync(a.Id), Ct);

        Assert.Equal(32, a.SecurityStamp.Length);
        Assert.NotEqual(a.SecurityStamp, b.SecurityStamp);
        Assert.Equal("new-stamp", found!.SecurityStamp);
        Assert.Equal(b.SecurityStamp, (await store.ReadAsync(s => s.Users.FindAsync(b.Id), Ct))!.SecurityStamp);
    }

    [Fact]
    public async Task Users_IdsByNames_AnswerOnlyTheUsersOfThatRole()
    {
        await using var store = await Db.CreateStoreAsync();
        var citizen = await store.WriteAsync(s => s.Users.InsertAsync(NewUser("citizen-1") with { Role = Role.Citizen }, Now), Ct);
        var other = await store.WriteAsync(s => s.Users.InsertAsync(NewUser("citizen-2") with { Role = Role.Citizen }, Now), Ct);
        await store.WriteAsync(s => s.Users.InsertAsync(NewUser("auditor-1"), Now), Ct);

        var ids = await store.ReadAsync(s => s.Users.IdsByNamesAsync(["citizen-1", "auditor-1", "nobody", "Citizen-2"], Role.Citizen), Ct);

        // The auditor is not a citizen, nobody is no one, and names are compared exactly (Citizen-2 is not citizen-2).
        Assert.Equal(new Dictionary<string, long> { ["citizen-1"] = citizen.Id }, ids);
        Assert.Equal(other.Id, (await store.ReadAsync(s => s.Users.IdsByNamesAsync(["citizen-2"], Role.Citizen), Ct))["citizen-2"]);
    }

    [Fact]
    public async Task Users_DisabledThenEnabled_RoundTripsAndReportsChange()
    {
        await using var store = await Db.CreateStoreAsync();
        var user = await store.WriteAsync(s => s.Users.InsertAsync(NewUser("a"), Now), Ct);

        var disabled = await store.WriteAsync(s => s.Users.SetDisabledAsync(user.Id, Now), Ct);
        var twice = await store.WriteAsync(s => s.Users.SetDisabledAsync(user.Id, Now.AddHours(1)), Ct);
        var whileDisabled = await store.ReadAsync(s => s.Users.FindByNameAsync("a"), Ct);
        var enabled = await store.WriteAsync(s => s.Users.SetDisabledAsync(user.Id, null), Ct);
        var after = await store.ReadAsync(s => s.Users.FindByNameAsync("a"), Ct);

        Assert.Null(user.DisabledAt);
        Assert.True(disabled);
        Assert.False(twice);
        Assert.Equal(Now, whileDisabled!.DisabledAt);
        Assert.True(enabled);
        Assert.Null(after!.DisabledAt);
    }

    [Fact]
    public async Task Tokens_ExpiryScopeAndLastUse_RoundTrip()
    {
        await using var store = await Db.CreateStoreAsync();
        var user = await store.WriteAsync(s => s.Users.InsertAsync(NewUser("a"), Now), Ct);
        var token = await store.WriteAsync(s => s.Users.InsertTokenAsync(NewToken(user.Id, "h-read", TokenScope.Read)), Ct);

        var fresh = await store.ReadAsync(s => s.Users.FindTokenByHashAsync("h-read"), Ct);
        await store.WriteAsync(s => s.Users.MarkTokenUsedAsync(token.Id, Now.AddMinutes(5)), Ct);
        var earlier = await store.WriteAsync(s => s.Users.MarkTokenUsedAsync(token.Id, Now.AddMinutes(1)), Ct);
        var used = await store.ReadAsync(s => s.Users.ListTokensAsync(user.Id), Ct);

        Assert.Equal(token, fresh);
        Assert.Equal(Now.AddDays(30), fresh!.ExpiresAt);
        Assert.Equal(TokenScope.Read, fresh.Scope);
        Assert.Null(fresh.LastUsedAt);
        Assert.False(earlier);
        Assert.Equal(Now.AddMinutes(5), Assert.Single(used).LastUsedAt);
    }

    [Fact]
    public async Task Tokens_RevokeAll_RevokesOnlyThatUsersLiveTokens()
    {
        await using var store = await Db.CreateStoreAsync();
        var a = await store.WriteAsync(s => s.Users.InsertAsync(NewUser("a"), Now), Ct);
        var b = await store.WriteAsync(s => s.Users.InsertAsync(NewUser("b"), Now), Ct);
        var a1 = await store.WriteAsync(s => s.Users.InsertTokenAsync(NewToken(a.Id, "a1")), Ct);
        await store.WriteAsync(s => s.Users.InsertTokenAsync(NewToken(a.Id, "a2")), Ct);
        await store.WriteAsync(s => s.Users.InsertTokenAsync(NewToken(b.Id, "b1")), Ct);
        await store.WriteAsync(s => s.Users.RevokeTokenAsync(a.Id, a1.Id, Now), Ct);

        var revoked = await store.WriteAsync(s => s.Users.RevokeAllTokensAsync(a.Id, Now.AddHours(1)), Ct);
        var aTokens = await store.ReadAsync(s => s.Users.ListTokensAsync(a.Id), Ct);
        var bToken = await store.ReadAsync(s => s.Users.FindTokenByHashAsync("b1"), Ct);

        Assert.Equal(1, revoked);
        Assert.All(aTokens, t => Assert.NotNull(t.RevokedAt));
        Assert.Equal(Now, aTokens.Single(t => t.Id == a1.Id).RevokedAt);
        Assert.Null(bToken!.RevokedAt);
    }
}
