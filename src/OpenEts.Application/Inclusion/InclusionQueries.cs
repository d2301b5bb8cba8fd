using OpenEts.Application.Forms;
using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// The only way into carbon inclusion's data for the pages, the API and the CLI. The access rule: a citizen sees their
/// own statement; the regulator and the auditor see any citizen's; programme totals and aggregations are for
/// <see cref="InclusionRoles.Overseers"/>, a company representative's only of the programmes its organisation operates
/// (<see cref="MayOverseeAsync"/>); the programmes themselves are public.
/// </summary>
public sealed partial class InclusionQueries(IStore store, InclusionProgrammes programmes, TimeProvider clock)
{
    /// <summary>How many days of daily rows a statement shows.</summary>
    public const int StatementDays = 30;

    /// <summary>Every programme version (public).</summary>
    public IReadOnlyList<InclusionProgramme> Programmes => programmes.All;

    /// <summary>The programme versions in force today (public).</summary>
    public IReadOnlyList<InclusionProgramme> InForce()
    {
        var today = InclusionTime.DayOf(clock.GetUtcNow());
        return [.. programmes.Codes.Select(c => programmes.InForce(c, today)).OfType<InclusionProgramme>()];
    }

    /// <summary>
    /// The unit of <paramref name="e"/>'s quantity as its programme's version in force today counts it: its methodology's
    /// (trips for Guangzhou's metro, km for Shenzhen's), else its behaviour's (<see cref="Behaviours.UnitOf"/>) (public).
    /// </summary>
    public string UnitOf(InclusionEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return programmes.InForce(e.Programme, InclusionTime.DayOf(clock.GetUtcNow()))?.Find(e.Behaviour)?.Methodology.UnitOf(e.Behaviour)
            ?? Behaviours.UnitOf(e.Behaviour);
    }

    /// <summary>The programme version with this id, or null (public).</summary>
    public InclusionProgramme? Find(string? id) => programmes.Find(id) ?? Shown(id, InclusionTime.DayOf(clock.GetUtcNow()));

    /// <summary>
    /// The version of programme <paramref name="code"/> a reader is shown on <paramref name="today"/>: the one in force,
    /// else the latest; null for an unknown programme.
    /// </summary>
    private InclusionProgramme? Shown(string? code, DateOnly today)
    {
        var versions = programmes.Versions(code ?? "");
        return versions.Count == 0 ? null : programmes.InForce(versions[0].Code, today) ?? versions[^1];
    }

    /// <summary>True when <paramref name="actor"/>'s role may see programme totals and aggregations (of which programmes: <see cref="MayOverseeAsync"/>).</summary>
    public static bool MayOversee(Actor? actor) => actor is not null && InclusionRoles.Overseers.Contains(actor.Role);

    /// <summary>
    /// True when <paramref name="actor"/> may see <paramref name="programme"/>'s totals and aggregations: the regulator, the
    /// auditor and the verifier any programme's; a company representative only a programme its organisation operates (owns
    /// the PHCER project it files under, as <see cref="SettleMerchant.OperatedByAsync"/>), never another's.
    /// </summary>
    internal async Task<bool> MayOverseeAsync(IStoreSession s, Actor? actor, string programme)
    {
        if (!MayOversee(actor))
        {
            return false;
        }
        if (actor!.Role != Role.CompanyRepresentative)
        {
            return true;
        }
        if (actor.OrganisationId is not { } organisation)
        {
            return false;
        }
        foreach (var code in programmes.Versions(programme).Select(p => p.PhcerProject).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (await s.Offsets.FindProjectAsync(UnitType.Phcer, code).ConfigureAwait(false) is { } project && project.OrganisationId == organisation)
            {
                return true;
            }
        }
        return false;
    }

    // MayOverseeAsync asked once a programme within one read: a list of aggregations or dashboard rows names few programmes.
    private Func<string, Task<bool>> OverseesIn(IStoreSession s, Actor? actor)
    {
        var known = new Dictionary<string, bool>(StringComparer.Ordinal);
        return async programme => known.TryGetValue(programme, out var may)
            ? may
            : known[programme] = await MayOverseeAsync(s, actor, programme).ConfigureAwait(false);
    }

