using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Domain.DualControl.Cards;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.DualControl.Cards;

/// <summary>
/// The only way into polluter cards' data for the pages, the API and the CLI. The access rule: the rules and the
/// published lists are public; every violation, card and list preview is for <see cref="CardsRoles.Overseers"/>; a
/// company representative sees their own company's history.
/// </summary>
public sealed class CardsQueries(IStore store, CardRuleSets rules, TimeProvider clock)
{
    /// <summary>Every rules version (public).</summary>
    public IReadOnlyList<CardRules> Rules => rules.All;

    /// <summary>Today in Beijing.</summary>
    public DateOnly Today => CardsTime.DayOf(clock.GetUtcNow());

    /// <summary>True when <paramref name="actor"/> sees every company's cards.</summary>
    public static bool MayOversee(Actor? actor) => actor is not null && CardsRoles.Overseers.Contains(actor.Role);

    /// <summary>Every published list, newest first (public).</summary>
    public Task<IReadOnlyList<CardList>> PublishedAsync(CancellationToken ct) => store.ReadAsync(s => s.EnergyCards.ListsAsync(), ct);

    /// <summary>A published list, or null (public).</summary>
    public Task<CardList?> PublishedAsync(string jurisdiction, Quarter quarter, CancellationToken ct) =>
        store.ReadAsync(s => s.EnergyCards.FindListAsync(jurisdiction, quarter), ct);

    /// <summary>The list as it would be published now, or null when the actor may not see it or the jurisdiction is unknown.</summary>
    public async Task<CardList?> PreviewAsync(Actor? actor, string jurisdiction, Quarter quarter, CancellationToken ct)
    {
        if (!MayOversee(actor) || rules.For(jurisdiction, quarter.End) is not { } r)
        {
            return null;
        }
        return await store.ReadAsync(async s => CardListBuilder.Build(r, quarter, await s.EnergyCards.CardsAsync(null).ConfigureAwait(false),
            await s.EnergyCards.ViolationsAsync(null).ConfigureAwait(false)), ct).ConfigureAwait(false);
    }

    /// <summary>Every card, or null when the actor may not see them.</summary>
    public async Task<IReadOnlyList<CardRecord>?> CardsAsync(Actor? actor, CancellationToken ct) =>
        MayOversee(actor) ? await store.ReadAsync(s => s.EnergyCards.CardsAsync(null), ct).ConfigureAwait(false) : null;

    /// <summary>Every violation, or null when the actor may not see them.</summary>
    public async Task<IReadOnlyList<ViolationRecord>?> ViolationsAsync(Actor? actor, CancellationToken ct) =>
        MayOversee(actor) ? await store.ReadAsync(s => s.EnergyCards.ViolationsAsync(null), ct).ConfigureAwait(false) : null;

    /// <summary>
    /// A company's history (its own representative, or an overseer; a blank code: the actor's own company), or null when
    /// the actor may not see it or the code is unknown. The credit grade counts the cards confirmed this year under the rules of its latest card.
    /// </summary>
    public Task<CompanyCards?> CompanyAsync(Actor? actor, string? code, CancellationToken ct)
    {
        var today = Today;
        return store.ReadAsync<CompanyCards?>(async s =>
        {
            if (actor is null)
            {
                return null;
            }
            var parse = CreditCode.Parse(code);
            var org = string.IsNullOrWhiteSpace(code) && actor.OrganisationId is { } own
                ? await s.Organisations.FindByIdAsync(own).ConfigureAwait(false)
                : parse.Success ? await s.Organisations.FindByCodeAsync(parse.Code).ConfigureAwait(false) : null;
            if (org is null)
            {
                return null;
            }
            if (!MayOversee(actor) && !(actor.Role == Role.CompanyRepresentative && actor.OrganisationId == org.Id))
            {
                return null;
            }
            var cards = await s.EnergyCards.CardsAsync(org.Id).ConfigureAwait(false);
            var violations = await s.EnergyCards.ViolationsAsync(org.Id).ConfigureAwait(false);
            return Summarise(org.Code.Value, org.Name, cards, violations, today);
        }, ct);
    }

    private CompanyCards Summarise(string code, string name, IReadOnlyList<CardRecord> cards, IReadOnlyList<ViolationRecord> violations, DateOnly today)
    {
        var latest = cards.Count > 0 ? rules.Find(cards[^1].Rules) : violations.Count > 0 ? rules.Find(violations[^1].Rules) : null;
        latest ??= rules.All[0];
        var thisYear = cards.Count(c => c.ConfirmedOn is { } d && d.Year == today.Year && c.Status != CardStatus.Dismissed);
        var serious = violations.Where(v => v.IsExceedance && v.Serious).Select(v => Quarter.Of(v.ObservedOn)).Distinct().ToList();
        var supervised = serious.Where(q => ListedSupervision.Applies(serious, q, latest.SupervisionQuarters.Whole)).Order().Select(q => q.ToString()).ToList();
        return new CompanyCards(code, name, violations, cards, CreditGrade.After(latest, thisYear), thisYear, supervised);
    }
}
