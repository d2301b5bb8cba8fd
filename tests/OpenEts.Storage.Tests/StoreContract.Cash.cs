using OpenEts.Application.Cash;
using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;
using OpenEts.Storage.Tests.Infrastructure;

namespace OpenEts.Storage.Tests;

// The cash ledger on every database: double entries that add up to zero, reservations, no overdraft, idempotency keys,
// integer fen, and a journal entry written with each movement.
public abstract partial class StoreContract<TDb>
{
    private static async Task<(SqlStore Store, Organisation Member)> CashStoreAsync(ITestDatabase db)
    {
        var store = await db.CreateStoreAsync();
        var member = await store.WriteAsync(s => s.Organisations.InsertAsync(Company("91441800MA5CY1002", "北江示范水泥有限公司"), Now), Ct);
        return (store, member);
    }

    private static async Task<T> CashAsync<T>(SqlStore store, Func<CashLedger, Task<T>> work) =>
        await store.WriteAsync(s => work(new CashLedger(s, "regulator", Now)), Ct);

    private static async Task<decimal> SumOfBalancesAsync(SqlStore store) =>
        (await store.ReadAsync(s => s.Cash.AccountsAsync(), Ct)).Sum(a => a.Balance);

    [Fact]
    public async Task Cash_DepositReserveSettle_MovesExactFenAndBalancesAddUpToZero()
    {
        var (store, member) = await CashStoreAsync(Db);
        await using var _ = store;

        await CashAsync(store, l => l.DepositAsync(member, Yuan.From(12_345_678.91m), "slip 1", IdempotencyKey.From("d1")));
        var reserved = (CashResult.Done)await CashAsync(store, l => l.ReserveAsync(member, Yuan.From(400.50m), "auction/1/bid/1", IdempotencyKey.From("r1")));
        await CashAsync(store, l => l.SettleAsync(member, reserved.Reservation!.Id, CashAccountKind.AuctionProceeds, Yuan.From(300.25m), IdempotencyKey.From("s1")));

        var account = await store.ReadAsync(s => s.Cash.FindMemberAccountAsync(member.Id), Ct);
        var proceeds = await store.ReadAsync(s => s.Cash.SystemAccountAsync(CashAccountKind.AuctionProceeds), Ct);
        var bank = await store.ReadAsync(s => s.Cash.SystemAccountAsync(CashAccountKind.ExternalBank), Ct);
        Assert.Equal(12_345_378.66m, account!.Balance);
        Assert.Equal(0m, account.Reserved);
        Assert.Equal(300.25m, proceeds.Balance);
        Assert.Equal(-12_345_678.91m, bank.Balance);
        Assert.Equal(0m, await SumOfBalancesAsync(store));
        var journal = await store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: "cash."), 0, 10), Ct);
        Assert.Equal(["cash.settled", "cash.reserved", "cash.deposited"], journal.Select(e => e.Kind));
        Assert.All(journal, e => Assert.Equal(member.Code.Value, e.Subject));
    }

    [Fact]
    public async Task Cash_FindMemberAccounts_ReturnsTheAccountsOfThoseOrganisationsThatHaveOne_WithTheirBalances()
    {
        var (store, member) = await CashStoreAsync(Db);
        await using var _ = store;
        var (other, without) = await store.WriteAsync(async s => (
            await s.Organisations.InsertAsync(Company("91441800MA5CY1022", "南江示范水泥有限公司"), Now),
            await s.Organisations.InsertAsync(Company("91441800MA5CY1023", "东江示范水泥有限公司"), Now)), Ct);
        await CashAsync(store, l => l.DepositAsync(member, Yuan.From(1_000.01m), "slip m", IdempotencyKey.From("dm")));
        await CashAsync(store, l => l.DepositAsync(other, Yuan.From(2.50m), "slip o", IdempotencyKey.From("do")));

        var found = await store.ReadAsync(s => s.Cash.FindMemberAccountsAsync([other.Id, member.Id, without.Id, other.Id]), Ct);
        var none = await store.ReadAsync(s => s.Cash.FindMemberAccountsAsync([]), Ct);

        Assert.Equal([(member.Id, 1_000.01m), (other.Id, 2.50m)], found.Select(a => (a.OrganisationId!.Value, a.Balance)).Order());
        Assert.Empty(none);
    }

    // None, each of the four entries in turn, and more than there are.
    private static readonly int[] NetCounts = [0, 1, 2, 3, 4, 9];

    [Fact]
    public async Task Cash_NetOfNewestAndCount_AddTheNewestEntriesCreditsLessTheirDebits_AndCountTheStatementsEntries()
    {
        var (store, member) = await CashStoreAsync(Db);
        await using var _ = store;
        await CashAsync(store, l => l.DepositAsync(member, Yuan.From(1_000.00m), "slip 1", IdempotencyKey.From("n1")));
        await CashAsync(store, l => l.WithdrawAsync(member, Yuan.From(250.25m), "out 1", IdempotencyKey.From("n2")));
        await CashAsync(store, l => l.DepositAsync(member, Yuan.From(0.01m), "slip 2", IdempotencyKey.From("n3")));
        await CashAsync(store, l => l.WithdrawAsync(member, Yuan.From(99.99m), "out 2", IdempotencyKey.From("n4")));
        var account = await store.ReadAsync(s => s.Cash.FindMemberAccountAsync(member.Id), Ct);

        var nets = await store.ReadAsync(async s =>
        {
            var list = new List<long>();
            foreach (var count in NetCounts)
            {
                list.Add(await s.Cash.NetFenOfNewestAsync(account!.Id, count));
            }
            list.Add(await s.Cash.CountEntriesAsync(account!.Id));
            return list;
        }, Ct);

        // Newest first: −99.99, +0.01, −250.25, +1 000.00; past the four entries, nothing more.
        Assert.Equal([0L, -9_999L, -9_998L, -35_023L, 64_977L, 64_977L, 4L], nets);
        Assert.Equal(649.77m, account!.Balance);
    }

    [Fact]
    public async Task Cash_FindEntriesOverSeveralBatches_ReturnsEachKeyedEntryOnceAndSkipsUnknownKeys()
    {
        var (store, member) = await CashStoreAsync(Db);
        await using var _ = store;
        // 600 deposits of 0.01, 0.02, … yuan: more keys than one batch of 500 holds.
        await store.WriteAsync(async s =>
        {
            var ledger = new CashLedger(s, "regulator", Now);
            for (var i = 1; i <= 600; i++)
            {
                await ledger.DepositAsync(member, Yuan.FromFen(i), $"slip {i}", IdempotencyKey.From($"batch/{i}"));
            }
            return 0;
        }, Ct);
        string[] asked = [.. Enumerable.Range(1, 600).Select(i => $"batch/{i}"), "batch/0", "batch/601", "batch/1"];

        var found = await store.ReadAsync(s => s.Cash.FindEntriesAsync(asked), Ct);

        Assert.Equal(600, found.Count);
        Assert.All(found, e => Assert.Equal($"batch/{e.Amount.Fen}", e.Key));
        Assert.Equal(Enumerable.Range(1, 600).Select(i => (long)i), found.Select(e => e.Amount.Fen).Order());
    }

    [Fact]
    public async Task Cash_WithdrawMoreThanAvailable_IsRefusedAndWritesNothing()
    {
        var (store, member) = await CashStoreAsync(Db);
        await using var _ = store;
        await CashAsync(store, l => l.DepositAsync(member, Yuan.From(100m), "slip", IdempotencyKey.From("d1")));
        await CashAsync(store, l => l.ReserveAsync(member, Yuan.From(80m), "bid", IdempotencyKey.From("r1")));
        var journalBefore = await store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter()), Ct);

        var result = await CashAsync(store, l => l.WithdrawAsync(member, Yuan.From(20.01m), "out", IdempotencyKey.From("w1")));

        Assert.Equal(CashRejection.InsufficientFunds, Assert.IsType<CashResult.Refused>(result).Reason);
        var account = await store.ReadAsync(s => s.Cash.FindMemberAccountAsync(member.Id), Ct);
        Assert.Equal((100m, 80m), (account!.Balance, account.Reserved));
        Assert.Equal(journalBefore, await store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter()), Ct));
        Assert.Null(await store.ReadAsync(s => s.Cash.FindEntryAsync("w1"), Ct));
    }

    [Fact]
    public async Task Cash_SameKeyTwice_DepositsOnceAndADifferentRequestIsRefused()
    {
        var (store, member) = await CashStoreAsync(Db);
        await using var _ = store;

        await CashAsync(store, l => l.DepositAsync(member, Yuan.From(50m), "slip", IdempotencyKey.From("d1")));
        var again = await CashAsync(store, l => l.DepositAsync(member, Yuan.From(50m), "slip", IdempotencyKey.From("d1")));
        var other = await CashAsync(store, l => l.DepositAsync(member, Yuan.From(60m), "slip", IdempotencyKey.From("d1")));

        Assert.True(Assert.IsType<CashResult.Done>(again).Duplicate);
        Assert.Equal(CashRejection.KeyReused, Assert.IsType<CashResult.Refused>(other).Reason);
        Assert.Equal(50m, (await store.ReadAsync(s => s.Cash.FindMemberAccountAsync(member.Id), Ct))!.Balance);
    }

    [Fact]
    public async Task Cash_OneBankSlipBookedTwiceOnAnAccount_IsRefusedNamingTheEntry_AndChangesNothing()
    {
        var (store, member) = await CashStoreAsync(Db);
        await using var _ = store;
        var other = await store.WriteAsync(s => s.Organisations.InsertAsync(Company("91441800MA5CY1003", "清远示范电力有限公司"), Now), Ct);
        var first = (CashResult.Done)await CashAsync(store, l => l.DepositAsync(member, Yuan.From(500m), "BOC-20261205-0001", IdempotencyKey.From("d1")));
        var (events, balances) = (await CashEventsAsync(store), await SumOfMemberAsync(store, member));

        // The same bank confirmation recorded again (a new key, as a second click or a second clerk makes it).
        var again = await CashAsync(store, l => l.DepositAsync(member, Yuan.From(500m), "BOC-20261205-0001", IdempotencyKey.From("d2")));

        var refused = Assert.IsType<CashResult.Refused>(again);
        Assert.Equal(CashRejection.ReferenceReused, refused.Reason);
        Assert.Equal(["BOC-20261205-0001", first.Entry!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], refused.Figures);
        Assert.Equal((events, balances), (await CashEventsAsync(store), await SumOfMemberAsync(store, member)));
        // Another member's slip of the same text, and a withdrawal naming the deposit's slip, are other movements.
        Assert.IsType<CashResult.Done>(await CashAsync(store, l => l.DepositAsync(other, Yuan.From(7m), "BOC-20261205-0001", IdempotencyKey.From("d3"))));
        Assert.IsType<CashResult.Done>(await CashAsync(store, l => l.WithdrawAsync(member, Yuan.From(5m), "BOC-20261205-0001", IdempotencyKey.From("w1"))));
        var twice = await CashAsync(store, l => l.WithdrawAsync(member, Yuan.From(5m), "BOC-20261205-0001", IdempotencyKey.From("w2")));
        Assert.Equal(CashRejection.ReferenceReused, Assert.IsType<CashResult.Refused>(twice).Reason);
        Assert.Equal(495m, (await store.ReadAsync(s => s.Cash.FindMemberAccountAsync(member.Id), Ct))!.Balance);
    }

    private static async Task<int> CashEventsAsync(SqlStore store) =>
        (await store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: "cash."), 0, 1000), Ct)).Count;

    private static async Task<decimal> SumOfMemberAsync(SqlStore store, Organisation member) =>
        (await store.ReadAsync(s => s.Cash.FindMemberAccountAsync(member.Id), Ct))!.Balance;

    [Fact]
    public async Task Cash_ReleaseAReservation_FreesTheMoneyAndASecondReleaseIsRefused()
    {
        var (store, member) = await CashStoreAsync(Db);
        await using var _ = store;
        await CashAsync(store, l => l.DepositAsync(member, Yuan.From(100m), "slip", IdempotencyKey.From("d1")));
        var held = (CashResult.Done)await CashAsync(store, l => l.ReserveAsync(member, Yuan.From(70m), "bid", IdempotencyKey.From("r1")));

        await CashAsync(store, l => l.ReleaseAsync(member, held.Reservation!.Id));
        var second = await CashAsync(store, l => l.ReleaseAsync(member, held.Reservation!.Id));

        Assert.Equal(CashRejection.ReservationClosed, Assert.IsType<CashResult.Refused>(second).Reason);
        var account = await store.ReadAsync(s => s.Cash.FindMemberAccountAsync(member.Id), Ct);
        Assert.Equal((100m, 0m), (account!.Balance, account.Reserved));
        Assert.Empty(await store.ReadAsync(s => s.Cash.ReservationsAsync(account.Id, openOnly: true), Ct));
    }

    [Fact]
    public async Task Cash_DepositCommandFromACompany_IsForbiddenAndAFractionOfAFenIsAFieldError()
    {
        var (store, member) = await CashStoreAsync(Db);
        await using var _ = store;
        var handler = new CashCommandHandler(store, new FixedClock(Now));
        var company = new Actor(5, "cement-a", Domain.Identity.Role.CompanyRepresentative, member.Id);

        var forbidden = await handler.HandleAsync(company, new DepositCash(member.Code, Yuan.From(10m), "slip", IdempotencyKey.From("k")), Ct);
        var parsed = DepositCash.TryParse(new DepositCash.Form(member.Code.Value, 10.005m, "slip", "k"), out var none, out var errors);

        Assert.IsType<CashCommandOutcome.Forbidden>(forbidden);
        Assert.False(parsed);
        Assert.Null(none);
        Assert.Equal("amount", Assert.Single(errors).Field);
        Assert.Null(await store.ReadAsync(s => s.Cash.FindMemberAccountAsync(member.Id), Ct));
    }

    [Fact]
    public async Task Cash_DepositForTheRegulatorOrAVerifier_IsRefusedAndOpensNoAccount()
    {
        var (store, _) = await CashStoreAsync(Db);
        await using var __ = store;
        var regulator = await store.WriteAsync(s => s.Organisations.InsertAsync(
            Company("11440000MB2C92013", "广东省生态环境厅") with { Kind = Domain.Organisations.OrganisationKind.Regulator }, Now), Ct);
        var handler = new CashCommandHandler(store, new FixedClock(Now));

        var refused = await handler.HandleAsync(Actor.System, new DepositCash(regulator.Code, Yuan.From(0.01m), "slip", IdempotencyKey.From("k")), Ct);

        var refusal = Assert.IsType<CashCommandOutcome.Refused>(refused);
        Assert.Equal(("NotACashHolder", "organisation"), (refusal.Rule, refusal.Field));
        Assert.Null(await store.ReadAsync(s => s.Cash.FindMemberAccountAsync(regulator.Id), Ct));
    }

    [Fact]
    public async Task Cash_StatementOfAnotherCompany_IsHiddenFromAMember()
    {
        var (store, member) = await CashStoreAsync(Db);
        await using var _ = store;
        var other = await store.WriteAsync(s => s.Organisations.InsertAsync(Company("91440200MA5CY1003", "韶关钢铁"), Now), Ct);
        await new CashCommandHandler(store, new FixedClock(Now)).HandleAsync(
            Actor.System, new DepositCash(member.Code, Yuan.From(10m), "slip", IdempotencyKey.From("k")), Ct);
        var queries = new CashQueries(store);

        var own = await queries.StatementAsync(new Actor(5, "cement-a", Domain.Identity.Role.CompanyRepresentative, member.Id), member.Code, 0, Ct);
        var hidden = await queries.StatementAsync(new Actor(6, "steel-a", Domain.Identity.Role.CompanyRepresentative, other.Id), member.Code, 0, Ct);

        Assert.Equal(10m, own!.Balance);
        Assert.Single(own.Entries);
        Assert.Null(hidden);
    }
}
