using OpenEts.Application.Identity;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>
/// Reads the registry for a signed-in actor, with one rule for who sees what: the regulator and the auditor see every
/// account, everyone else only the accounts they represent. The API, the pages and the exports all read through here.
/// </summary>
public sealed partial class RegistryQueries(RegistryService registry)
{
    /// <summary>True when <paramref name="actor"/> may see <paramref name="account"/>: a reader of everything, or its representative.</summary>
    public static bool MaySee(Actor actor, Account account)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(account);
        return actor.Role is Role.Regulator or Role.Auditor || account.IsRepresentative(RegistryService.UserOf(actor.UserName));
    }

    /// <summary>The unit classes issued so far, sorted.</summary>
    public Task<IReadOnlyList<UnitClass>> IssuedClassesAsync(CancellationToken ct) =>
        registry.QueryAsync((l, _) => l.IssuedClasses, ct);

    /// <summary>The accounts <paramref name="actor"/> may see, sorted by number.</summary>
    public Task<IReadOnlyList<Account>> AccountsAsync(Actor actor, CancellationToken ct) =>
        registry.QueryAsync<IReadOnlyList<Account>>((l, _) => [.. l.Accounts.Where(a => MaySee(actor, a))], ct);

    /// <summary>
    /// What each account <paramref name="actor"/> represents holds, one entry per unit class, in one read of the registry;
    /// empty for an actor who represents none (a regulator or an auditor sees every account, but represents none).
    /// </summary>
    public Task<IReadOnlyList<(Account Account, IReadOnlyList<Holding> Holdings)>> RepresentedHoldingsAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var user = RegistryService.UserOf(actor.UserName);
        return registry.QueryAsync<IReadOnlyList<(Account, IReadOnlyList<Holding>)>>((l, _) =>
            [.. l.Accounts.Where(a => a.IsRepresentative(user)).Select(a => (a, l.HoldingsOf(a.Number)))], ct);
    }

    /// <summary>
    /// Reads one account with <paramref name="read"/> (given the ledger, every registry event and the account), when it
    /// exists and <paramref name="actor"/> may see it.
    /// </summary>
    public Task<AccountRead<T>> AccountAsync<T>(Actor actor, AccountNumber number,
        Func<RegistryLedger, IReadOnlyList<RegistryRecord>, Account, T> read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(read);
        return registry.QueryAsync<AccountRead<T>>((l, records) =>
            l.FindAccount(number) is not { } a ? new AccountRead<T>.NotFound()
            : !MaySee(actor, a) ? new AccountRead<T>.Forbidden()
            : new AccountRead<T>.Found(read(l, records, a)), ct);
    }

    /// <summary>What an account holds, one entry per unit class, sorted by class.</summary>
    public Task<AccountRead<IReadOnlyList<Holding>>> HoldingsAsync(Actor actor, AccountNumber number, CancellationToken ct) =>
        AccountAsync(actor, number, (l, _, _) => l.HoldingsOf(number), ct);

    /// <summary>The registry events touching an account that pass <paramref name="filter"/>, oldest first.</summary>
    public Task<AccountRead<IReadOnlyList<RegistryHistoryRow>>> HistoryAsync(
        Actor actor, AccountNumber number, RegistryHistoryFilter filter, CancellationToken ct) =>
        AccountAsync(actor, number, (l, records, _) => History(l, records, number, filter), ct);

    /// <summary>
    /// Who holds one serial of a class, as far as <paramref name="actor"/> may know: the account when they may see it,
    /// otherwise only that another account holds it — so that walking the serial range cannot rebuild other holders'
    /// holdings.
    /// </summary>
    public Task<SerialHolding> SerialAsync(Actor actor, UnitClass unitClass, long serial, CancellationToken ct) =>
        registry.QueryAsync<SerialHolding>((l, _) =>
            l.HolderOf(unitClass, serial) is not { } number || l.FindAccount(number) is not { } account ? new SerialHolding.NotIssued()
            : MaySee(actor, account) ? new SerialHolding.HeldBy(account)
            : new SerialHolding.HeldElsewhere(), ct);

    /// <summary>The events of <paramref name="records"/> touching <paramref name="account"/> (and passing <paramref name="filter"/>), oldest first.</summary>
    public static IReadOnlyList<RegistryHistoryRow> History(
        RegistryLedger ledger, IReadOnlyList<RegistryRecord> records, AccountNumber account, RegistryHistoryFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(records);
        return [.. records.Where(r => RegistryService.Involves(r.Event, account, ledger) && (filter is null || filter.Matches(r.Event, ledger)))
            .Select(r => RegistryHistoryRow.Of(ledger, r, account))];
    }
}
