using OpenEts.Application;
using OpenEts.Application.Demo;
using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Journal;
using OpenEts.Domain.Organisations;
using OpenEts.Storage.Tests.Infrastructure;

namespace OpenEts.Storage.Tests;

/// <summary>The storage contract: the same tests on every database.</summary>
public abstract partial class StoreContract<TDb>(TDb db) where TDb : ITestDatabase
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    protected TDb Db { get; } = db;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected static Organisation Company(string first17, string name, Sector sector = Sector.Cement) =>
        new(0, CreditCode.Parse(first17 + CreditCode.CheckCharacter(first17)).Code, name, OrganisationKind.Company, sector,
            "广州市", CoverageStatus.Covered);

    [Fact]
    public async Task Open_Twice_AppliesEachMigrationOnce()
    {
        await using var first = await Db.CreateMigratedFromNothingAsync();
        await using var second = await SqlStore.OpenAsync(Db.LastDatabase, Ct);

        var count = await second.ReadAsync(s => s.Organisations.CountAsync(), Ct);

        Assert.Equal(0, count);
    }

    [Fact]
    public async Task Organisation_InsertThenFind_RoundTripsEveryField()
    {
        await using var store = await Db.CreateStoreAsync();
        var o = Company("91441800MA5CY1002", "北江示范水泥有限公司") with { Status = CoverageStatus.NewEntrant, Region = "清远市" };

        var saved = await store.WriteAsync(s => s.Organisations.InsertAsync(o, Now), Ct);
        var found = await store.ReadAsync(s => s.Organisations.FindByCodeAsync(o.Code), Ct);

        Assert.True(saved.Id > 0);
        Assert.Equal(saved, found);
    }

    [Fact]
    public async Task Organisation_ListWithFilters_ReturnsOnlyMatches()
    {
        await using var store = await Db.CreateStoreAsync();
        await store.WriteAsync(async s =>
        {
            await s.Organisations.InsertAsync(Company("91441800MA5CY1002", "北江水泥", Sector.Cement), Now);
            await s.Organisations.InsertAsync(Company("91440200MA5CY1003", "韶关钢铁", Sector.Steel), Now);
            await s.Organisations.InsertAsync(Company("91440600MA5CY1004", "佛山纸业", Sector.Paper) with { Status = CoverageStatus.Left }, Now);
            return 0;
        }, Ct);

        var steel = await store.ReadAsync(s => s.Organisations.ListAsync(new OrganisationFilter(Sector: Sector.Steel)), Ct);
        var left = await store.ReadAsync(s => s.Organisations.ListAsync(new OrganisationFilter(Status: CoverageStatus.Left)), Ct);
        var search = await store.ReadAsync(s => s.Organisations.ListAsync(new OrganisationFilter(Search: "水泥")), Ct);

        Assert.Equal(["韶关钢铁"], steel.Select(o => o.Name).ToArray());
        Assert.Equal(["佛山纸业"], left.Select(o => o.Name).ToArray());
        Assert.Equal(["北江水泥"], search.Select(o => o.Name).ToArray());
    }

    [Fact]
    public async Task Organisation_InsertDuplicateCode_ThrowsConflictAndKeepsTheFirst()
    {
        await using var store = await Db.CreateStoreAsync();
        var o = Company("91441800MA5CY1002", "First");
        await store.WriteAsync(s => s.Organisations.InsertAsync(o, Now), Ct);

        await Assert.ThrowsAsync<StoreConflictException>(() =>
            store.WriteAsync(s => s.Organisations.InsertAsync(o with { Name = "Second" }, Now), Ct));

        var all = await store.ReadAsync(s => s.Organisations.ListAsync(new OrganisationFilter()), Ct);
        Assert.Equal(["First"], all.Select(x => x.Name).ToArray());
    }

    [Fact]
    public async Task Write_WhenWorkThrows_LeavesNothingBehind()
    {
        await using var store = await Db.CreateStoreAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteAsync<int>(async s =>
        {
            await s.Organisations.InsertAsync(Company("91441800MA5CY1002", "Half"), Now);
            await s.Journal.AppendAsync(Now, "regulator", "entity.created", "x", "{}");
            throw new InvalidOperationException("fails after writing");
        }, Ct));

        Assert.Equal(0, await store.ReadAsync(s => s.Organisations.CountAsync(), Ct));
        Assert.Equal(0, await store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter()), Ct));
    }

    [Fact]
    public async Task Journal_ConcurrentWriters_StayGaplessAndVerify()
    {
        await using var store = await Db.CreateStoreAsync();

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            store.WriteAsync(s => s.Journal.AppendAsync(Now.AddSeconds(i), $"user{i % 3}", "test.event", $"S{i}",
                Json.Object(("i", i))), Ct), Ct)));

        var entries = await JournalEntriesAsync(store);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Null(JournalVerifier.FindFirstBreak(entries));
    }

    [Fact]
    public async Task Journal_PageWithFilters_ReturnsNewestFirst()
    {
        await using var store = await Db.CreateStoreAsync();
        await store.WriteAsync(async s =>
        {
            for (var i = 0; i < 7; i++)
            {
                await s.Journal.AppendAsync(Now.AddMinutes(i), i % 2 == 0 ? "regulator" : "power-a",
                    i < 4 ? "entity.created" : "token.created", i % 2 == 0 ? "A" : "B", "{}");
            }
            return 0;
        }, Ct);

        var byActor = await store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(Actor: "regulator"), 0, 10), Ct);
        var byKind = await store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: "token."), 0, 10), Ct);
        var page2 = await store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(), 3, 3), Ct);

        Assert.Equal([7L, 5, 3, 1], byActor.Select(e => e.Sequence).ToArray());
        Assert.Equal([7L, 6, 5], byKind.Select(e => e.Sequence).ToArray());
        Assert.Equal([4L, 3, 2], page2.Select(e => e.Sequence).ToArray());
    }

    [Fact]
    public async Task Journal_UpdateOrDelete_IsRefusedByTheDatabase()
    {
        await using var store = await Db.CreateStoreAsync();
        await store.WriteAsync(s => s.Journal.AppendAsync(Now, "regulator", "entity.created", "A", "{}"), Ct);

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            ExecuteAsync(store, "UPDATE journal SET actor = 'intruder'"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => ExecuteAsync(store, "DELETE FROM journal"));

        var (_, broken) = await new OpenEts.Application.Audit.AuditLog(store).VerifyAsync(Ct);
        Assert.Null(broken);
    }

    [Fact]
    public async Task Users_SignInStateAndTokens_RoundTrip()
    {
        await using var store = await Db.CreateStoreAsync();
        var user = await store.WriteAsync(s => s.Users.InsertAsync(
            new UserRecord(0, "power-a", "李电力", Role.CompanyRepresentative, null, "hash", 0, null), Now), Ct);
        await store.WriteAsync(async s =>
        {
            await s.Users.SetSignInStateAsync(user.Id, 3, Now.AddMinutes(15));
            return await s.Users.InsertTokenAsync(new ApiTokenRecord(0, user.Id, "batch", "h1", "oets_abc", Now, null, Now.AddDays(90), TokenScope.ReadWrite, null));
        }, Ct);

        var found = await store.ReadAsync(s => s.Users.FindByNameAsync("power-a"), Ct);
        var token = await store.ReadAsync(s => s.Users.FindTokenByHashAsync("h1"), Ct);
        var revoked = await store.WriteAsync(s => s.Users.RevokeTokenAsync(user.Id, token!.Id, Now), Ct);
        var again = await store.WriteAsync(s => s.Users.RevokeTokenAsync(user.Id, token!.Id, Now), Ct);

        Assert.Equal(3, found!.FailedCount);
        Assert.Equal(Now.AddMinutes(15), found.LockedUntil);
        Assert.Equal(Role.CompanyRepresentative, found.Role);
        Assert.Equal("batch", token!.Name);
        Assert.True(revoked);
        Assert.False(again);
    }

    [Fact]
    public async Task DemoMarket_SeedsOnceIntoAnEmptyDatabase()
    {
        await using var store = await Db.CreateStoreAsync();
        var demo = new DemoMarket(store, new FakeHashing());

        var first = await demo.SeedIfEmptyAsync(Now, Ct);
        var second = await demo.SeedIfEmptyAsync(Now, Ct);

        var companies = await store.ReadAsync(s => s.Organisations.ListAsync(new OrganisationFilter(Kind: OrganisationKind.Company)), Ct);
        Assert.True(first);
        Assert.False(second);
        Assert.Equal([Sector.Power, Sector.Cement, Sector.Steel, Sector.Paper, Sector.Aviation],
            companies.Select(c => c.Sector).Order().ToArray());
        foreach (var c in companies)
        {
            var reps = await store.ReadAsync(s => s.Users.ListByOrganisationAsync(c.Id), Ct);
            Assert.Equal(2, reps.Count(r => r.Role == Role.CompanyRepresentative));
        }
    }

    private static async Task ExecuteAsync(SqlStore store, string sql)
    {
        await using var connection = await store.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    // Every journal entry stored, in sequence order.
    private static Task<List<JournalEntry>> JournalEntriesAsync(SqlStore store) => store.ReadAsync(async s =>
    {
        var read = new List<JournalEntry>();
        await foreach (var e in s.Journal.ReadAllAsync(1).WithCancellation(Ct))
        {
            read.Add(e);
        }
        return read;
    }, Ct);
}

public sealed class SqliteStoreTests(SqliteDb db) : StoreContract<SqliteDb>(db), IClassFixture<SqliteDb>;

public sealed class PostgresStoreTests(PostgresDb db) : StoreContract<PostgresDb>(db), IClassFixture<PostgresDb>;
