using System.Text.Json;
using OpenEts.Application;
using OpenEts.Application.DualControl.Targets;
using OpenEts.Application.Storage;
using OpenEts.Domain.DualControl.Targets;

namespace OpenEts.Storage;

internal sealed partial class SqlSession : IEnergyTargetsData
{
    public IEnergyTargetsData EnergyTargets => this;

    private const string PlanKeySelect = "SELECT region AS Region, version AS Version, adopted_at AS AdoptedAt, adopted_by AS AdoptedBy FROM energy_plans";

    Task IEnergyTargetsData.InsertPlanAsync(PlanVersion v) => ExecuteAsync("""
        INSERT INTO energy_plans (region, version, name, first_year, last_year, adopted_at, adopted_by, body)
        VALUES (@region, @version, @name, @first, @last, @at, @by, @body)
        """, new
    {
        region = v.Plan.Region.Value,
        version = (long)v.Plan.Version,
        name = v.Plan.Name,
        first = (long)v.Plan.FirstYear,
        last = (long)v.Plan.LastYear,
        at = Ms(v.AdoptedAt),
        by = v.AdoptedBy,
        body = Json.Serialize(PlanDocument.From(v.Plan)),
    });

    async Task<PlanVersion?> IEnergyTargetsData.LatestPlanAsync(UnitCode region) =>
        (await PlansAsync($"{PlanKeySelect} WHERE region = @region ORDER BY version DESC LIMIT 1", new { region = region.Value })
            .ConfigureAwait(false)) is [var latest] ? latest : null;

    Task<IReadOnlyList<PlanVersion>> IEnergyTargetsData.LatestPlansAsync() => PlansAsync($"""
        {PlanKeySelect} p WHERE version = (SELECT MAX(version) FROM energy_plans q WHERE q.region = p.region) ORDER BY region
        """);

    Task<IReadOnlyList<PlanVersion>> IEnergyTargetsData.PlanVersionsAsync(UnitCode region) =>
        PlansAsync($"{PlanKeySelect} WHERE region = @region ORDER BY version DESC", new { region = region.Value });

    // Reads the versions' keys, then the body of each version not parsed before (a 晴雨表 round used to parse every plan).
    private async Task<IReadOnlyList<PlanVersion>> PlansAsync(string keySql, object? parameters = null)
    {
        var rows = (await QueryAsync<EnergyPlanRow>(keySql, parameters).ConfigureAwait(false)).ToList();
        var versions = new List<PlanVersion>(rows.Count);
        foreach (var row in rows)
        {
            var key = new PlanKey(row.Region, row.Version, row.AdoptedAt);
            if (!plans.TryGet(key, out var version))
            {
                var body = await ExecuteScalarAsync<string>("SELECT body FROM energy_plans WHERE region = @region AND version = @version",
                    new { region = row.Region, version = row.Version }).ConfigureAwait(false);
                version = new PlanVersion(PlanDocument.Parse(body, (int)row.Version), At(row.AdoptedAt), row.AdoptedBy);
                plans.Add(key, version);
            }
            versions.Add(version);
        }
        return versions;
    }

    async Task<int> IEnergyTargetsData.SaveStatisticsAsync(IReadOnlyList<EnergyStatistic> statistics)
    {
        var replaced = 0;
        foreach (var group in statistics.GroupBy(s => (s.Region, s.Year)))
        {
            var existing = (await QueryAsync<(long FirstMonth, long Months)>(
                "SELECT first_month, months FROM energy_statistics WHERE region = @region AND year = @year",
                new { region = group.Key.Region.Value, year = (long)group.Key.Year }).ConfigureAwait(false)).ToHashSet();
            replaced += group.Count(s => existing.Contains((s.FirstMonth, s.Months)));
        }
        foreach (var s in statistics)
        {
            await ExecuteAsync("""
                INSERT INTO energy_statistics (region, year, first_month, months, energy_kg, output_yuan, at, by_user)
                VALUES (@region, @year, @first, @months, @energy, @output, @at, @by)
                ON CONFLICT (region, year, first_month, months) DO UPDATE SET
                    energy_kg = excluded.energy_kg, output_yuan = excluded.output_yuan, at = excluded.at, by_user = excluded.by_user
                """, new
            {
                region = s.Region.Value,
                year = (long)s.Year,
                first = (long)s.FirstMonth,
                months = (long)s.Months,
                energy = s.Energy.Kilograms,
                output = s.Output.Yuan,
                at = Ms(s.At),
                by = s.By,
            }).ConfigureAwait(false);
        }
        return replaced;
    }

