using OpenEts.Application.Storage;
using OpenEts.Domain.Organisations;

namespace OpenEts.Storage.Tests;

// The organisation search matches its text literally: LIKE's wildcards in a name typed by the user are only characters.
public abstract partial class StoreContract<TDb>
{
    [Theory]
    [InlineData("100%", "百分百100%能源")]
    [InlineData("A_B", "A_B热电")]
    [InlineData("C\\D", "C\\D纸业")]
    public async Task Issue_8_OrganisationSearch_MatchesPercentUnderscoreAndBackslashLiterally(string search, string expected)
    {
        await using var store = await Db.CreateStoreAsync();
        await store.WriteAsync(async s =>
        {
            await s.Organisations.InsertAsync(Company("91441800MA5CY2001", "百分百100%能源"), Now);
            await s.Organisations.InsertAsync(Company("91441800MA5CY2002", "百分百1000能源"), Now);
            await s.Organisations.InsertAsync(Company("91441800MA5CY2003", "A_B热电"), Now);
            await s.Organisations.InsertAsync(Company("91441800MA5CY2004", "AXB热电"), Now);
            await s.Organisations.InsertAsync(Company("91441800MA5CY2005", "C\\D纸业"), Now);
            await s.Organisations.InsertAsync(Company("91441800MA5CY2006", "CD纸业"), Now);
            return 0;
        }, Ct);

        var found = await store.ReadAsync(s => s.Organisations.ListAsync(new OrganisationFilter(Search: search)), Ct);

        Assert.Equal([expected], found.Select(o => o.Name));
    }

    [Fact]
    public async Task Organisations_FindByIds_ReturnsThoseThatExist_InOneRead()
    {
        await using var store = await Db.CreateStoreAsync();
        var (north, south) = await store.WriteAsync(async s => (
            await s.Organisations.InsertAsync(Company("91441800MA5CY2011", "北江水泥"), Now),
            await s.Organisations.InsertAsync(Company("91441800MA5CY2012", "南江水泥"), Now)), Ct);
        await store.WriteAsync(s => s.Organisations.InsertAsync(Company("91441800MA5CY2013", "东江水泥"), Now), Ct);

        var found = await store.ReadAsync(s => s.Organisations.FindByIdsAsync([south.Id, north.Id, south.Id, 99_999]), Ct);
        var none = await store.ReadAsync(s => s.Organisations.FindByIdsAsync([]), Ct);

        Assert.Equal(["北江水泥", "南江水泥"], found.Select(o => o.Name).Order(StringComparer.Ordinal));
        Assert.Equal(south.Code, found.Single(o => o.Id == south.Id).Code);
        Assert.Empty(none);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    public async Task Issue_8_OrganisationSearch_ALoneWildcard_MatchesOnlyNamesHoldingIt(string search)
    {
        await using var store = await Db.CreateStoreAsync();
        await store.WriteAsync(async s =>
        {
            await s.Organisations.InsertAsync(Company("91441800MA5CY2007", "北江水泥"), Now);
            await s.Organisations.InsertAsync(Company("91441800MA5CY2008", "韶关钢铁"), Now);
            return 0;
        }, Ct);

        var found = await store.ReadAsync(s => s.Organisations.ListAsync(new OrganisationFilter(Search: search)), Ct);

        Assert.Empty(found);
    }
}
