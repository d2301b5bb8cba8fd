using OpenEts.Application.Cash;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Organisations;
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
            var (repeat, reused, fresh, again, other) = await DepositsByKeyAsync(new CashLedger(s, "regulator", Now), member, "ahead/old", "ahead/new");
            return (repeat, reused, fresh, again, other, await s.Cash.FindEntryAsync("ahead/unused"));
        }, Ct);

        AssertKeyedOnce(repeat, reused, fresh, again);
        Assert.Equal(CashRejection.KeyReused, Assert.IsType<CashResult.Refused>(other).Reason);
        Assert.Null(probed);
        Assert.Equal(120.05m, (await store.ReadAsync(s => s.Cash.FindMemberAccountAsync(member.Id), Ct))!.Balance);
        Assert.Equal(0m, await SumOfBalancesAsync(store));
    }

    // The keys of a settlement's trades, looked up as one range of numbers (exchange/trade/{n}/pay …): the same answers as
    // each key's own probe, and a key outside the range (another number, a leading zero, another suffix) is still read.
    [Fact]
    public async Task Cash_NumberedKeysLookedUpAheadInAWrite_AnswerEachMovementAsItsOwnProbeWould()
    {
        var (store, member) = await CashStoreAsync(Db);
        await using var _ = store;
        foreach (var key in new[] { "trade/12/pay", "trade/9/pay", "trade/130/pay", "trade/11/paid" })
        {
            await CashAsync(store, l => l.DepositAsync(member, Yuan.From(100m), "slip " + key, IdempotencyKey.From(key)));
        }

        var (found, repeat, reused, fresh, again, other, probed) = await store.WriteAsync(async s =>
        {
            var found = await s.Cash.FindNumberedEntriesAsync("trade/", 10, 13, ["/pay", "/fee"]);
            var (repeat, reused, fresh, again, other) = await DepositsByKeyAsync(new CashLedger(s, "regulator", Now), member, "trade/12/pay", "trade/11/pay");
            string[] probes = ["trade/13/fee", "trade/10/pay", "trade/9/pay", "trade/130/pay", "trade/11/paid", "trade/011/pay", "trade/11/fee"];
            var probed = new List<string?>();
            foreach (var key in probes)
            {
                probed.Add((await s.Cash.FindEntryAsync(key))?.Key);
            }
            return (found, repeat, reused, fresh, again, other, probed);
        }, Ct);

        Assert.Equal("trade/12/pay", Assert.Single(found).Key);
        AssertKeyedOnce(repeat, reused, fresh, again);
        Assert.Equal(CashRejection.KeyReused, Assert.IsType<CashResult.Refused>(other).Reason);
        Assert.Equal([null, null, "trade/9/pay", "trade/130/pay", "trade/11/paid", null, null], probed);
        Assert.Equal(420.05m, (await store.ReadAsync(s => s.Cash.FindMemberAccountAsync(member.Id), Ct))!.Balance);
        Assert.Equal(0m, await SumOfBalancesAsync(store));
    }

    // Deposits of 100.00 yuan (slip 1) were made with oldKey before: the same again and another with it, then a new one with
    // newKey twice and another with it.
    private static async Task<(CashResult Repeat, CashResult Reused, CashResult Fresh, CashResult Again, CashResult Other)> DepositsByKeyAsync(
        CashLedger ledger, Organisation member, string oldKey, string newKey) =>
        (await ledger.DepositAsync(member, Yuan.From(100m), "slip 1", IdempotencyKey.From(oldKey)),
            await ledger.DepositAsync(member, Yuan.From(5m), "slip 1", IdempotencyKey.From(oldKey)),
            await ledger.DepositAsync(member, Yuan.From(20.05m), "slip 2", IdempotencyKey.From(newKey)),
            await ledger.DepositAsync(member, Yuan.From(20.05m), "slip 2", IdempotencyKey.From(newKey)),
            await ledger.DepositAsync(member, Yuan.From(1m), "slip 3", IdempotencyKey.From(newKey)));

    // A key used before answers the same request as a duplicate and another as a reused key; a new key is used once, and
    // its second use is a duplicate of the first.
    private static void AssertKeyedOnce(CashResult repeat, CashResult reused, CashResult fresh, CashResult again)
    {
        Assert.True(Assert.IsType<CashResult.Done>(repeat).Duplicate);
        Assert.Equal(CashRejection.KeyReused, Assert.IsType<CashResult.Refused>(reused).Reason);
        var made = Assert.IsType<CashResult.Done>(fresh);
        Assert.False(made.Duplicate);
        var twice = Assert.IsType<CashResult.Done>(again);
        Assert.True(twice.Duplicate);
        Assert.Equal((made.Entry?.Id, made.Reservation?.Id), (twice.Entry?.Id, twice.Reservation?.Id));
    }

    // A write transaction stores the cash entries it appends together before its commit (a settlement appends three per
    // trade): each still has its id at once, the ids go on from the last stored, the transaction lists them before they are
    // stored, and a transaction that fails stores none of them.
    [Fact]
    public async Task Cash_EntriesAppendedInOneWrite_TakeTheNextIdsAndAreListedBeforeAndAfterTheCommit()
    {
        var (store, member) = await CashStoreAsync(Db);
        await using var _ = store;
        var first = (CashResult.Done)await CashAsync(store, l => l.DepositAsync(member, Yuan.From(1m), "slip 0", IdempotencyKey.From("together/0")));

        var (made, listed) = await store.WriteAsync(async s =>
        {
            var ledger = new CashLedger(s, "regulator", Now);
            var made = new List<CashEntry>();
            for (var i = 1; i <= 3; i++)
            {
                made.Add(((CashResult.Done)await ledger.DepositAsync(member, Yuan.From(i), $"slip {i}", IdempotencyKey.From($"together/{i}"))).Entry!);
            }
            var account = await s.Cash.FindMemberAccountAsync(member.Id);
            return (made, await s.Cash.EntriesAsync(account!.Id, 0, 10));
        }, Ct);
        var next = (CashResult.Done)await CashAsync(store, l => l.DepositAsync(member, Yuan.From(4m), "slip 4", IdempotencyKey.From("together/4")));
        var account = await store.ReadAsync(s => s.Cash.FindMemberAccountAsync(member.Id), Ct);
        var stored = await store.ReadAsync(s => s.Cash.EntriesAsync(account!.Id, 0, 10), Ct);

        var id = first.Entry!.Id;
        Assert.Equal([id + 1, id + 2, id + 3], made.Select(e => e.Id));
        Assert.Equal([id + 3, id + 2, id + 1, id], listed.Select(e => e.Id));
        Assert.Equal(id + 4, next.Entry!.Id);
        Assert.Equal([id + 4, id + 3, id + 2, id + 1, id], stored.Select(e => e.Id));
        Assert.Equal(["together/4", "together/3", "together/2", "together/1", "together/0"], stored.Select(e => e.Key));
        Assert.Equal([4m, 3m, 2m, 1m, 1m], stored.Select(e => e.Amount.Value));
        Assert.Equal(11m, account!.Balance);
        Assert.Equal(0m, await SumOfBalancesAsync(store));
    }

    [Fact]
    public async Task Cash_WriteFailingAfterAppendingEntries_StoresNoneAndTheNextEntryTakesTheNextId()
    {
        var (store, member) = await CashStoreAsync(Db);
        await using var _ = store;
        var first = (CashResult.Done)await CashAsync(store, l => l.DepositAsync(member, Yuan.From(1m), "slip 0", IdempotencyKey.From("failed/0")));

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteAsync<int>(async s =>
        {
            var ledger = new CashLedger(s, "regulator", Now);
            await ledger.DepositAsync(member, Yuan.From(5m), "slip 1", IdempotencyKey.From("failed/1"));
            await ledger.DepositAsync(member, Yuan.From(6m), "slip 2", IdempotencyKey.From("failed/2"));
            throw new InvalidOperationException("a step after the payments failed");
        }, Ct));
        var next = (CashResult.Done)await CashAsync(store, l => l.DepositAsync(member, Yuan.From(2m), "slip 1", IdempotencyKey.From("failed/1")));
        var account = await store.ReadAsync(s => s.Cash.FindMemberAccountAsync(member.Id), Ct);
        var stored = await store.ReadAsync(s => s.Cash.EntriesAsync(account!.Id, 0, 10), Ct);

        Assert.False(next.Duplicate);
        Assert.Equal(first.Entry!.Id + 1, next.Entry!.Id);
        Assert.Equal(["failed/1", "failed/0"], stored.Select(e => e.Key));
        Assert.Equal(3m, account!.Balance);
        Assert.Equal(0m, await SumOfBalancesAsync(store));
    }

    // Reservations made in a write transaction are stored when something may name or list them, or at the commit: inside
    // the transaction they are found by id and by key and listed, a repeat of one is a duplicate, an entry may name one, and
    // after the commit their numbers go on from the last one.
    [Fact]
    public async Task Cash_ReservationsMadeInAWrite_AreFoundListedAndSettledInItAndNumberedOnAfterIt()
    {
        var (store, member) = await CashStoreAsync(Db);
        await using var _ = store;
        await CashAsync(store, l => l.DepositAsync(member, Yuan.From(1_000m), "slip 1", IdempotencyKey.From("d1")));
        var first = (CashResult.Done)await CashAsync(store, l => l.ReserveAsync(member, Yuan.From(10m), "order/1", IdempotencyKey.From("r1")));

        var (second, third, repeat, byKey, listed, settled) = await store.WriteAsync(async s =>
        {
            var ledger = new CashLedger(s, "regulator", Now);
            var second = (CashResult.Done)await ledger.ReserveAsync(member, Yuan.From(200.50m), "order/2", IdempotencyKey.From("r2"));
            var third = (CashResult.Done)await ledger.ReserveAsync(member, Yuan.From(300m), "order/3", IdempotencyKey.From("r3"));
            var repeat = await ledger.ReserveAsync(member, Yuan.From(200.50m), "order/2", IdempotencyKey.From("r2"));
            var byKey = await s.Cash.FindReservationAsync("r3");
            var listed = await s.Cash.ReservationsAsync((await s.Cash.FindMemberAccountAsync(member.Id))!.Id, openOnly: true);
            // Paid in part to the fee account in the same transaction: its entry names the reservation made just before.
            var settled = await ledger.SettleAsync(member, second.Reservation!.Id, CashAccountKind.ExchangeFees, Yuan.From(0.50m), IdempotencyKey.From("s2"));
            return (second, third, repeat, byKey, listed, settled);
        }, Ct);
        var fourth = (CashResult.Done)await CashAsync(store, l => l.ReserveAsync(member, Yuan.From(1m), "order/4", IdempotencyKey.From("r4")));

        Assert.Equal(first.Reservation!.Id + 1, second.Reservation!.Id);
        Assert.Equal(second.Reservation.Id + 1, third.Reservation!.Id);
        Assert.Equal(third.Reservation.Id + 1, fourth.Reservation!.Id);
        Assert.True(Assert.IsType<CashResult.Done>(repeat).Duplicate);
        Assert.Equal(second.Reservation.Id, ((CashResult.Done)repeat).Reservation!.Id);
        Assert.Equal((third.Reservation.Id, 300m, "order/3"), (byKey!.Id, byKey.Amount.Value, byKey.Reference));
        Assert.Equal([third.Reservation.Id, second.Reservation.Id, first.Reservation.Id], listed.Select(r => r.Id));
        Assert.IsType<CashResult.Done>(settled);
        var stored = await store.ReadAsync(async s => (await s.Cash.ReservationsAsync((await s.Cash.FindMemberAccountAsync(member.Id))!.Id, openOnly: false)), Ct);
        Assert.Equal(
            [(fourth.Reservation.Id, 1m, true), (third.Reservation.Id, 300m, true), (second.Reservation.Id, 0m, false), (first.Reservation.Id, 10m, true)],
            stored.Select(r => (r.Id, r.Amount.Value, r.Open)));
        var account = await store.ReadAsync(s => s.Cash.FindMemberAccountAsync(member.Id), Ct);
        Assert.Equal((999.50m, 311m), (account!.Balance, account.Reserved));
        Assert.Equal(0m, await SumOfBalancesAsync(store));
    }
}
