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

    /// <summary>
    /// Every jurisdiction with card rules, in the rules' order: its code and the province or city its latest version names
    /// (天津市 for <c>tianjin</c>). Public.
    /// </summary>
    public IReadOnlyList<(string Code, string Name)> Jurisdictions =>
        [.. rules.All.GroupBy(r => r.Code).Select(g => (g.Key, g.MaxBy(r => r.ValidFrom)!.Jurisdiction))];

    /// <summary>The province or city of <paramref name="code"/> (<see cref="Jurisdictions"/>); the code itself when no rules have it. Public.</summary>
    public string JurisdictionName(string code) => Jurisdictions.FirstOrDefault(j => j.Code == code).Name ?? code;

    /// <summary>Today in Beijing.</summary>
    public DateOnly Today => CardsTime.DayOf(clock.GetUtcNow());

    /// <summary>True when <paramref name="actor"/> sees every company's cards.</summary>
    public static bool MayOversee(Actor? actor) => actor is not null && CardsRoles.Overseers.Contains(actor.Role);

    /// <summary>Every published list, newest first (public).</summary>
    public Task<IReadOnlyList<CardList>> PublishedAsync(CancellationToken ct) => store.ReadAsync(s => s.EnergyCards.ListsAsync(), ct);

    /// <summary>A published list, or null (public).</summary>
    public Task<CardList?> PublishedAsync(string jurisdiction, Quarter quarter, CancellationToken ct) =>
        store.ReadAsync(s => s.EnergyCards.FindListAsync(jurisdiction, quarter), ct);

    /// <summary>The jurisdiction previewed when the address names none.</summary>
    public const string DefaultJurisdiction = "tianjin";

    /// <summary>
    /// The list <paramref name="asked"/> (read as publishing reads it) as it would be published now, or null when the
    /// actor may not see it. A jurisdiction or quarter not given is the default's (<see cref="DefaultJurisdiction"/>, the
    /// last quarter); one that cannot be read is named in the errors and the default list is previewed instead; a quarter
    /// the jurisdiction's rules do not reach (before its first version) is named, and nothing is previewed.
    /// </summary>
    public async Task<CardPreview?> PreviewAsync(Actor? actor, PublishCardList.Form asked, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asked);
        if (!MayOversee(actor))
        {
            return null;
        }
        var fallback = Quarter.Of(Today).Previous;
        var form = new PublishCardList.Form(asked.Jurisdiction ?? DefaultJurisdiction, asked.Quarter ?? fallback.ToString());
        if (PublishCardList.TryParse(form, rules, out var command, out var errors))
        {
            return new CardPreview(await BuildAsync(rules.InForce(command.Jurisdiction, command.Quarter.End)!, command.Quarter, ct).ConfigureAwait(false),
                command.Jurisdiction, command.Quarter, false, []);
        }
        if (errors.All(e => e.Rule == "NoCardRules") && Quarter.TryParse(form.Quarter, out var unruled, out _))
        {
            return new CardPreview(null, rules.First(form.Jurisdiction)!.Code, unruled.Value, false, errors);
        }
        return new CardPreview(await BuildAsync(rules.InForce(DefaultJurisdiction, fallback.End)!, fallback, ct).ConfigureAwait(false),
            DefaultJurisdiction, fallback, true, errors);
    }

    private Task<CardList> BuildAsync(CardRules r, Quarter quarter, CancellationToken ct) =>
        store.ReadAsync(async s => CardListBuilder.Build(r, quarter, await s.EnergyCards.CardsAsync(null).ConfigureAwait(false),
            await s.EnergyCards.ViolationsAsync(null).ConfigureAwait(false)), ct);

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