    async Task<IReadOnlyList<EnergyStatistic>> IEnergyTargetsData.StatisticsAsync(UnitCode? region, int fromYear, int toYear) =>
        [.. (await QueryAsync<EnergyStatisticRow>("""
            SELECT region AS Region, year AS Year, first_month AS FirstMonth, months AS Months, energy_kg AS EnergyKg, output_yuan AS OutputYuan,
                at AS At, by_user AS ByUser
            FROM energy_statistics WHERE (@region IS NULL OR region = @region) AND year BETWEEN @from AND @to
            ORDER BY region, year, first_month, months
            """, new { region = region?.Value, from = (long)fromYear, to = (long)toYear }).ConfigureAwait(false))
            .Select(r => new EnergyStatistic(UnitCode.From(r.Region), (int)r.Year, (int)r.FirstMonth, (int)r.Months, Tce.FromKilograms(r.EnergyKg),
                EconomicOutput.FromYuan(r.OutputYuan), At(r.At), r.ByUser))];

    Task IEnergyTargetsData.SaveKeyUserAsync(KeyEnergyUser u) => ExecuteAsync("""
        INSERT INTO energy_key_users (code, name, city, organisation_id, designated_at, by_user)
        VALUES (@code, @name, @city, @org, @at, @by)
        ON CONFLICT (code) DO UPDATE SET name = excluded.name, city = excluded.city, organisation_id = excluded.organisation_id,
            designated_at = excluded.designated_at, by_user = excluded.by_user
        """, new { code = u.Code.Value, name = u.Name, city = u.City.Value, org = u.OrganisationId, at = Ms(u.DesignatedAt), by = u.By });

    private const string KeyUserSelect = """
        SELECT code AS Code, name AS Name, city AS City, organisation_id AS OrganisationId, designated_at AS DesignatedAt, by_user AS ByUser
        FROM energy_key_users
        """;

    async Task<KeyEnergyUser?> IEnergyTargetsData.FindKeyUserAsync(UnitCode code) =>
        (await QuerySingleOrDefaultAsync<EnergyKeyUserRow>($"{KeyUserSelect} WHERE code = @code", new { code = code.Value }).ConfigureAwait(false))?.ToUser();

    async Task<IReadOnlyList<KeyEnergyUser>> IEnergyTargetsData.KeyUsersAsync() =>
        [.. (await QueryAsync<EnergyKeyUserRow>($"{KeyUserSelect} ORDER BY code").ConfigureAwait(false)).Select(r => r.ToUser())];

    Task IEnergyTargetsData.SaveAnnualReportAsync(AnnualEnergyReport r) => ExecuteAsync("""
        INSERT INTO energy_annual_reports (key_user, year, energy_kg, value_added_yuan, at, by_user)
        VALUES (@user, @year, @energy, @added, @at, @by)
        ON CONFLICT (key_user, year) DO UPDATE SET energy_kg = excluded.energy_kg, value_added_yuan = excluded.value_added_yuan,
            at = excluded.at, by_user = excluded.by_user
        """, new { user = r.KeyUser.Value, year = (long)r.Year, energy = r.Energy.Kilograms, added = r.ValueAdded.Yuan, at = Ms(r.At), by = r.By });

    async Task<IReadOnlyList<AnnualEnergyReport>> IEnergyTargetsData.AnnualReportsAsync(int fromYear, int toYear) =>
        [.. (await QueryAsync<EnergyReportRow>("""
            SELECT key_user AS KeyUser, year AS Year, energy_kg AS EnergyKg, value_added_yuan AS ValueAddedYuan, at AS At, by_user AS ByUser
            FROM energy_annual_reports WHERE year BETWEEN @from AND @to ORDER BY key_user, year
            """, new { from = (long)fromYear, to = (long)toYear }).ConfigureAwait(false))
            .Select(r => new AnnualEnergyReport(UnitCode.From(r.KeyUser), (int)r.Year, Tce.FromKilograms(r.EnergyKg), EconomicOutput.FromYuan(r.ValueAddedYuan),
                At(r.At), r.ByUser))];

