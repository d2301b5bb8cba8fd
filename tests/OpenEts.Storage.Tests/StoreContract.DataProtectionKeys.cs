using OpenEts.Application.Storage;

namespace OpenEts.Storage.Tests;

// The web server's data-protection key ring: what the key manager stores comes back, on this store and on the next.
public abstract partial class StoreContract<TDb>
{
    private const string KeyA = "<key id=\"0f6f2a4e-0000-4000-8000-00000000000a\" version=\"1\"><creationDate>2026-11-25T09:30:00Z</creationDate></key>";
    private const string KeyB = "<key id=\"0f6f2a4e-0000-4000-8000-00000000000b\" version=\"1\"><creationDate>2026-11-26T09:30:00Z</creationDate></key>";

    [Fact]
    public async Task DataProtectionKeys_Added_AreListedBackOldestFirst()
    {
        await using var store = await Db.CreateStoreAsync();

        var empty = await store.ReadAsync(s => s.DataProtectionKeys.AllAsync(), Ct);
        var addedA = await store.WriteAsync(s => s.DataProtectionKeys.AddAsync("key-a", KeyA, Now), Ct);
        var addedB = await store.WriteAsync(s => s.DataProtectionKeys.AddAsync("key-b", KeyB, Now.AddDays(1)), Ct);
        var all = await store.ReadAsync(s => s.DataProtectionKeys.AllAsync(), Ct);

        Assert.Empty(empty);
        Assert.True(addedA);
        Assert.True(addedB);
        Assert.Equal([KeyA, KeyB], all);
    }

    [Fact]
    public async Task DataProtectionKeys_SameFriendlyNameTwice_KeepsTheFirstAndReturnsFalse()
    {
        await using var store = await Db.CreateStoreAsync();
        await store.WriteAsync(s => s.DataProtectionKeys.AddAsync("key-a", KeyA, Now), Ct);

        var again = await store.WriteAsync(s => s.DataProtectionKeys.AddAsync("key-a", KeyB, Now.AddMinutes(1)), Ct);
        var all = await store.ReadAsync(s => s.DataProtectionKeys.AllAsync(), Ct);

        Assert.False(again);
        Assert.Equal([KeyA], all);
    }

    [Fact]
    public async Task DataProtectionKeys_FromAnotherStoreOnTheSameDatabase_AreSeen()
    {
        await using var first = await Db.CreateStoreAsync();
        await first.WriteAsync(s => s.DataProtectionKeys.AddAsync("key-a", KeyA, Now), Ct);
        await using var second = await SqlStore.OpenAsync(Db.LastDatabase, Ct);

        await second.WriteAsync(s => s.DataProtectionKeys.AddAsync("key-b", KeyB, Now), Ct);
        var seenBySecond = await second.ReadAsync(s => s.DataProtectionKeys.AllAsync(), Ct);
        var seenByFirst = await first.ReadAsync(s => s.DataProtectionKeys.AllAsync(), Ct);

        Assert.Equal([KeyA, KeyB], seenBySecond);
        Assert.Equal([KeyA, KeyB], seenByFirst);
    }

    [Fact]
    public async Task DataProtectionKeys_Added_StayOutOfTheJournal()
    {
        await using var store = await Db.CreateStoreAsync();

        await store.WriteAsync(s => s.DataProtectionKeys.AddAsync("key-a", KeyA, Now), Ct);

        Assert.Equal(0, await store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter()), Ct));
    }
}
