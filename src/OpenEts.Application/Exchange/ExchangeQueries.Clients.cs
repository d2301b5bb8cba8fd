using System.Globalization;
using System.Text.Json;
using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Journal;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Exchange;

// A member's clients (客户): who they are, and which trading accounts an actor may read.
public sealed partial class ExchangeQueries
{
    /// <summary>
    /// The client accounts of the actor's organisation as a member, by number, each with its organisation; empty for an
    /// actor without a trading account of its own (or whose account is itself a client's).
    /// </summary>
    public async Task<IReadOnlyList<TradingClient>> ClientsAsync(Actor actor, CancellationToken ct)
    {
        if (await AccountAsync(actor, ct).ConfigureAwait(false) is not { IsClient: false } own)
        {
            return [];
        }
        return await store.ReadAsync(async s =>
        {
            var accounts = await s.Exchange.ClientsOfAsync(own.Id).ConfigureAwait(false);
            var organisations = await OrganisationsOfAsync(s, accounts.Select(a => a.OrganisationId)).ConfigureAwait(false);
            // The cash of a client that has not confirmed the member's mandate is not the member's to read.
            var confirmed = accounts.Where(a => !a.AwaitingClient).Select(a => a.OrganisationId).ToHashSet();
            var cash = (await s.Cash.FindMemberAccountsAsync([.. organisations.Keys.Where(confirmed.Contains)]).ConfigureAwait(false))
                .ToDictionary(c => c.OrganisationId!.Value);
            return (IReadOnlyList<TradingClient>)[.. accounts.Select(account =>
                organisations.GetValueOrDefault(account.OrganisationId) is { } organisation
                    ? new TradingClient(account, organisation.Code, organisation.Name, cash.GetValueOrDefault(account.OrganisationId))
                    : throw new InvalidOperationException($"organisation {account.OrganisationId} is missing"))];
        }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The name of each trading account's organisation, by account number, for the exchange's staff and the supervisors
    /// (who see every account); empty for anyone else.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, string>> AccountHoldersAsync(Actor actor, CancellationToken ct) =>
        await OverseesAsync(actor, ct).ConfigureAwait(false)
            ? await store.ReadAsync(async s => await HoldersAsync(s, await s.Exchange.AccountsAsync().ConfigureAwait(false)).ConfigureAwait(false), ct)
                .ConfigureAwait(false)
            : new Dictionary<long, string>();

    /// <summary>
    /// Every trading account, with each one's organisation's name and cash account (its balance and what its orders
    /// reserve) by account number, in one read, for the exchange's staff and the supervisors; nothing for anyone else. The
    /// operator's list of accounts shows them: an account whose cash account holds money does not close (销户) until it is
    /// withdrawn or moved.
    /// </summary>
    public async Task<AccountsOverview> AccountsOverviewAsync(Actor actor, CancellationToken ct)
    {
        if (!await OverseesAsync(actor, ct).ConfigureAwait(false))
        {
            return new AccountsOverview([], new Dictionary<long, string>(), new Dictionary<long, CashAccount>());
        }
        return await store.ReadAsync(async s =>
        {
            var accounts = await s.Exchange.AccountsAsync().ConfigureAwait(false);
            var cash = (await s.Cash.AccountsAsync().ConfigureAwait(false)).Where(c => c.OrganisationId is not null)
                .ToDictionary(c => c.OrganisationId!.Value);
            return new AccountsOverview(accounts, await HoldersAsync(s, accounts).ConfigureAwait(false),
                accounts.Where(a => cash.ContainsKey(a.OrganisationId)).ToDictionary(a => a.Id, a => cash[a.OrganisationId]))
            {
                Declined = await DeclinedAsync(s, accounts.Where(a => a.Member is not null && a.State != TradingAccountState.Closed)).ConfigureAwait(false),
            };
        }, ct).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyDictionary<long, string>> HoldersAsync(IStoreSession s, IReadOnlyList<TradingAccount> accounts)
    {
        var organisations = await OrganisationsOfAsync(s, accounts.Select(a => a.OrganisationId)).ConfigureAwait(false);
        return accounts.ToDictionary(a => a.Id, a => organisations.GetValueOrDefault(a.OrganisationId)?.Name ?? "");
    }

    // The organisations of these ids, by id, in one read (not one a trading account).
    private static async Task<Dictionary<long, Organisation>> OrganisationsOfAsync(IStoreSession s, IEnumerable<long> ids)
    {
        var distinct = ids.ToHashSet();
        return distinct.Count == 0
            ? []
            : (await s.Organisations.FindByIdsAsync(distinct).ConfigureAwait(false)).ToDictionary(o => o.Id);
    }

    /// <summary>
    /// The organisation of each trading account on the block trades of <paramref name="account"/> (null: the actor's
    /// organisation's own) — both parties, who named each other by account number — by account number; empty when the
    /// actor may not read that account.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, string>> BlockPartiesAsync(Actor actor, long? account, CancellationToken ct)
    {
        var blocks = await MyBlockTradesAsync(actor, account, ct).ConfigureAwait(false);
        return await store.ReadAsync(async s =>
        {
            var parties = new List<TradingAccount>();
            foreach (var id in blocks.SelectMany(b => new[] { b.ProposerAccount, b.CounterpartyAccount }).Distinct())
            {
                if (await s.Exchange.FindAccountAsync(id).ConfigureAwait(false) is { } party)
                {
                    parties.Add(party);
                }
            }
            return await HoldersAsync(s, parties).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The client accounts whose member offered to move them to the actor's organisation as a member (转托管-like), waiting
    /// for its acceptance, by number, each with its organisation; empty for an actor without a member's own trading account.
    /// </summary>
    public async Task<IReadOnlyList<TradingClient>> TransfersOfferedAsync(Actor actor, CancellationToken ct)
    {
        if (await AccountAsync(actor, ct).ConfigureAwait(false) is not { IsClient: false } own)
        {
            return [];
        }
        return await store.ReadAsync(async s =>
        {
            var offered = new List<TradingClient>();
            foreach (var account in (await s.Exchange.AccountsAsync().ConfigureAwait(false)).Where(a => a.TransferTo == own.Id))
            {
                var organisation = await s.Organisations.FindByIdAsync(account.OrganisationId).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"organisation {account.OrganisationId} is missing");
                offered.Add(new TradingClient(account, organisation.Code, organisation.Name));
            }
            return (IReadOnlyList<TradingClient>)offered;
        }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The moves of the actor's organisation's clients that the offered member declined or the client refused, by client account: only those
    /// whose latest move (offered, declined, withdrawn, made) is that decline, so an offer made again hides the old answer;
    /// empty for an actor without a member's own trading account.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, ClientMoveDeclined>> DeclinedMovesAsync(Actor actor, CancellationToken ct)
    {
        if (await AccountAsync(actor, ct).ConfigureAwait(false) is not { IsClient: false } own)
        {
            return new Dictionary<long, ClientMoveDeclined>();
        }
        return await store.ReadAsync(async s => await DeclinedAsync(s, await s.Exchange.ClientsOfAsync(own.Id).ConfigureAwait(false))
            .ConfigureAwait(false), ct).ConfigureAwait(false);
    }

    // The moves of these client accounts whose newest move entry is a member's decline or the client's refusal, by account:
    // the newest move entries of all of them in one read, then the members they name and their organisations in one read
    // each (a member read per member named, not per client).
    private static async Task<IReadOnlyDictionary<long, ClientMoveDeclined>> DeclinedAsync(IStoreSession s, IEnumerable<TradingAccount> clients)
    {
        var settled = clients.Where(c => c.TransferTo is null).Select(c => AccountLifecycle.Subject(c.Id)).ToList();
        if (settled.Count == 0)
        {
            return new Dictionary<long, ClientMoveDeclined>();
        }
        // Every move's kind starts so: exchange.client.transfer.offered, .confirmed, .refused, .declined, .withdrawn, and exchange.client.transferred.
        var newest = await s.Journal.NewestOfSubjectsAsync(settled, "exchange.client.transfer").ConfigureAwait(false);
        var ended = new List<(long Client, long To, string? Reason, JournalEntry Entry)>();
        foreach (var entry in newest.Where(e => e.Kind is DeclineClientTransfer.Kind or AnswerClientMove.RefusedKind))
        {
            using var payload = JsonDocument.Parse(entry.Payload);
            var reason = payload.RootElement.TryGetProperty("reason", out var r) ? r.GetString() : null;
            ended.Add((long.Parse(entry.Subject, CultureInfo.InvariantCulture), payload.RootElement.GetProperty("to").GetInt64(), reason, entry));
        }
        var members = new Dictionary<long, TradingAccount>();
        foreach (var to in ended.Select(e => e.To).Distinct())
        {
            if (await s.Exchange.FindAccountAsync(to).ConfigureAwait(false) is { } member)
            {
                members[to] = member;
            }
        }
        var organisations = await OrganisationsOfAsync(s, members.Values.Select(m => m.OrganisationId)).ConfigureAwait(false);
        return ended.ToDictionary(e => e.Client, e => new ClientMoveDeclined(e.Client, e.To,
            members.TryGetValue(e.To, out var member) ? organisations.GetValueOrDefault(member.OrganisationId)?.Name ?? "" : "",
            string.IsNullOrWhiteSpace(e.Reason) ? null : e.Reason, e.Entry.At, e.Entry.Kind == AnswerClientMove.RefusedKind));
    }

    /// <summary>
    /// The trading account <paramref name="actor"/> may read: its organisation's own (<paramref name="account"/> null or
    /// its number), a client account of its organisation as a member whose client confirmed the member's mandate, or any
    /// account for the exchange's staff, the regulator and the auditor; null otherwise (or when there is no such account). A
    /// client's own users read their client account.
    /// </summary>
    public async Task<TradingAccount?> ReadableAccountAsync(Actor actor, long? account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var own = await AccountAsync(actor, ct).ConfigureAwait(false);
        if (account is not { } id || id == own?.Id)
        {
            return own;
        }
        var target = await store.ReadAsync(s => s.Exchange.FindAccountAsync(id), ct).ConfigureAwait(false);
        return target is null ? null
            : (own is { IsClient: false } && target.Member == own.Id && !target.AwaitingClient) || await OverseesAsync(actor, ct).ConfigureAwait(false) ? target
            : null;
    }

    /// <summary>
    /// The error for a trading account named in an address (<paramref name="field"/>: <c>client</c> on the trading pages,
    /// <c>account</c> on the report) that <see cref="ReadableAccountAsync"/> does not give the actor, because it is another
    /// member's or no account at all: rule <c>UnreadableAccount</c>. The two are not told apart, so that the answer does not
    /// say which account numbers exist.
    /// </summary>
    public static FieldError UnreadableAccount(string field, long account)
    {
        var typed = account.ToString(CultureInfo.InvariantCulture);
        return new FieldError(field, "UnreadableAccount",
            $"{field}: '{typed}' is not a trading account you may read (your organisation's own, or one of its clients' for a member)")
        {
            Figures = [typed],
        };
    }
}

/// <summary>A member's client account (客户账户) with the client's credit code and name.</summary>
/// <param name="Account">The client's trading account.</param>
/// <param name="Code">The client's credit code.</param>
/// <param name="Name">The client's name.</param>
/// <param name="Cash">The client's cash account, where it was read with the client (the member's list of its clients).</param>
public sealed record TradingClient(TradingAccount Account, CreditCode Code, string Name, CashAccount? Cash = null)
{
    /// <summary>
    /// The cash that keeps the client's account from closing (销户) until it is withdrawn or moved, in yuan, or null when its
    /// cash account holds none or was not read (<see cref="CloseTradingAccount.CashLeft"/>, the rule the close applies).
    /// </summary>
    public decimal? CashBlockingClose => CloseTradingAccount.CashLeft(Cash);
}