    Task IEnergyTargetsData.SaveAssessmentAsync(AssessmentRecord a) => ExecuteAsync("""
        INSERT INTO energy_assessments (unit, year, scheme, grade, total_centi, vetoed, body, at, by_user)
        VALUES (@unit, @year, @scheme, @grade, @total, @vetoed, @body, @at, @by)
        ON CONFLICT (unit, year) DO UPDATE SET scheme = excluded.scheme, grade = excluded.grade, total_centi = excluded.total_centi,
            vetoed = excluded.vetoed, body = excluded.body, at = excluded.at, by_user = excluded.by_user
        """, new
    {
        unit = a.Unit.Value,
        year = (long)a.Year,
        scheme = a.Scheme,
        grade = a.Result.Grade.ToString(),
        total = (long)decimal.Round(a.Result.Total * 100m, 0, MidpointRounding.AwayFromZero),
        vetoed = a.Result.Vetoed ? 1L : 0L,
        body = Json.Serialize(new EnergyAssessmentBody(a.UnitName, a.Kind.ToString(), a.TargetPercent, a.AchievedPercent, a.Measures, a.Result)),
        at = Ms(a.At),
        by = a.By,
    });

    async Task<IReadOnlyList<AssessmentRecord>> IEnergyTargetsData.AssessmentsAsync(int? year) =>
        [.. (await QueryAsync<EnergyAssessmentRow>("""
            SELECT unit AS Unit, year AS Year, scheme AS Scheme, body AS Body, at AS At, by_user AS ByUser
            FROM energy_assessments WHERE (@year IS NULL OR year = @year) ORDER BY year, unit
            """, new { year = (long?)year }).ConfigureAwait(false)).Select(r => r.ToRecord())];

    private sealed record EnergyAssessmentBody(string UnitName, string Kind, decimal TargetPercent, decimal? AchievedPercent,
        IReadOnlyList<MeasureScore> Measures, AssessmentResult Result);

    private sealed class EnergyPlanRow
    {
        public string Region { get; set; } = "";
        public long Version { get; set; }
        public long AdoptedAt { get; set; }
        public string AdoptedBy { get; set; } = "";
    }

    private sealed class EnergyStatisticRow
    {
        public string Region { get; set; } = "";
        public long Year { get; set; }
        public long FirstMonth { get; set; }
        public long Months { get; set; }
        public long EnergyKg { get; set; }
        public long OutputYuan { get; set; }
        public long At { get; set; }
        public string ByUser { get; set; } = "";
    }

    private sealed class EnergyKeyUserRow
    {
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public string City { get; set; } = "";
        public long? OrganisationId { get; set; }
        public long DesignatedAt { get; set; }
        public string ByUser { get; set; } = "";

        public KeyEnergyUser ToUser() => new(UnitCode.From(Code), Name, UnitCode.From(City), OrganisationId, At(DesignatedAt), ByUser);
    }

    private sealed class EnergyReportRow
    {
        public string KeyUser { get; set; } = "";
        public long Year { get; set; }
        public long EnergyKg { get; set; }
        public long ValueAddedYuan { get; set; }
        public long At { get; set; }
        public string ByUser { get; set; } = "";
    }

    private sealed class EnergyAssessmentRow
    {
        public string Unit { get; set; } = "";
        public long Year { get; set; }
        public string Scheme { get; set; } = "";
        public string Body { get; set; } = "";
        public long At { get; set; }
        public string ByUser { get; set; } = "";

        public AssessmentRecord ToRecord()
        {
            var body = JsonSerializer.Deserialize<EnergyAssessmentBody>(Body, Json.Options) ?? throw new InvalidOperationException("empty assessment body");
            return new AssessmentRecord(UnitCode.From(Unit), body.UnitName, Enum.Parse<UnitKind>(body.Kind), (int)Year, Scheme, body.TargetPercent,
                body.AchievedPercent, body.Measures, body.Result, At(At), ByUser);
        }
    }
}
