using OpenEts.Application.Identity;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

// One account as its page shows it: what it holds, what waits on it, what its representative may do, and one page of
// its history, filtered and paged here so that every reader of an account's history pages it by the same rule.
public sealed partial class RegistryQueries
{
    /// <summary>
    /// The account <paramref name="number"/> as <paramref name="actor"/> sees it, with the page <paramref name="page"/> of
    /// its history (<paramref name="pageSize"/> events, newest first) among the events of kind <paramref name="kind"/> and
    /// class <paramref name="unitClass"/>. A filter naming nothing the history holds is not applied, and a page beyond the
    /// last is the last: <see cref="AccountHistoryPage"/> says what was applied, so that the caller can name what it was
    /// asked and did not apply.
    /// </summary>
    public Task<AccountRead<AccountView>> AccountViewAsync(Actor actor, AccountNumber number, string? kind, string? unitClass,
        int page, int pageSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var user = RegistryService.UserOf(actor.UserName);
        return AccountAsync(actor, number, (l, records, a) => new AccountView(
            a,
            l.HoldingsOf(number),
            [.. l.Proposals.Where(p => p.State == ProposalState.Pending && (p.From == number || p.To == number))
                .Select(p => new PendingProposal(p, l.FindAccount(p.From)?.IsRepresentative(user) == true, p.ProposedBy == user))],
            records.Select(r => r.Event).OfType<AccountStateChanged>().LastOrDefault(e => e.Account == number)?.Reason,
            a.IsRepresentative(user) && a.Kind is (AccountKind.Holding or AccountKind.Investor) && a.State != AccountState.Closed,
            HistoryPage(History(l, records, number), kind, unitClass, page, pageSize),
            RegistryRoles.Holders.Contains(actor.Role) && a.IsRepresentative(user) && a.State == AccountState.Open
                && l.HoldingsOf(number).Any(h => h.Total.Value > 0)), ct);
    }

    private static AccountHistoryPage HistoryPage(IReadOnlyList<RegistryHistoryRow> history, string? kind, string? unitClass,
        int page, int pageSize)
    {
        IReadOnlyList<string> kinds = [.. history.Select(h => h.Kind).Distinct().Order(StringComparer.Ordinal)];
        IReadOnlyList<string> classes = [.. history.Where(h => h.Class is not null).Select(h => h.Class!).Distinct().Order(StringComparer.Ordinal)];
        var appliedKind = kind is not null && kinds.Contains(kind) ? kind : null;
        var appliedClass = unitClass is not null && classes.Contains(unitClass) ? unitClass : null;
        var filtered = history.Where(h => (appliedKind is null || h.Kind == appliedKind) && (appliedClass is null || h.Class == appliedClass))
            .ToList();
        var last = Math.Max(1, (filtered.Count + pageSize - 1) / pageSize);
        var shown = Math.Clamp(page, 1, last);
        filtered.Reverse();
        return new AccountHistoryPage(kinds, classes, appliedKind, appliedClass, filtered.Count, shown, last,
            [.. filtered.Skip((shown - 1) * pageSize).Take(pageSize)]);
    }
}
