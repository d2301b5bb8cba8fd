using OpenEts.Application.Identity;
using OpenEts.Application.Mrv;
using OpenEts.Application.Offsets;
using OpenEts.Application.Organisations;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Compliance;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Compliance;

/// <summary>
/// Reads compliance: the public list (entity, obligation, surrendered, status: like the yearly 履约 announcements), the
/// regulator's overview (the same with penalties and the province's offset totals) and a company's own page. Every
/// figure is computed from approved MRV emissions and the registry's surrenders under the year's rules, never stored: the
/// list, a company's standing and its own page read the year as the registry's writer keeps it between surrenders
/// (<see cref="ComplianceYearCache"/>), so a page view records only the surrenders made since the last.
/// </summary>
public sealed class ComplianceQueries(
    RegistryQueries registry, MrvQueries mrv, OffsetsQueries offsets, OrganisationService organisations, ComplianceRulebook rulebook,
    IStore store, TimeProvider clock)
{
    /// <summary>The roles that see the regulator's overview (penalties included).</summary>
    public static IReadOnlyList<Role> OverviewRoles { get; } = [Role.Regulator, Role.Auditor];

    /// <summary>The jurisdictions and years that have rules, newest first.</summary>
    public Task<IReadOnlyList<(string Jurisdiction, int Year)>> YearsAsync(CancellationToken ct) => rulebook.YearsAsync(ct);

    /// <summary>
    /// The year a compliance page shows for the address's <paramref name="jurisdiction"/> (default
    /// <see cref="ComplianceRulebook.DefaultJurisdiction"/>, any case) and <paramref name="year"/>: the year asked for, else
    /// the newest year with rules in that jurisdiction, else the newest of any.
    /// </summary>
    public async Task<ComplianceYearChoice> ChooseYearAsync(string? jurisdiction, int? year, CancellationToken ct)
    {
        var years = await YearsAsync(ct).ConfigureAwait(false);
        var code = string.IsNullOrWhiteSpace(jurisdiction) ? ComplianceRulebook.DefaultJurisdiction : jurisdiction.Trim().ToUpperInvariant();
        (string, int)? picked = year is { } y ? (code, y)
            : years.FirstOrDefault(x => x.Jurisdiction == code) is { Year: > 0 } same ? same
            : years.Count > 0 ? years[0] : null;
        return new ComplianceYearChoice(years, picked);
    }

    /// <summary>The public list of <paramref name="jurisdiction"/>'s <paramref name="year"/>; null when it has no rules.</summary>
    public async Task<ComplianceList?> ListAsync(string jurisdiction, int year, CancellationToken ct)
    {
        if (await LoadAsync(jurisdiction, year, ct).ConfigureAwait(false) is not { } inputs)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        return await KeptYearAsync(inputs, book => ListOf(inputs, book, now), ct).ConfigureAwait(false);
    }

    // The year as the registry's writer keeps it between surrenders (ComplianceYearCache: only the surrenders since the
    // last read or surrender are recorded, a full replay only when an input changed), read inside the registry's lock
    // before it takes another surrender. The inputs are interned first, so that the kept year's check is one of references.
    private Task<T> KeptYearAsync<T>(ComplianceInputs inputs, Func<ComplianceYear, T> read, CancellationToken ct) =>
        KeptYearAsync(inputs, (book, _) => read(book), ct);

    // The same, with the surrenders the kept year recorded (a company's own page lists its own).
    private Task<T> KeptYearAsync<T>(ComplianceInputs inputs, Func<ComplianceYear, IReadOnlyList<RecordedSurrender>, T> read, CancellationToken ct)
    {
        var interned = ComplianceYearCache.Intern(inputs);
        return registry.ReadLedgerAsync(l =>
        {
            var (book, recorded) = ComplianceYearCache.CurrentWithSurrenders(l, interned);
            return read(book, recorded);
        }, ct);
    }

    /// <summary>The list as computed from <paramref name="book"/> at <paramref name="now"/>.</summary>
    public static ComplianceList ListOf(ComplianceInputs inputs, ComplianceYear book, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(book);
        var rows = book.StatusOfAll(now).Select(s =>
        {
            var total = inputs.Approved[s.Entity];
            return new ComplianceRow(s.Entity, total.Name, total.Sector, s);
        }).ToList();
        return new ComplianceList(inputs.Jurisdiction, inputs.Year, inputs.Rules, now, rows, book.ProvinceOffsets, book.OutOfProvinceLimit);
    }

    /// <summary>
    /// <paramref name="actor"/>'s own entity's page for the year: null when the actor acts for no entity with approved
    /// emissions that year, or the year has no rules.
    /// </summary>
    public async Task<OwnCompliance?> OwnAsync(Actor actor, string jurisdiction, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await LoadAsync(jurisdiction, year, ct).ConfigureAwait(false) is not { } inputs
            || inputs.EntityOfUser(actor.UserName) is not { } entity)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        // The entity's holdings are read first, outside the registry's lock; what may count of each is then computed
        // from the kept year, with the standing and the entity's own surrenders, inside it.
        var held = new List<(AccountNumber Account, HoldingAttributes Holding)>();
        foreach (var account in await registry.AccountsAsync(actor, ct).ConfigureAwait(false))
        {
            if (account.Kind == AccountKind.Holding && inputs.EntityOf(account) == entity
                && await registry.HoldingAttributesAsync(actor, account.Number, ct).ConfigureAwait(false)
                    is AccountRead<IReadOnlyList<HoldingAttributes>>.Found found)
            {
                held.AddRange(found.Value.Select(h => (account.Number, h)));
            }
        }
        var total = inputs.Approved[entity];
        return await KeptYearAsync(inputs, (book, recorded) =>
        {
            var own = recorded.Where(r => r.Entity == entity)
                .Select(r => new OwnSurrender(r.Surrender.From.Number, r.Surrender.Attributes, r.Surrender.Quantity, r.Surrender.At, r.Refused))
                .ToList();
            var holdings = held.ConvertAll(h =>
            {
                var facts = inputs.FactsOf(h.Holding.Holding.Class);
                var quantity = h.Holding.Holding.Total.Value;
                return new OwnHolding(h.Account, h.Holding.Attributes, quantity,
                    UnitEligibility.Check(inputs.Rules, year, entity, h.Holding.Attributes, facts),
                    MostAccepted(book, entity, h.Holding.Attributes, facts, quantity));
            });
            var standing = book.StatusOf(entity, now)!;
            return new OwnCompliance(jurisdiction, year, inputs.Rules, new ComplianceRow(entity, total.Name, total.Sector, standing), own, holdings);
        }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The compliance year a surrender form offers for holding account <paramref name="account"/>: the newest year (of any
    /// jurisdiction with rules) in which the account's entity has an obligation it has not met yet (未足额清缴); else the
    /// newest year with rules; else last year (Beijing time). The actor must be able to read the account for the first.
    /// </summary>
    public async Task<int> SurrenderYearAsync(Actor actor, AccountNumber account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var years = await YearsAsync(ct).ConfigureAwait(false);
        if ((await registry.AccountsAsync(actor, ct).ConfigureAwait(false)).FirstOrDefault(a => a.Number == account) is { } held
            && await NewestShortAsync(years, inputs => inputs.EntityOf(held), ct).ConfigureAwait(false) is { } owed)
        {
            return owed.Year;
        }
        return years.Count > 0 ? years.Max(y => y.Year) : clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year - 1;
    }

    /// <summary>
    /// The newest compliance year (of any jurisdiction with rules) in which <paramref name="actor"/>'s own entity still
    /// owes units (未足额清缴), with what it owes and by when; null when it owes nothing or acts for no entity. Only the
    /// standing is computed: none of <see cref="OwnAsync"/>'s holdings and their eligibility (the workbench's question).
    /// </summary>
    public async Task<OwedUnits?> OwedAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return await NewestShortAsync(await YearsAsync(ct).ConfigureAwait(false), inputs => inputs.EntityOfUser(actor.UserName), ct)
            .ConfigureAwait(false);
    }

    // The newest year in which the entity entityOf names in that year's inputs is short, replaying only the years it has.
    private async Task<OwedUnits?> NewestShortAsync(IReadOnlyList<(string Jurisdiction, int Year)> years,
        Func<ComplianceInputs, CreditCode?> entityOf, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var (jurisdiction, year) in years.OrderByDescending(y => y.Year))
        {
            if (await LoadAsync(jurisdiction, year, ct).ConfigureAwait(false) is not { } inputs || entityOf(inputs) is not { } entity)
            {
                continue;
            }
            if (await KeptYearAsync(inputs, book => book.StatusOf(entity, now), ct).ConfigureAwait(false) is { Status: ComplianceStatus.Short } standing)
            {
                return new OwedUnits(jurisdiction, year, inputs.Rules.SurrenderDeadline, standing);
            }
        }
        return null;
    }

    /// <summary>The most of <paramref name="held"/> units <see cref="ComplianceYear.Check"/> accepts now (0 when none).</summary>
    public static long MostAccepted(ComplianceYear book, CreditCode entity, UnitAttributes unit,
        OffsetProjectFacts? facts, long held)
    {
        ArgumentNullException.ThrowIfNull(book);
        // Every quantity rule is an upper bound, so the accepted quantities run from 1 up to some most.
        long low = 0, high = held;
        while (low < high)
        {
            var mid = low + ((high - low + 1) / 2);
            if (book.Check(entity, unit, facts, mid) is null)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }
        return low;
    }

    private Task<ComplianceInputs?> LoadAsync(string jurisdiction, int year, CancellationToken ct) =>
        ComplianceInputsCache.LoadAsync(store, registry, mrv, offsets, organisations, rulebook, jurisdiction, year, ct);
}
