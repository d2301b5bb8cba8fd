using OpenEts.Application.Demo;
using OpenEts.Application.Identity;
using OpenEts.Application.Inclusion;
using OpenEts.Storage.Tests.Infrastructure;

namespace OpenEts.Storage.Tests;

// The demo citizens of carbon inclusion, seeded inside the demo market's transaction on every database.
public abstract partial class StoreContract<TDb>
{
    [Fact]
    public async Task DemoInclusion_SeededWithTheMarket_GivesEachCitizenCoinsAndTheMetroCommuterHisExactWallet()
    {
        await using var store = await Db.CreateStoreAsync();
        var demo = new DemoMarket(store, new FakeHashing(), new DemoInclusion(InclusionProgrammes.Shipped));
        await demo.SeedIfEmptyAsync(Now, Ct);
        var queries = new InclusionQueries(store, InclusionProgrammes.Shipped, new FixedClock(Now));

        var statements = new List<CitizenStatement>();
        foreach (var (userName, _, _, _) in DemoInclusion.Citizens)
        {
            var user = await store.ReadAsync(s => s.Users.FindByNameAsync(userName), Ct);
            statements.Add((await queries.StatementAsync(new Actor(user!.Id, user.UserName, user.Role, null), null, Ct))!);
        }

        // citizen-gz: 21 days hold exactly 15 weekdays, two metro trips each; Guangzhou's mean method 0.5155 kg a trip
        // → 515.5 g, 1 碳币 per 100 g → 5 coins a trip: 150 credited, 50 spent on the bus-fare coupon.
        var gz = Assert.Single(statements[0].Programmes);
        Assert.Equal(30, gz.Actions);
        Assert.Equal(15_465m, gz.Reduction.Grams);
        Assert.Equal(150, gz.Credited);
        Assert.Equal(50, gz.Redeemed);
        Assert.Equal(100, gz.Spendable);
        Assert.Single(statements[0].Redemptions);
        Assert.All(statements, s => Assert.True(Assert.Single(s.Programmes).Credited > 0));
        Assert.All(statements.SelectMany(s => s.Programmes), p => Assert.Equal(p.Credited, p.Spendable + p.Pending + p.Redeemed + p.Expired));
    }
}
