using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Journal;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Organisations;

/// <summary>The covered-entity list (纳入企业名单): add, edit, import, list, history. Changes are the regulator's.</summary>
public sealed class OrganisationService(IStore store)
{
    // The kinds the list journals: entity.created, entity.updated.
    private const string EntityKinds = "entity.";

    public Task<IReadOnlyList<Organisation>> ListAsync(OrganisationFilter filter, CancellationToken ct) =>
        store.ReadAsync(s => s.Organisations.ListAsync(filter), ct);

    public Task<Organisation?> FindAsync(string code, CancellationToken ct)
    {
        var parsed = CreditCode.Parse(code);
        return parsed.Success
            ? store.ReadAsync(s => s.Organisations.FindByCodeAsync(parsed.Code), ct)
            : Task.FromResult<Organisation?>(null);
    }

    /// <summary>
    /// The organisations covered by <paramref name="jurisdiction"/> (<c>GD</c>, <c>CN</c>), whatever their kind or status:
    /// how other modules (allocation, compliance) learn which entities are a market's. An unknown code has none.
    /// </summary>
    public async Task<IReadOnlyList<Organisation>> CoveredByAsync(string jurisdiction, CancellationToken ct) =>
        MarketJurisdiction.TryParse(jurisdiction, out var market, out _) && market.Code == jurisdiction
            ? await store.ReadAsync(s => s.Organisations.ListAsync(new OrganisationFilter(Jurisdiction: market)), ct).ConfigureAwait(false)
            : [];

