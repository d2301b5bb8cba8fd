using OpenEts.Application.Identity;
using OpenEts.Domain.Identity;

namespace OpenEts.Storage.Tests;

// User management and two-factor state (migration 0004): what is stored comes back, on every database.
public abstract partial class StoreContract<TDb>
{
    [Fact]
    public async Task Users_TemporaryPasswordAccessAndTwoFactor_RoundTrip()
    {
        await using var store = await Db.CreateStoreAsync();
        var user = await store.WriteAsync(s => s.Users.InsertAsync(NewUser("temp"), Now), Ct);
        var state = new TwoFactorState("CfDJ8-protected", Now, 59_000_123, "aa bb cc");

        await store.WriteAsync(async s =>
        {
            await s.Users.SetPasswordAsync(user.Id, "new-hash", mustChange: true);
            await s.Users.UpdateAccessAsync(user.Id, "临时用户", Role.Verifier, null);
            await s.Users.SetTwoFactorAsync(user.Id, state);
            return 0;
        }, Ct);
        var found = await store.ReadAsync(s => s.Users.FindAsync(user.Id), Ct);
        var all = await store.ReadAsync(s => s.Users.ListAllAsync(), Ct);

        Assert.False(user.MustChangePassword);
        Assert.True(found!.MustChangePassword);
        Assert.Equal("new-hash", found.PasswordHash);
        Assert.Equal(("临时用户", Role.Verifier), (found.DisplayName, found.Role));
        Assert.Equal(state, found.TwoFactor);
        Assert.True(found.TwoFactor.IsEnabled);
        Assert.Equal(["aa", "bb", "cc"], found.TwoFactor.RecoveryHashes);
        Assert.Contains(all, u => u.Id == user.Id);
    }
}
