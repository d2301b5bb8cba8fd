using System.Globalization;
using OpenEts.Application.Allocation;
using OpenEts.Application.Storage;
using OpenEts.Domain.Allocation;

namespace OpenEts.Storage;

internal sealed partial class SqlSession : IAllocationData
{
    private const string PlanColumns =
        "plan_id, version, jurisdiction, status, document, created_at, created_by, updated_at, approved_at, approved_by";

    private const string ResultColumns =
        "jurisdiction, year, organisation_code, stage, plan_id, version, calculation, run_at, run_by";

    public IAllocationData Allocation => this;

    async Task<IReadOnlyList<StoredPlan>> IAllocationData.ListPlansAsync() =>
        [.. (await QueryAsync<AllocationPlanRow>($"SELECT {PlanColumns} FROM allocation_plans ORDER BY plan_id, version")
            .ConfigureAwait(false)).Select(r => r.ToPlan())];

    async Task<StoredPlan?> IAllocationData.FindPlanAsync(string planId, int version) =>
        (await QuerySingleOrDefaultAsync<AllocationPlanRow>(
            $"SELECT {PlanColumns} FROM allocation_plans WHERE plan_id = @planId AND version = @version", new { planId, version })
            .ConfigureAwait(false))?.ToPlan();

    Task IAllocationData.InsertPlanAsync(StoredPlan plan) => ExecuteAsync($"""
        INSERT INTO allocation_plans ({PlanColumns})
        VALUES (@planId, @version, @jurisdiction, @status, @document, @createdAt, @createdBy, @updatedAt, @approvedAt, @approvedBy)
        """, PlanParameters(plan));

    async Task IAllocationData.UpdateDraftAsync(StoredPlan plan)
    {
        var changed = await ExecuteAsync("""
            UPDATE allocation_plans SET status = @status, document = @document, updated_at = @updatedAt, approved_at = @approvedAt,
                approved_by = @approvedBy
            WHERE plan_id = @planId AND version = @version AND status = 'Draft'
            """, PlanParameters(plan)).ConfigureAwait(false);
        if (changed != 1)
        {
            throw new InvalidOperationException($"plan {plan.PlanId} v{plan.Version} is not a stored draft");
        }
    }

    async Task<IReadOnlyList<AllocationRecord>> IAllocationData.ListAllocationsAsync(string jurisdiction, int year) =>
        [.. (await QueryAsync<AllocationResultRow>($"""
            SELECT {ResultColumns} FROM allocation_results WHERE jurisdiction = @jurisdiction AND year = @year
            ORDER BY organisation_code, stage
            """, new { jurisdiction, year }).ConfigureAwait(false)).Select(r => r.ToRecord())];

    async Task<IReadOnlyList<AllocationRecord>> IAllocationData.FindAllocationsAsync(string jurisdiction, int year, string organisation) =>
        [.. (await QueryAsync<AllocationResultRow>($"""
            SELECT {ResultColumns} FROM allocation_results
            WHERE jurisdiction = @jurisdiction AND year = @year AND organisation_code = @organisation ORDER BY stage
            """, new { jurisdiction, year, organisation }).ConfigureAwait(false)).Select(r => r.ToRecord())];

    async Task IAllocationData.SaveAllocationsAsync(IReadOnlyList<AllocationRecord> records)
    {
        foreach (var r in records)
        {
            await ExecuteAsync("""
                INSERT INTO allocation_results (jurisdiction, year, organisation_code, stage, plan_id, version, total, free, paid,
                    calculation, run_at, run_by)
                VALUES (@jurisdiction, @year, @organisation, @stage, @planId, @version, @total, @free, @paid, @calculation, @runAt, @runBy)
                ON CONFLICT (jurisdiction, year, organisation_code, stage) DO UPDATE SET plan_id = excluded.plan_id,
                    version = excluded.version, total = excluded.total, free = excluded.free, paid = excluded.paid,
                    calculation = excluded.calculation, run_at = excluded.run_at, run_by = excluded.run_by
                """, new
            {
                jurisdiction = r.Jurisdiction,
                year = r.Year,
                organisation = r.Organisation,
                stage = r.Stage.ToString(),
                planId = r.PlanId,
                version = r.Version,
                total = r.Allocation.Total.Value,
                free = r.Allocation.Free.Value,
                paid = r.Allocation.Paid.Value,
                calculation = AllocationJson.Write(r.Allocation),
                runAt = Ms(r.RunAt),
                runBy = r.RunBy,
            }).ConfigureAwait(false);
        }
    }