    /// <summary>
    /// An organisation's history on the list (newest first, at most 200 entries), field by field: before → after. Only
    /// the list's own changes (<c>entity.*</c>): other modules journal under the same code (its cash, its exchange
    /// account, its cards), and every market participant may read this history, so those entries, which tell when a
    /// company deposited or traded, stay in the audit log for the regulator and the auditor.
    /// </summary>
    public async Task<IReadOnlyList<OrganisationChange>> ChangesAsync(CreditCode code, CancellationToken ct) =>
        [.. (await store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(Subject: code.Value, KindPrefix: EntityKinds), 0, 200), ct).ConfigureAwait(false))
            .Select(OrganisationChange.From)];

    public Task<OrganisationOutcome> AddAsync(Actor actor, OrganisationDraft draft, DateTimeOffset now, CancellationToken ct)
    {
        if (!Roles.ManagesEntityList(actor.Role))
        {
            return Task.FromResult<OrganisationOutcome>(new OrganisationOutcome.Forbidden());
        }
        var validation = draft.Validate();
        if (validation.Organisation is not { } organisation)
        {
            return Task.FromResult<OrganisationOutcome>(new OrganisationOutcome.Invalid(validation.Errors));
        }
        return store.WriteAsync<OrganisationOutcome>(async s =>
        {
            if (await s.Organisations.FindByCodeAsync(organisation.Code).ConfigureAwait(false) is not null)
            {
                return Duplicate(organisation.Code);
            }
            var saved = await s.Organisations.InsertAsync(organisation, now).ConfigureAwait(false);
            await s.Journal.AppendAsync(now, actor.UserName, "entity.created", saved.Code.Value,
                Json.Object(("after", OrganisationView.From(saved)))).ConfigureAwait(false);
            return new OrganisationOutcome.Saved(saved);
        }, ct);
    }

    /// <summary>Edits the organisation now holding <paramref name="code"/>; the draft may carry a corrected code.</summary>
    public Task<OrganisationOutcome> UpdateAsync(Actor actor, string code, OrganisationDraft draft, DateTimeOffset now,
        CancellationToken ct)
    {
        if (!Roles.ManagesEntityList(actor.Role))
        {
            return Task.FromResult<OrganisationOutcome>(new OrganisationOutcome.Forbidden());
        }
        var current = CreditCode.Parse(code);
        var validation = draft.Validate();
        if (!current.Success)
        {
            return Task.FromResult<OrganisationOutcome>(new OrganisationOutcome.NotFound());
        }
        if (validation.Organisation is not { } changed)
        {
            return Task.FromResult<OrganisationOutcome>(new OrganisationOutcome.Invalid(validation.Errors));
        }
        return store.WriteAsync<OrganisationOutcome>(async s =>
        {
            var before = await s.Organisations.FindByCodeAsync(current.Code).ConfigureAwait(false);
            if (before is null)
            {
                return new OrganisationOutcome.NotFound();
            }
            if (changed.Code != before.Code && await s.Organisations.FindByCodeAsync(changed.Code).ConfigureAwait(false) is not null)
            {
                return Duplicate(changed.Code);
            }
            var after = changed with
            {
                Id = before.Id,
                Kind = draft.Kind is null ? before.Kind : changed.Kind,
                Jurisdiction = draft.KeepsJurisdiction ? before.Jurisdiction : changed.Jurisdiction,
            };
            if (after == before)
            {
                return new OrganisationOutcome.Saved(before);
            }
            await s.Organisations.UpdateAsync(after, now).ConfigureAwait(false);
            await s.Journal.AppendAsync(now, actor.UserName, "entity.updated", after.Code.Value,
                Json.Object(("before", OrganisationView.From(before)), ("after", OrganisationView.From(after))))
                .ConfigureAwait(false);
            return new OrganisationOutcome.Saved(after);
        }, ct);
    }

    /// <summary>
    /// Imports rows all-or-nothing: every row is checked first; if any row is bad nothing is written and every bad
    /// row is reported. A row whose code exists updates that organisation; others are added.
    /// </summary>
    public async Task<ImportOutcome> ImportAsync(Actor actor, OrganisationSheet sheet, DateTimeOffset now, CancellationToken ct)
    {
        if (!Roles.ManagesEntityList(actor.Role))
        {
            return new ImportOutcome.Forbidden();
        }
        if (sheet.Errors.Count > 0)
        {
            return new ImportOutcome.Invalid(sheet.Errors);
        }
        var errors = new List<RowError>();
        var valid = new List<(Organisation Organisation, bool KeepsJurisdiction)>();
        var seen = new Dictionary<CreditCode, int>();
        foreach (var row in sheet.Rows)
        {
            var validation = row.Draft.Validate();
            foreach (var e in validation.Errors)
            {
                errors.Add(new RowError(row.Row, sheet.ColumnOf(e.Field), e.Field, e.Rule, e.Message) { Figures = e.Figures });
            }
            // A code repeated in the file is named whatever else the row holds: both errors are reported in one pass.
            if (CreditCode.Parse(row.Draft.Code) is { Success: true, Code: var code } && !seen.TryAdd(code, row.Row))
            {
                FormattableString again = $"credit code {code} already appears in row {seen[code]}";
                errors.Add(new RowError(row.Row, sheet.ColumnOf("code"), "code", "Duplicate", Domain.Text.Figures.Sentence(again))
                {
                    Figures = Domain.Text.Figures.Of(again),
                });
            }
            else if (validation.Organisation is { } o)
            {
                valid.Add((o, row.Draft.KeepsJurisdiction));
            }
        }
        if (errors.Count > 0)
        {
            return new ImportOutcome.Invalid(errors);
        }
        if (valid.Count == 0)
        {
            return new ImportOutcome.Invalid([new RowError(0, "", "", "Empty", "the file has no data rows")]);
        }
        return await store.WriteAsync<ImportOutcome>(async s =>
        {
            int added = 0, updated = 0, unchanged = 0;
            foreach (var (o, keepsJurisdiction) in valid)
            {
                var before = await s.Organisations.FindByCodeAsync(o.Code).ConfigureAwait(false);
                if (before is null)
                {
                    var saved = await s.Organisations.InsertAsync(o, now).ConfigureAwait(false);
                    await s.Journal.AppendAsync(now, actor.UserName, "entity.created", o.Code.Value,
                        Json.Object(("after", OrganisationView.From(saved)), ("source", "import"))).ConfigureAwait(false);
                    added++;
                    continue;
                }
                var after = o with { Id = before.Id, Kind = before.Kind, Jurisdiction = keepsJurisdiction ? before.Jurisdiction : o.Jurisdiction };
                if (after == before)
                {
                    unchanged++;
                    continue;
                }
                await s.Organisations.UpdateAsync(after, now).ConfigureAwait(false);
                await s.Journal.AppendAsync(now, actor.UserName, "entity.updated", o.Code.Value,
                    Json.Object(("before", OrganisationView.From(before)), ("after", OrganisationView.From(after)),
                        ("source", "import"))).ConfigureAwait(false);
                updated++;
            }
            return new ImportOutcome.Imported(added, updated, unchanged);
        }, ct).ConfigureAwait(false);
    }

    // Not the import's "Duplicate" (a code twice in one file): here the code is already on the list.
    private static OrganisationOutcome.Conflict Duplicate(CreditCode code) =>
        new(new FieldError("code", "CodeAlreadyListed", $"code: a company with the credit code {code} is already on the list"));
}
