using OpenEts.Application.Storage;
using OpenEts.Domain.Organisations;

namespace OpenEts.Storage;

internal sealed partial class SqlSession
{
    private const string OrganisationColumns = "id, credit_code, name, kind, sector, region, status, jurisdiction";

    // The list reads by role in OrganisationKind's order (covered companies, the regulator, verifiers, the exchange,
    // auditors, investors), then by name; the kind is stored as its name, whose alphabetical order means nothing.
    private const string KindOrder = "CASE kind WHEN 'Company' THEN 0 WHEN 'Regulator' THEN 1 WHEN 'Verifier' THEN 2 "
        + "WHEN 'Exchange' THEN 3 WHEN 'Auditor' THEN 4 WHEN 'Investor' THEN 5 ELSE 6 END";

    public async Task<Organisation?> FindByCodeAsync(CreditCode code) =>
        (await QuerySingleOrDefaultAsync<OrganisationRow>(
            $"SELECT {OrganisationColumns} FROM organisations WHERE credit_code = @code", new { code = code.Value })
            .ConfigureAwait(false))?.ToDomain();

    public async Task<Organisation?> FindByIdAsync(long id) =>
        (await QuerySingleOrDefaultAsync<OrganisationRow>(
            $"SELECT {OrganisationColumns} FROM organisations WHERE id = @id", new { id }).ConfigureAwait(false))?.ToDomain();

    public async Task<IReadOnlyList<Organisation>> FindByIdsAsync(IReadOnlyCollection<long> ids) =>
        [.. (await QueryAmongAsync<OrganisationRow, long>($"SELECT {OrganisationColumns} FROM organisations WHERE", "id", ids)
            .ConfigureAwait(false)).Select(r => r.ToDomain())];

    public async Task<IReadOnlyList<Organisation>> ListAsync(OrganisationFilter filter)
    {
        var rows = await QueryAsync<OrganisationRow>($"""
            SELECT {OrganisationColumns} FROM organisations
            WHERE (@kind IS NULL OR kind = @kind)
              AND (@sector IS NULL OR sector = @sector)
              AND (@status IS NULL OR status = @status)
              AND (@jurisdiction IS NULL OR jurisdiction = @jurisdiction)
              AND (@search IS NULL OR name LIKE @search ESCAPE '\' OR credit_code LIKE @search ESCAPE '\'
                   OR region LIKE @search ESCAPE '\')
            ORDER BY {KindOrder}, name, id
            """, new
        {
            kind = filter.Kind?.ToString(),
            sector = filter.Sector?.ToString(),
            status = filter.Status?.ToString(),
            jurisdiction = filter.Jurisdiction?.Code,
            search = string.IsNullOrWhiteSpace(filter.Search) ? null : "%" + EscapeLike(filter.Search.Trim().ToUpperInvariant()) + "%",
        }).ConfigureAwait(false);
        return rows.Select(r => r.ToDomain()).ToList();
    }

    // The search text matched literally: LIKE's wildcards % and _ and the escape character itself are escaped with '\'
    // (ESCAPE '\' above, the same in SQLite and PostgreSQL).
    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);

    public Task<long> CountAsync() => ExecuteScalarAsync<long>("SELECT COUNT(*) FROM organisations");

    public async Task<Organisation> InsertAsync(Organisation organisation, DateTimeOffset now)
    {
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO organisations (credit_code, name, kind, sector, region, status, jurisdiction, updated_at)
            VALUES (@code, @name, @kind, @sector, @region, @status, @jurisdiction, @now) RETURNING id
            """, Parameters(organisation, now)).ConfigureAwait(false);
        return organisation with { Id = id };
    }

    public async Task UpdateAsync(Organisation organisation, DateTimeOffset now)
    {
        var changed = await ExecuteAsync("""
            UPDATE organisations SET credit_code = @code, name = @name, kind = @kind, sector = @sector,
                region = @region, status = @status, jurisdiction = @jurisdiction, updated_at = @now
            WHERE id = @id
            """, Parameters(organisation, now)).ConfigureAwait(false);
        if (changed != 1)
        {
            throw new InvalidOperationException($"organisation {organisation.Id} does not exist");
        }
    }

    private static object Parameters(Organisation o, DateTimeOffset now) => new
    {
        id = o.Id,
        code = o.Code.Value,
        name = o.Name,
        kind = o.Kind.ToString(),
        sector = o.Sector.ToString(),
        region = o.Region,
        status = o.Status.ToString(),
        jurisdiction = o.Jurisdiction?.Code,
        now = Ms(now),
    };

    private sealed class OrganisationRow
    {
        public long Id { get; init; }

        public string Credit_Code { get; init; } = "";

        public string Name { get; init; } = "";

        public string Kind { get; init; } = "";

        public string Sector { get; init; } = "";

        public string Region { get; init; } = "";

        public string Status { get; init; } = "";

        public string? Jurisdiction { get; init; }

        public Organisation ToDomain() => new(
            Id,
            CreditCode.Parse(Credit_Code).Code,
            Name,
            Enum.Parse<OrganisationKind>(Kind),
            Enum.Parse<Sector>(Sector),
            Region,
            Enum.Parse<CoverageStatus>(Status),
            Jurisdiction is null ? null : MarketJurisdiction.From(Jurisdiction));
    }
}