    /// <summary>
    /// The statement of <paramref name="userName"/> (null: the actor's own), or null when the actor may not see it or the
    /// user is not a citizen.
    /// </summary>
    public Task<CitizenStatement?> StatementAsync(Actor actor, string? userName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var today = InclusionTime.DayOf(clock.GetUtcNow());
        return store.ReadAsync<CitizenStatement?>(async s =>
        {
            long userId;
            string name;
            if (string.IsNullOrWhiteSpace(userName) || (actor.Role == Role.Citizen && userName == actor.UserName))
            {
                if (actor.Role != Role.Citizen)
                {
                    return null;
                }
                (userId, name) = (actor.UserId, actor.UserName);
            }
            else
            {
                if (actor.Role is not (Role.Regulator or Role.Auditor)
                    || await s.Users.FindByNameAsync(userName.Trim()).ConfigureAwait(false) is not { Role: Role.Citizen } user)
                {
                    return null;
                }
                (userId, name) = (user.Id, user.UserName);
            }
            var statements = new List<ProgrammeStatement>();
            foreach (var wallet in await s.Inclusion.WalletsAsync(userId).ConfigureAwait(false))
            {
                var versions = programmes.Versions(wallet.Programme);
                if ((programmes.InForce(wallet.Programme, today) ?? (versions.Count > 0 ? versions[^1] : null)) is not { } programme)
                {
                    continue;
                }
                var ledger = new CoinLedger(await s.Inclusion.LotsAsync(userId, wallet.Programme, today).ConfigureAwait(false));
                var lapsed = ledger.Lots.Where(l => l.LapsedOn(today)).Sum(l => l.Remaining);
                // From the first of the month of the first day shown: a month's cap counts the whole month.
                var first = today.AddDays(-StatementDays + 1);
                var window = await s.Inclusion.DailyAsync(userId, wallet.Programme, new DateOnly(first.Year, first.Month, 1), today).ConfigureAwait(false);
                var daily = window.Where(d => d.Day >= first).ToList();
                var usage = new UsageLedger(window.Select(d => d.Usage));
                var capped = new Dictionary<DailyRollup, Cap>();
                foreach (var row in daily)
                {
                    if (usage.CoinCapReached(programme, row.Day, row.Behaviour, row.Source) is { } cap)
                    {
                        capped[row] = cap;
                    }
                }
                statements.Add(new ProgrammeStatement(programme, ledger.Balance(today), ledger.Pending(today), wallet.Credited, wallet.Redeemed,
                    wallet.Expired + lapsed, wallet.Reduction, wallet.Actions, daily) { Donated = wallet.Donated, CapsReached = capped });
            }
            return new CitizenStatement(name, today, statements, await s.Inclusion.RecentEventsAsync(userId, 50).ConfigureAwait(false),
                await s.Inclusion.RedemptionsAsync(userId, 20).ConfigureAwait(false))
            {
                Donations = await s.Inclusion.DonationsAsync(userId, 20).ConfigureAwait(false),
            };
        }, ct);
    }

    /// <summary>A programme's counted totals by behaviour over a period, or null when the actor may not see them.</summary>
    public Task<IReadOnlyList<BehaviourTotal>?> PeriodTotalsAsync(Actor? actor, string programme, DateOnly from, DateOnly to, CancellationToken ct) =>
        store.ReadAsync<IReadOnlyList<BehaviourTotal>?>(async s => await MayOverseeAsync(s, actor, programme).ConfigureAwait(false)
            ? await s.Inclusion.PeriodTotalsAsync(programme, from, to).ConfigureAwait(false) : null, ct);

    /// <summary>
    /// How many distinct citizens counted actions of a programme over a period (a citizen of several behaviours once), or
    /// null when the actor may not see it.
    /// </summary>
    public Task<long?> PeriodCitizensAsync(Actor? actor, string programme, DateOnly from, DateOnly to, CancellationToken ct) =>
        store.ReadAsync<long?>(async s => await MayOverseeAsync(s, actor, programme).ConfigureAwait(false)
            ? await s.Inclusion.PeriodCitizensAsync(programme, from, to).ConfigureAwait(false) : null, ct);

    /// <summary>The programmes aggregated into a PHCER project (those that name one), by code: what the aggregation page offers.</summary>
    public IReadOnlyList<string> AggregatedCodes => [.. Programmes.Where(p => p.PhcerProject is not null).Select(p => p.Code).Distinct()];

    /// <summary>
    /// The programme the aggregation page shows for the code its address gave: that one as the platform spells it; else
    /// the first of <see cref="AggregatedCodes"/> (none given, or one none of them has, named in <paramref name="errors"/>);
    /// null when no programme is aggregated.
    /// </summary>
    public string? AggregatedProgramme(string? code, out IReadOnlyList<FieldError> errors)
    {
        var codes = AggregatedCodes;
        var read = new FieldReader();
        var found = string.IsNullOrWhiteSpace(code) ? null : read.Programme(codes, code);
        errors = read.Errors;
        return found ?? (codes.Count > 0 ? codes[0] : null);
    }

    /// <summary>A programme's aggregations, or null when the actor may not see them.</summary>
    public Task<IReadOnlyList<InclusionAggregation>?> AggregationsAsync(Actor? actor, string programme, CancellationToken ct) =>
        store.ReadAsync<IReadOnlyList<InclusionAggregation>?>(async s => await MayOverseeAsync(s, actor, programme).ConfigureAwait(false)
            ? await s.Inclusion.AggregationsAsync(programme).ConfigureAwait(false) : null, ct);
}
