using OpenEts.Domain.Organisations;

namespace OpenEts.Storage.Tests;

// One transaction running the same statements many times (a group commit's orders): each execution binds its own
// values, on every database (SQLite reuses the compiled statement within a session).
public abstract partial class StoreContract<TDb>
{
    [Fact]
    public async Task Session_SameStatementsManyTimesInOneTransaction_EachExecutionSeesItsOwnValues()
    {
        await using var store = await Db.CreateStoreAsync();
        string[] codes = ["91441800MA5CY1002", "91440200MA5CY1003", "91440600MA5CY1004"];

        var (inserted, found, missing) = await store.WriteAsync(async s =>
        {
            var inserted = new List<Organisation>();
            foreach (var (code, i) in codes.Select((c, i) => (c, i)))
            {
                inserted.Add(await s.Organisations.InsertAsync(Company(code, $"公司{i}"), Now));
            }
            var found = new List<Organisation?>();
            foreach (var o in inserted.AsEnumerable().Reverse())
            {
                found.Add(await s.Organisations.FindByIdAsync(o.Id));
                found.Add(await s.Organisations.FindByCodeAsync(o.Code));
            }
            var missing = await s.Organisations.FindByIdAsync(inserted.Max(o => o.Id) + 1);
            return (inserted, found, missing);
        }, Ct);
        var afterCommit = await store.ReadAsync(s => s.Organisations.FindByIdAsync(inserted[1].Id), Ct);

        Assert.Equal(["公司2", "公司2", "公司1", "公司1", "公司0", "公司0"], found.Select(o => o?.Name ?? "").ToArray());
        Assert.Null(missing);
        Assert.Equal(inserted[1], afterCommit);
    }
}
