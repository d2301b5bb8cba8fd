using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;
using OpenEts.Domain.Journal;

namespace OpenEts.Application.Inclusion;

// Citizens' personal information: a citizen sees and exports their own; the regulator exports any citizen's (to answer
// a request under 个人信息保护法 Art. 45); no one else.
public sealed partial class InclusionQueries
{
    /// <summary>The most journal entries an export lists, each way (as actor and as subject).</summary>
    public const int ExportJournalEntries = 5_000;

    /// <summary>The signed-in citizen's consent and profile, or null when the actor is not a citizen.</summary>
    public Task<CitizenPrivacy?> PrivacyAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role != Role.Citizen)
        {
            return Task.FromResult<CitizenPrivacy?>(null);
        }
        return store.ReadAsync<CitizenPrivacy?>(async s => new CitizenPrivacy(actor.UserName, ConsentNotice.Current,
            await s.Inclusion.CitizenAsync(actor.UserId).ConfigureAwait(false),
            await s.Inclusion.ConsentsAsync(actor.UserId).ConfigureAwait(false)), ct);
    }

    /// <summary>
    /// Everything held about <paramref name="userName"/> (null: the actor's own), or null when the actor may not see it
    /// or the user is not a citizen.
    /// </summary>
    public Task<CitizenData?> CitizenDataAsync(Actor actor, string? userName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = clock.GetUtcNow();
        return store.ReadAsync<CitizenData?>(async s =>
        {
            var own = string.IsNullOrWhiteSpace(userName) || userName.Trim() == actor.UserName;
            if (own ? actor.Role != Role.Citizen : actor.Role != Role.Regulator)
            {
                return null;
            }
            var user = own ? await s.Users.FindAsync(actor.UserId).ConfigureAwait(false) : await s.Users.FindByNameAsync(userName!.Trim()).ConfigureAwait(false);
            if (user is not { Role: Role.Citizen })
            {
                return null;
            }
            var data = s.Inclusion;
            var programmes = new List<CitizenData.Programme>();
            foreach (var wallet in await data.WalletsAsync(user.Id).ConfigureAwait(false))
            {
                programmes.Add(new CitizenData.Programme(wallet, await data.LotsAsync(user.Id, wallet.Programme, DateOnly.MinValue).ConfigureAwait(false),
                    await data.DailyAsync(user.Id, wallet.Programme, DateOnly.MinValue, DateOnly.MaxValue).ConfigureAwait(false)));
            }
            var journal = new Dictionary<long, JournalEntry>();
            foreach (var filter in new[] { new JournalFilter(Subject: user.UserName), new JournalFilter(Actor: user.UserName) })
            {
                foreach (var entry in await s.Journal.PageAsync(filter, 0, ExportJournalEntries).ConfigureAwait(false))
                {
                    journal.TryAdd(entry.Sequence, entry);
                }
            }
            return new CitizenData(user.UserName, user.DisplayName, user.DisabledAt, now, ConsentNotice.Current.Version,
                await data.CitizenAsync(user.Id).ConfigureAwait(false), await data.ConsentsAsync(user.Id).ConfigureAwait(false), programmes,
                await data.RecentEventsAsync(user.Id, int.MaxValue).ConfigureAwait(false),
                await data.RedemptionsAsync(user.Id, int.MaxValue).ConfigureAwait(false),
                [.. journal.Values.OrderBy(j => j.Sequence)])
            {
                Donations = await data.DonationsAsync(user.Id, int.MaxValue).ConfigureAwait(false),
            };
        }, ct);
    }
}
