using OpenEts.Application.Cash;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Registry;

namespace OpenEts.Storage.Tests;

// Idempotency keys looked up ahead in a write transaction (a settlement looks up all its trades' keys at once) answer the
// ledger's later probes exactly as the probes themselves would: a key used before is still a duplicate or a reused key,
// a new one is used once, and a second use in the same transaction is a duplicate.
public abstract partial class StoreContract<TDb>
{
    [Fact]
    public async Task Cash_KeysLookedUpAheadInAWrite_AnswerEachMovementAsItsOwnProbeWould()
    {
        var (store, member) = await CashStoreAsync(Db);
        await using var _ = store;
        await CashAsync(store, l => l.DepositAsync(member, Yuan.From(100m), "slip 1", IdempotencyKey.From("ahead/old")));

        var (repeat, reused, fresh, again, other, probed) = await store.WriteAsync(async s =>
        {
            var found = await s.Cash.FindEntriesAsync(["ahead/old", "ahead/new", "ahead/unused"]);
            Assert.Equal("ahead/old", Assert.Single(found).Key);
            var ledger = new CashLedger(s, "regulator", Now);
            var repeat = await ledger.DepositAsync(member, Yuan.From(100m), "slip 1", IdempotencyKey.From("ahead/old"));
            var reused = await ledger.DepositAsync(member, Yuan.From(5m), "slip 1", IdempotencyKey.From("ahead/old"));
            var fresh = await ledger.DepositAsync(member, Yuan.From(20.05m), "slip 2", IdempotencyKey.From("ahead/new"));
            var again = await ledger.DepositAsync(member, Yuan.From(20.05m), "slip 2", IdempotencyKey.From("ahead/new"));
            var other = await ledger.DepositAsync(member, Yuan.From(1m), "slip 3", IdempotencyKey.From("ahead/new"));
            return (repeat, reused, fresh, again, other, await s.Cash.FindEntryAsync("ahead/unused"));
        }, Ct);

        Assert.True(Assert.IsType<CashResult.Done>(repeat).Duplicate);
        Assert.Equal(CashRejection.KeyReused, Assert.IsType<CashResult.Refused>(reused).Reason);
        var made = Assert.IsType<CashResult.Done>(fresh);
        Assert.False(made.Duplicate);
        var twice = Assert.IsType<CashResult.Done>(again);
        Assert.True(twice.Duplicate);
        Assert.Equal(made.Entry!.Id, twice.Entry!.Id);
        Assert.Equal(CashRejection.KeyReused, Assert.IsType<CashResult.Refused>(other).Reason);
        Assert.Null(probed);
        Assert.Equal(120.05m, (await store.ReadAsync(s => s.Cash.FindMemberAccountAsync(member.Id), Ct))!.Balance);
        Assert.Equal(0m, await SumOfBalancesAsync(store));
    }
}
