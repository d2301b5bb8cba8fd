using OpenEts.Application.Identity;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

// A citizen's rank in their programmes this month, from the month totals kept as batches are written (migration 0061).
public sealed partial class InclusionQueries
{
    /// <summary>How many citizens a programme's monthly top list names.</summary>
    public const int RankingTop = 10;

    /// <summary>
    /// The signed-in citizen's rank this month (a Beijing calendar month) in each programme they counted an action in this
    /// month, with the month's top <see cref="RankingTop"/>; empty for anyone but a citizen.
    /// </summary>
    public Task<IReadOnlyList<CitizenRank>> RankingsAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var today = InclusionTime.DayOf(clock.GetUtcNow());
        var month = MonthCell.MonthOf(today);
        if (actor.Role != Role.Citizen)
        {
            return Task.FromResult<IReadOnlyList<CitizenRank>>([]);
        }
        return store.ReadAsync<IReadOnlyList<CitizenRank>>(async s =>
        {
            var ranks = new List<CitizenRank>();
            foreach (var wallet in await s.Inclusion.WalletsAsync(actor.UserId).ConfigureAwait(false))
            {
                if (Shown(wallet.Programme, today) is not { } programme
                    || await s.Inclusion.MonthRankAsync(actor.UserId, wallet.Programme, month).ConfigureAwait(false) is not { } mine)
                {
                    continue;
                }
                var top = await s.Inclusion.MonthTopAsync(wallet.Programme, month, RankingTop).ConfigureAwait(false);
                var profiles = (await s.Inclusion.CitizensAsync([.. top.Select(t => t.UserId)]).ConfigureAwait(false)).ToDictionary(p => p.UserId);
                var entries = new List<RankEntry>(top.Count);
                for (var i = 0; i < top.Count; i++)
                {
                    // Equal totals share the rank of the first of them.
                    var rank = i > 0 && top[i].Reduction == top[i - 1].Reduction ? entries[i - 1].Rank : i + 1;
                    var profile = profiles.GetValueOrDefault(top[i].UserId);
                    var named = profile is { Nickname: { Length: > 0 } } && CitizenPrivacy.PermitsProcessing(profile, ConsentNotice.Current);
                    entries.Add(new RankEntry(rank, named ? profile!.Nickname : null, top[i].Reduction, top[i].UserId == actor.UserId));
                }
                ranks.Add(new CitizenRank(programme, month, mine.Reduction, mine.Above + 1, mine.Citizens, entries));
            }
            return ranks;
        }, ct);
    }
}
