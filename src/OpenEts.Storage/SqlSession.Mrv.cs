using System.Globalization;
using OpenEts.Application.Identity;
using OpenEts.Application.Mrv;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;

namespace OpenEts.Storage;

internal sealed partial class SqlSession
{
    private const string ReportColumns = """
        id, organisation_id, year, status, sector, region, input, reported_kg, factor_version, submitted_at, late,
        verifier_organisation_id, verification, verified_kg, approved_kg, approved_at, return_comment, returned_by, updated_at
        """;

    public IMrvData Mrv => this;

    async Task<MrvReport?> IMrvData.FindReportAsync(long id) =>
        (await QuerySingleOrDefaultAsync<ReportRow>($"SELECT {ReportColumns} FROM mrv_reports WHERE id = @id", new { id })
            .ConfigureAwait(false))?.ToReport();

    async Task<MrvReport?> IMrvData.FindReportAsync(long organisationId, int year) =>
        (await QuerySingleOrDefaultAsync<ReportRow>(
            $"SELECT {ReportColumns} FROM mrv_reports WHERE organisation_id = @organisationId AND year = @year",
            new { organisationId, year }).ConfigureAwait(false))?.ToReport();

    async Task<IReadOnlyList<MrvReport>> IMrvData.ListReportsAsync(MrvReportFilter filter) =>
        [.. (await QueryAsync<ReportRow>($"""
            SELECT {ReportColumns} FROM mrv_reports
            WHERE (@organisationId IS NULL OR organisation_id = @organisationId)
              AND (@verifierId IS NULL OR verifier_organisation_id = @verifierId)
              AND (@year IS NULL OR year = @year)
              AND (@status IS NULL OR status = @status)
            ORDER BY year DESC, organisation_id, id
            """, new
        {
            organisationId = filter.OrganisationId,
            verifierId = filter.VerifierOrganisationId,
            year = filter.Year,
            status = filter.Status?.ToString(),
        }).ConfigureAwait(false)).Select(r => r.ToReport())];