    async Task<IReadOnlyList<SpecialCircumstance>> IAllocationData.ListCircumstancesAsync(string jurisdiction, int year) =>
        [.. (await QueryAsync<CircumstanceRow>("""
            SELECT jurisdiction, year, organisation_code, kind, months, energy_kgce, reference, recorded_at, recorded_by, excluded_years
            FROM allocation_circumstances WHERE jurisdiction = @jurisdiction AND year = @year ORDER BY organisation_code, kind
            """, new { jurisdiction, year }).ConfigureAwait(false)).Select(r => r.ToCircumstance())];

    Task IAllocationData.SaveCircumstanceAsync(SpecialCircumstance c) => ExecuteAsync("""
        INSERT INTO allocation_circumstances (jurisdiction, year, organisation_code, kind, months, energy_kgce, reference, recorded_at,
            recorded_by, excluded_years)
        VALUES (@jurisdiction, @year, @organisation, @kind, @months, @energy, @reference, @recordedAt, @recordedBy, @excludedYears)
        ON CONFLICT (jurisdiction, year, organisation_code, kind) DO UPDATE SET months = excluded.months,
            energy_kgce = excluded.energy_kgce, reference = excluded.reference, recorded_at = excluded.recorded_at,
            recorded_by = excluded.recorded_by, excluded_years = excluded.excluded_years
        """, new
    {
        jurisdiction = c.Jurisdiction,
        year = c.Year,
        organisation = c.Organisation,
        kind = c.Kind.ToString(),
        months = c.Months,
        energy = c.Energy is { } e ? decimal.ToInt64(e * 1000m) : (long?)null,
        reference = c.Reference,
        recordedAt = Ms(c.RecordedAt),
        recordedBy = c.RecordedBy,
        excludedYears = c.ExcludedYears is { } years ? string.Join(',', years.Select(y => y.ToString(CultureInfo.InvariantCulture))) : null,
    });

    private static object PlanParameters(StoredPlan p) => new
    {
        planId = p.PlanId,
        version = p.Version,
        jurisdiction = p.Jurisdiction,
        status = p.Status.ToString(),
        document = p.Document,
        createdAt = Ms(p.CreatedAt),
        createdBy = p.CreatedBy,
        updatedAt = Ms(p.UpdatedAt == default ? p.CreatedAt : p.UpdatedAt),
        approvedAt = p.ApprovedAt is { } a ? Ms(a) : (long?)null,
        approvedBy = p.ApprovedBy,
    };

    private sealed class AllocationPlanRow
    {
        public string Plan_Id { get; init; } = "";

        public long Version { get; init; }

        public string Jurisdiction { get; init; } = "";

        public string Status { get; init; } = "";

        public string Document { get; init; } = "";

        public long Created_At { get; init; }

        public string Created_By { get; init; } = "";

        public long Updated_At { get; init; }

        public long? Approved_At { get; init; }

        public string? Approved_By { get; init; }

        public StoredPlan ToPlan() => new(Plan_Id, checked((int)Version), Jurisdiction, Enum.Parse<PlanStatus>(Status), Document,
            At(Created_At), Created_By)
        {
            UpdatedAt = At(Updated_At),
            ApprovedAt = Approved_At is { } a ? At(a) : null,
            ApprovedBy = Approved_By,
        };
    }

    private sealed class AllocationResultRow
    {
        public string Jurisdiction { get; init; } = "";

        public long Year { get; init; }

        public string Organisation_Code { get; init; } = "";

        public string Stage { get; init; } = "";

        public string Plan_Id { get; init; } = "";

        public long Version { get; init; }

        public string Calculation { get; init; } = "";

        public long Run_At { get; init; }

        public string Run_By { get; init; } = "";

        public AllocationRecord ToRecord() => new(Jurisdiction, checked((int)Year), Organisation_Code, Enum.Parse<AllocationStage>(Stage),
            Plan_Id, checked((int)Version), AllocationJson.Read(Calculation), At(Run_At), Run_By);
    }

    private sealed class CircumstanceRow
    {
        public string Jurisdiction { get; init; } = "";

        public long Year { get; init; }

        public string Organisation_Code { get; init; } = "";

        public string Kind { get; init; } = "";

        public long? Months { get; init; }

        public long? Energy_Kgce { get; init; }

        public string Reference { get; init; } = "";

        public long Recorded_At { get; init; }

        public string Recorded_By { get; init; } = "";

        public string? Excluded_Years { get; init; }

        public SpecialCircumstance ToCircumstance() => new(Jurisdiction, checked((int)Year), Organisation_Code, Enum.Parse<CircumstanceKind>(Kind),
            Months is { } m ? checked((int)m) : null, Energy_Kgce is { } e ? e / 1000m : null, Reference, At(Recorded_At), Recorded_By,
            Excluded_Years is { } years ? [.. years.Split(',').Select(y => int.Parse(y, CultureInfo.InvariantCulture))] : null);
    }
}
