using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Cash;

/// <summary>
/// Reads the cash ledger with one rule for who sees what: the regulator and the auditor every account, a member only
/// its own organisation's. The API, the pages, the CLI and other modules (the auction, the exchange) read through here.
/// </summary>
public sealed class CashQueries(IStore store)
{
    /// <summary>How many movements a statement page shows.</summary>
    public const int PageSize = 50;

    /// <summary>True when <paramref name="actor"/> may see the cash of organisation <paramref name="organisationId"/>.</summary>
    public static bool MaySee(Actor actor, long organisationId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Overseer(actor)
            || (CashRoles.Readers.Contains(actor.Role) && actor.OrganisationId == organisationId);
    }

    /// <summary>
    /// An organisation's statement (page <paramref name="page"/> of its movements, from 0), or null when it does not exist
    /// or the actor may not see it. A page past the last is empty (an API client pages until it finds one), or with
    /// <paramref name="lastIfPast"/> the last (a reader's page; <see cref="CashStatement.Page"/> says which was read).
    /// </summary>
    public Task<CashStatement?> StatementAsync(Actor actor, CreditCode organisation, int page, CancellationToken ct, bool lastIfPast = false) =>
        store.ReadAsync(async s =>
        {
            if (await s.Organisations.FindByCodeAsync(organisation).ConfigureAwait(false) is not { } o || !MaySee(actor, o.Id))
            {
                return null;
            }
            return await StatementAsync(s, o, PageIndex(page), Overseer(actor), lastIfPast).ConfigureAwait(false);
        }, ct);

    /// <summary>The actor's own organisation's statement, or null when the actor has none (pages as <see cref="StatementAsync"/>).</summary>
    public Task<CashStatement?> OwnStatementAsync(Actor actor, int page, CancellationToken ct, bool lastIfPast = false)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return store.ReadAsync(async s =>
            actor.OrganisationId is { } id && MaySee(actor, id) && await s.Organisations.FindByIdAsync(id).ConfigureAwait(false) is { } o
                ? await StatementAsync(s, o, PageIndex(page), Overseer(actor), lastIfPast).ConfigureAwait(false)
                : null, ct);
    }

    /// <summary>
    /// Every account with its balance (the regulator and auditor only, else null). The balances add up to zero: the
    /// external bank's is minus the money the platform holds.
    /// </summary>
    public Task<IReadOnlyList<CashAccount>?> AccountsAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Overseer(actor)
            ? store.ReadAsync<IReadOnlyList<CashAccount>?>(async s => await s.Cash.AccountsAsync().ConfigureAwait(false), ct)
            : Task.FromResult<IReadOnlyList<CashAccount>?>(null);
    }

    /// <summary>
    /// Every account with the name of the organisation that holds it (null for the platform's own accounts): the
    /// regulator and auditor only, else null.
    /// </summary>
    public Task<IReadOnlyList<(CashAccount Account, string? Holder)>?> AccountsWithHoldersAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Overseer(actor)
            ? store.ReadAsync<IReadOnlyList<(CashAccount, string?)>?>(async s =>
            {
                var accounts = await s.Cash.AccountsAsync().ConfigureAwait(false);
                var ids = accounts.Where(a => a.OrganisationId is not null).Select(a => a.OrganisationId!.Value).ToHashSet();
                var names = (await s.Organisations.FindByIdsAsync(ids).ConfigureAwait(false)).ToDictionary(o => o.Id, o => o.Name);
                return [.. accounts.Select(a => (a, a.OrganisationId is { } id ? names.GetValueOrDefault(id) : null))];
            }, ct)
            : Task.FromResult<IReadOnlyList<(CashAccount, string?)>?>(null);
    }

    /// <summary>The page asked for, from the first to the last whose offset an int holds.</summary>
    private static int PageIndex(int page) => Math.Clamp(page, 0, int.MaxValue / PageSize - 1);

    private static bool Overseer(Actor actor) => actor.Role is Role.Regulator or Role.Auditor;

    private static async Task<CashStatement> StatementAsync(IStoreSession s, Organisation o, int page, bool overseer, bool lastIfPast)
    {
        var account = await s.Cash.FindMemberAccountAsync(o.Id).ConfigureAwait(false);
        if (account is null)
        {
            return new CashStatement(o, null, [], []);
        }
        var reservations = await s.Cash.ReservationsAsync(account.Id, openOnly: true).ConfigureAwait(false);
        var count = await s.Cash.CountEntriesAsync(account.Id).ConfigureAwait(false);
        var pages = (int)Math.Min(int.MaxValue / PageSize, Math.Max(1, (count + PageSize - 1) / PageSize));
        if (lastIfPast)
        {
            page = Math.Min(page, pages - 1);
        }
        var entries = await s.Cash.EntriesAsync(account.Id, page * PageSize, PageSize).ConfigureAwait(false);
        // The balance after the page's newest entry: today's, less what the newer pages' entries added.
        var after = account.Balance - await s.Cash.NetFenOfNewestAsync(account.Id, page * PageSize).ConfigureAwait(false) / 100m;
        var balances = new decimal[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            balances[i] = after;
            after -= entries[i].To == account.Id ? entries[i].Amount.Value : -entries[i].Amount.Value;
        }
        var accounts = await s.Cash.AccountsAsync().ConfigureAwait(false);
        var fees = accounts.Where(a => a.Kind == CashAccountKind.ExchangeFees).Select(a => a.Id).ToHashSet();
        if (!overseer)
        {
            var members = accounts.Where(a => a.Kind == CashAccountKind.Member && a.Id != account.Id).Select(a => a.Id).ToHashSet();
            entries = [.. entries.Select(e => AsMemberSees(e, account.Id, members))];
        }
        return new CashStatement(o, account, reservations, entries, fees, balances, page, pages);
    }

    /// <summary>
    /// A movement as the member sees it: a trade's counterparty stays anonymous, as on every trade view. A payment from
    /// or to another member names neither that member's account (0) nor its order (the seller's incoming payment is
    /// referenced by the trade, <c>exchange/trade/25</c>, from its key), and no movement of a trade names the user who
    /// set it off, who may be the counterparty's.
    /// </summary>
    private static CashEntry AsMemberSees(CashEntry e, long own, HashSet<long> members)
    {
        var incoming = e.To == own && members.Contains(e.From);
        var outgoing = e.From == own && members.Contains(e.To);
        var traded = e.Kind is CashEntryKind.Settlement or CashEntryKind.Fee;
        if (!incoming && !outgoing && !traded)
        {
            return e;
        }
        return e with
        {
            From = incoming ? 0 : e.From,
            To = outgoing ? 0 : e.To,
            Reference = incoming ? TradeOf(e) : e.Reference,
            Actor = traded ? "" : e.Actor,
        };
    }

    // A payment's key is its delivery's reference and the leg (exchange/trade/25/pay): the trade, without the buyer's order.
    private static string TradeOf(CashEntry e)
    {
        var leg = e.Key.LastIndexOf('/');
        return leg > 0 ? e.Key[..leg] : "";
    }
}