    async Task<MrvReport> IMrvData.InsertReportAsync(MrvReport report)
    {
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO mrv_reports (organisation_id, year, status, sector, region, input, reported_kg, factor_version,
                submitted_at, late, verifier_organisation_id, verification, verified_kg, approved_kg, approved_at,
                return_comment, returned_by, updated_at)
            VALUES (@organisationId, @year, @status, @sector, @region, @input, @reportedKg, @factorVersion,
                @submittedAt, @late, @verifierId, @verification, @verifiedKg, @approvedKg, @approvedAt,
                @returnComment, @returnedBy, @updatedAt)
            RETURNING id
            """, ReportParameters(report)).ConfigureAwait(false);
        return report with { Id = id };
    }

    async Task<MrvReport> IMrvData.UpdateReportAsync(MrvReport report)
    {
        var changed = await ExecuteAsync("""
            UPDATE mrv_reports SET status = @status, sector = @sector, region = @region, input = @input,
                reported_kg = @reportedKg, factor_version = @factorVersion, submitted_at = @submittedAt, late = @late,
                verifier_organisation_id = @verifierId, verification = @verification, verified_kg = @verifiedKg,
                approved_kg = @approvedKg, approved_at = @approvedAt, return_comment = @returnComment,
                returned_by = @returnedBy, updated_at = @updatedAt
            WHERE id = @id AND organisation_id = @organisationId AND year = @year
            """, ReportParameters(report)).ConfigureAwait(false);
        if (changed != 1)
        {
            throw new InvalidOperationException($"report {report.Id} does not exist");
        }
        return report;
    }

    async Task<IReadOnlyList<ApprovedTotal>> IMrvData.ApprovedTotalsAsync(int? year) =>
        [.. (await QueryAsync<ApprovedRow>("""
            SELECT o.credit_code, o.name, o.sector, r.year, r.approved_kg
            FROM mrv_reports r JOIN organisations o ON o.id = r.organisation_id
            WHERE r.status = 'Approved' AND r.approved_kg IS NOT NULL AND (@year IS NULL OR r.year = @year)
            ORDER BY r.year, o.credit_code
            """, new { year }).ConfigureAwait(false)).Select(r => new ApprovedTotal(CreditCode.Parse(r.Credit_Code).Code, r.Name,
            Enum.Parse<Sector>(r.Sector), checked((int)r.Year), Tonnes.FromKilograms(r.Approved_Kg)))];

    async Task<MonitoringPlan?> IMrvData.FindPlanAsync(long organisationId, int year) =>
        (await QuerySingleOrDefaultAsync<PlanRow>(
            "SELECT organisation_id, year, sources, updated_at FROM mrv_monitoring_plans WHERE organisation_id = @organisationId AND year = @year",
            new { organisationId, year }).ConfigureAwait(false)) is { } row
            ? new MonitoringPlan(row.Organisation_Id, checked((int)row.Year), MrvJson.ReadSources(row.Sources), At(row.Updated_At))
            : null;

    Task IMrvData.SavePlanAsync(MonitoringPlan plan) => ExecuteAsync("""
        INSERT INTO mrv_monitoring_plans (organisation_id, year, sources, updated_at) VALUES (@organisationId, @year, @sources, @updatedAt)
        ON CONFLICT (organisation_id, year) DO UPDATE SET sources = excluded.sources, updated_at = excluded.updated_at
        """, new { organisationId = plan.OrganisationId, year = plan.Year, sources = MrvJson.Sources(plan.Sources), updatedAt = Ms(plan.UpdatedAt) });

    async Task<ReportingDeadline?> IMrvData.FindDeadlineAsync(string jurisdiction, int year) =>
        (await QuerySingleOrDefaultAsync<DeadlineRow>(
            "SELECT jurisdiction, year, reports_due, verification_due FROM mrv_deadlines WHERE jurisdiction = @jurisdiction AND year = @year",
            new { jurisdiction, year }).ConfigureAwait(false))?.ToDeadline();

    async Task<IReadOnlyList<ReportingDeadline>> IMrvData.ListDeadlinesAsync() =>
        [.. (await QueryAsync<DeadlineRow>(
            "SELECT jurisdiction, year, reports_due, verification_due FROM mrv_deadlines ORDER BY jurisdiction, year")
            .ConfigureAwait(false)).Select(r => r.ToDeadline())];

    Task IMrvData.SaveDeadlineAsync(ReportingDeadline deadline) => ExecuteAsync("""
        INSERT INTO mrv_deadlines (jurisdiction, year, reports_due, verification_due) VALUES (@jurisdiction, @year, @reportsDue, @verificationDue)
        ON CONFLICT (jurisdiction, year) DO UPDATE SET reports_due = excluded.reports_due, verification_due = excluded.verification_due
        """, new
    {
        jurisdiction = deadline.Jurisdiction,
        year = deadline.Year,
        reportsDue = deadline.ReportsDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        verificationDue = deadline.VerificationDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    });

    async Task<IReadOnlyList<PublishedFactors>> IMrvData.ListFactorVersionsAsync() =>
        [.. (await QueryAsync<FactorVersionRow>(
            "SELECT version, published_at, published_by, notes, kind, target, year, value, source FROM mrv_factor_versions ORDER BY seq")
            .ConfigureAwait(false)).Select(r => r.ToPublished())];

    Task IMrvData.InsertFactorVersionAsync(PublishedFactors factors) => ExecuteAsync("""
        INSERT INTO mrv_factor_versions (version, published_at, published_by, notes, kind, target, year, value, source)
        VALUES (@version, @publishedAt, @publishedBy, @notes, @kind, @target, @year, @value, @source)
        """, new
    {
        version = factors.Version,
        publishedAt = Ms(factors.At),
        publishedBy = factors.By,
        notes = factors.Notes,
        kind = factors.Correction.Kind.ToString(),
        target = factors.Correction.Target,
        year = factors.Correction.Year,
        value = factors.Correction.Value.ToString(CultureInfo.InvariantCulture),
        source = factors.Correction.Source,
    });

    private sealed class FactorVersionRow
    {
        public string Version { get; init; } = "";

        public long Published_At { get; init; }

        public string Published_By { get; init; } = "";

        public string Notes { get; init; } = "";

        public string Kind { get; init; } = "";

        public string Target { get; init; } = "";

        public long Year { get; init; }

        public string Value { get; init; } = "";

        public string Source { get; init; } = "";

        public PublishedFactors ToPublished() => new(Version, At(Published_At), Published_By, Notes,
            new Domain.Mrv.FactorCorrection(Enum.Parse<Domain.Mrv.FactorCorrectionKind>(Kind), Target, checked((int)Year),
                decimal.Parse(Value, NumberStyles.Number, CultureInfo.InvariantCulture), Source));
    }

    private static object ReportParameters(MrvReport r) => new
    {
        id = r.Id,
        organisationId = r.OrganisationId,
        year = r.Year,
        status = r.Status.ToString(),
        sector = r.Sector.ToString(),
        region = r.Region,
        input = MrvJson.Input(r.Lines, r.Outputs, r.Method),
        reportedKg = r.Reported.Kilograms,
        factorVersion = r.FactorVersion,
        submittedAt = r.SubmittedAt is { } s ? Ms(s) : (long?)null,
        late = r.Late ? 1 : 0,
        verifierId = r.VerifierOrganisationId,
        verification = r.Verification is { } v ? MrvJson.Verification(v) : null,
        verifiedKg = r.Verification?.Verified.Kilograms,
        approvedKg = r.Approved?.Kilograms,
        approvedAt = r.ApprovedAt is { } a ? Ms(a) : (long?)null,
        returnComment = r.ReturnComment,
        returnedBy = r.ReturnedBy?.ToString(),
        updatedAt = Ms(r.UpdatedAt),
    };

    private sealed class ReportRow
    {
        public long Id { get; init; }

        public long Organisation_Id { get; init; }

        public long Year { get; init; }

        public string Status { get; init; } = "";

        public string Sector { get; init; } = "";

        public string Region { get; init; } = "";

        public string Input { get; init; } = "";

        public long Reported_Kg { get; init; }

        public string Factor_Version { get; init; } = "";

        public long? Submitted_At { get; init; }

        public long Late { get; init; }

        public long? Verifier_Organisation_Id { get; init; }

        public string? Verification { get; init; }

        public long? Verified_Kg { get; init; }

        public long? Approved_Kg { get; init; }

        public long? Approved_At { get; init; }

        public string? Return_Comment { get; init; }

        public string? Returned_By { get; init; }

        public long Updated_At { get; init; }

        public MrvReport ToReport()
        {
            var (lines, outputs, method) = MrvJson.ReadInput(Input);
            return new MrvReport(Id, Organisation_Id, checked((int)Year), Enum.Parse<ReportStatus>(Status), Enum.Parse<Sector>(Sector), Region,
                lines, outputs, Tonnes.FromKilograms(Reported_Kg), Factor_Version, At(Updated_At))
            {
                Method = method,
                SubmittedAt = Submitted_At is { } s ? At(s) : null,
                Late = Late != 0,
                VerifierOrganisationId = Verifier_Organisation_Id,
                Verification = Verification is { } v ? MrvJson.ReadVerification(v) : null,
                Approved = Approved_Kg is { } a ? Tonnes.FromKilograms(a) : null,
                ApprovedAt = Approved_At is { } t ? At(t) : null,
                ReturnComment = Return_Comment,
                ReturnedBy = Returned_By is { } r && Roles.TryParse(r, out var role) ? role : null,
            };
        }
    }

    private sealed class ApprovedRow
    {
        public string Credit_Code { get; init; } = "";

        public string Name { get; init; } = "";

        public string Sector { get; init; } = "";

        public long Year { get; init; }

        public long Approved_Kg { get; init; }
    }

    private sealed class PlanRow
    {
        public long Organisation_Id { get; init; }

        public long Year { get; init; }

        public string Sources { get; init; } = "";

        public long Updated_At { get; init; }
    }

    private sealed class DeadlineRow
    {
        public string Jurisdiction { get; init; } = "";

        public long Year { get; init; }

        public string Reports_Due { get; init; } = "";

        public string Verification_Due { get; init; } = "";

        public ReportingDeadline ToDeadline() => new(Jurisdiction, checked((int)Year),
            DateOnly.ParseExact(Reports_Due, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateOnly.ParseExact(Verification_Due, "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
