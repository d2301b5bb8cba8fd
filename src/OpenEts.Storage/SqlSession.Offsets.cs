using System.Globalization;
using OpenEts.Application.Identity;
using OpenEts.Application.Offsets;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Offsets;
using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;

namespace OpenEts.Storage;

internal sealed partial class SqlSession
{
    private const string ProjectColumns = """
        id, programme, code, organisation_id, holding_account, status, details, submitted_at, updated_at, return_comment, returned_by
        """;

    private const string OffsetReportColumns = """
        id, project_id, period_start, period_end, status, claimed_kg, forestry, verified, opinion, verifier_organisation_id,
        issued_to_owner, issued_to_buffer, return_comment, returned_by, updated_at, sample_required
        """;

    private const string DocumentColumns = "id, project_id, report_id, kind, file_name, content_type, sha256, size, uploaded_by, uploaded_at";

    public IOffsetsData Offsets => this;

    async Task<OffsetProject?> IOffsetsData.FindProjectAsync(long id) =>
        (await QuerySingleOrDefaultAsync<ProjectRecordRow>($"SELECT {ProjectColumns} FROM offset_projects WHERE id = @id", new { id })
            .ConfigureAwait(false))?.ToProject();

    async Task<OffsetProject?> IOffsetsData.FindProjectAsync(UnitType programme, string code) =>
        (await QuerySingleOrDefaultAsync<ProjectRecordRow>(
            $"SELECT {ProjectColumns} FROM offset_projects WHERE programme = @programme AND code = @code",
            new { programme = programme.ToString(), code }).ConfigureAwait(false))?.ToProject();

    async Task<IReadOnlyList<OffsetProject>> IOffsetsData.ListProjectsAsync(OffsetProjectFilter filter) =>
        [.. (await QueryAsync<ProjectRecordRow>($"""
            SELECT {ProjectColumns} FROM offset_projects
            WHERE (@programme IS NULL OR programme = @programme)
              AND (@status IS NULL OR status = @status)
              AND (@organisationId IS NULL OR organisation_id = @organisationId)
            ORDER BY programme, code
            """, new
        {
            programme = filter.Programme?.ToString(),
            status = filter.Status?.ToString(),
            organisationId = filter.OrganisationId,
        }).ConfigureAwait(false)).Select(r => r.ToProject())];

    async Task<IReadOnlyList<string>> IOffsetsData.CodesAsync(UnitType programme) =>
        [.. await QueryAsync<string>("SELECT code FROM offset_projects WHERE programme = @programme ORDER BY code",
            new { programme = programme.ToString() }).ConfigureAwait(false)];

    async Task<OffsetProject> IOffsetsData.InsertProjectAsync(OffsetProject project)
    {
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO offset_projects (programme, code, organisation_id, holding_account, status, category, province, details,
                submitted_at, updated_at, return_comment, returned_by)
            VALUES (@programme, @code, @organisationId, @holdingAccount, @status, @category, @province, @details,
                @submittedAt, @updatedAt, @returnComment, @returnedBy)
            RETURNING id
            """, ProjectParameters(project)).ConfigureAwait(false);
        return project with { Id = id };
    }

    async Task<OffsetProject> IOffsetsData.UpdateProjectAsync(OffsetProject project)
    {
        var changed = await ExecuteAsync("""
            UPDATE offset_projects SET holding_account = @holdingAccount, status = @status, category = @category, province = @province,
                details = @details, submitted_at = @submittedAt, updated_at = @updatedAt, return_comment = @returnComment,
                returned_by = @returnedBy
            WHERE id = @id AND programme = @programme AND code = @code AND organisation_id = @organisationId
            """, ProjectParameters(project)).ConfigureAwait(false);
        return changed == 1 ? project : throw new InvalidOperationException($"project {project.Id} does not exist");
    }

    async Task<MonitoringReport?> IOffsetsData.FindReportAsync(long id) =>
        (await QuerySingleOrDefaultAsync<OffsetReportRow>($"SELECT {OffsetReportColumns} FROM offset_monitoring_reports WHERE id = @id",
            new { id }).ConfigureAwait(false))?.ToReport();

    async Task<IReadOnlyList<MonitoringReport>> IOffsetsData.ReportsAsync(long projectId) =>
        [.. (await QueryAsync<OffsetReportRow>(
            $"SELECT {OffsetReportColumns} FROM offset_monitoring_reports WHERE project_id = @projectId ORDER BY period_start, id",
            new { projectId }).ConfigureAwait(false)).Select(r => r.ToReport())];

    async Task<IReadOnlyList<MonitoringReport>> IOffsetsData.ReportsOfAsync(IReadOnlyCollection<long> projectIds) =>
        [.. (await QueryAmongAsync<OffsetReportRow, long>($"SELECT {OffsetReportColumns} FROM offset_monitoring_reports WHERE", "project_id",
            projectIds).ConfigureAwait(false)).Select(r => r.ToReport()).OrderBy(r => r.ProjectId).ThenBy(r => r.PeriodStart).ThenBy(r => r.Id)];

    async Task<MonitoringReport> IOffsetsData.InsertReportAsync(MonitoringReport report)
    {
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO offset_monitoring_reports (project_id, period_start, period_end, status, claimed_kg, forestry, verified, opinion,
                verifier_organisation_id, issued_to_owner, issued_to_buffer, return_comment, returned_by, updated_at, sample_required)
            VALUES (@projectId, @periodStart, @periodEnd, @status, @claimedKg, @forestry, @verified, @opinion,
                @verifierId, @issuedToOwner, @issuedToBuffer, @returnComment, @returnedBy, @updatedAt, @sampleRequired)
            RETURNING id
            """, ReportParameters(report)).ConfigureAwait(false);
        return report with { Id = id };
    }

    async Task<MonitoringReport> IOffsetsData.UpdateReportAsync(MonitoringReport report)
    {
        var changed = await ExecuteAsync("""
            UPDATE offset_monitoring_reports SET period_start = @periodStart, period_end = @periodEnd, status = @status,
                claimed_kg = @claimedKg, forestry = @forestry, verified = @verified, opinion = @opinion, verifier_organisation_id = @verifierId,
                issued_to_owner = @issuedToOwner, issued_to_buffer = @issuedToBuffer, return_comment = @returnComment,
                returned_by = @returnedBy, updated_at = @updatedAt
            WHERE id = @id AND project_id = @projectId
            """, ReportParameters(report)).ConfigureAwait(false);
        return changed == 1 ? report : throw new InvalidOperationException($"monitoring report {report.Id} does not exist");
    }

    Task IOffsetsData.AddStepAsync(OffsetStep step) => ExecuteAsync("""
        INSERT INTO offset_steps (project_id, report_id, at, step, role, user_name, comments)
        VALUES (@projectId, @reportId, @at, @step, @role, @userName, @comments)
        """, new
    {
        projectId = step.ProjectId,
        reportId = step.ReportId,
        at = Ms(step.At),
        step = step.Step,
        role = step.Role.ToString(),
        userName = step.UserName,
        comments = step.Comments,
    });

    async Task<IReadOnlyList<OffsetStep>> IOffsetsData.StepsAsync(long projectId) =>
        [.. (await QueryAsync<StepRow>(
            "SELECT id, project_id, report_id, at, step, role, user_name, comments FROM offset_steps WHERE project_id = @projectId ORDER BY id",
            new { projectId }).ConfigureAwait(false)).Select(r => new OffsetStep(r.Id, r.Project_Id, r.Report_Id, At(r.At), r.Step,
                Enum.Parse<Role>(r.Role), r.User_Name, r.Comments))];

    async Task<OffsetDocument> IOffsetsData.InsertDocumentAsync(OffsetDocument document, byte[] content)
    {
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO offset_documents (project_id, report_id, kind, file_name, content_type, sha256, size, content, uploaded_by, uploaded_at)
            VALUES (@projectId, @reportId, @kind, @fileName, @contentType, @sha256, @size, @content, @uploadedBy, @uploadedAt)
            RETURNING id
            """, new
        {
            projectId = document.ProjectId,
            reportId = document.ReportId,
            kind = document.Kind.ToString(),
            fileName = document.FileName,
            contentType = document.ContentType,
            sha256 = document.Sha256,
            size = document.Size,
            content,
            uploadedBy = document.UploadedBy,
            uploadedAt = Ms(document.UploadedAt),
        }).ConfigureAwait(false);
        return document with { Id = id };
    }

    async Task<IReadOnlyList<OffsetDocument>> IOffsetsData.DocumentsAsync(long projectId) =>
        [.. (await QueryAsync<DocumentRow>($"SELECT {DocumentColumns} FROM offset_documents WHERE project_id = @projectId ORDER BY id",
            new { projectId }).ConfigureAwait(false)).Select(r => r.ToDocument())];

    async Task<(OffsetDocument Document, byte[] Content)?> IOffsetsData.FindDocumentAsync(long id) =>
        await QuerySingleOrDefaultAsync<DocumentRow>($"SELECT {DocumentColumns}, content FROM offset_documents WHERE id = @id", new { id })
            .ConfigureAwait(false) is { } row
            ? (row.ToDocument(), row.Content ?? [])
            : null;

    private static object ProjectParameters(OffsetProject p) => new
    {
        id = p.Id,
        programme = p.Programme.ToString(),
        code = p.Code,
        organisationId = p.OrganisationId,
        holdingAccount = p.HoldingAccount,
        status = p.Status.ToString(),
        category = p.Details.Category.ToString(),
        province = p.Details.Province,
        details = OffsetsJson.Write(p.Details),
        submittedAt = Ms(p.SubmittedAt),
        updatedAt = Ms(p.UpdatedAt),
        returnComment = p.ReturnComment,
        returnedBy = p.ReturnedBy?.ToString(),
    };

    private static object ReportParameters(MonitoringReport r) => new
    {
        id = r.Id,
        projectId = r.ProjectId,
        periodStart = r.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        periodEnd = r.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        status = r.Status.ToString(),
        claimedKg = r.Claimed.Kilograms,
        forestry = r.Forestry is { } f ? OffsetsJson.Write(f) : null,
        verified = r.Verified,
        opinion = r.Opinion,
        verifierId = r.VerifierOrganisationId,
        issuedToOwner = r.IssuedToOwner,
        issuedToBuffer = r.IssuedToBuffer,
        returnComment = r.ReturnComment,
        returnedBy = r.ReturnedBy?.ToString(),
        updatedAt = Ms(r.UpdatedAt),
        sampleRequired = r.SampleRequired ? 1L : 0L,
    };

    private static Role? RoleOf(string? text) => text is { } r && Roles.TryParse(r, out var role) ? role : null;

    private sealed class ProjectRecordRow
    {
        public long Id { get; init; }

        public string Programme { get; init; } = "";

        public string Code { get; init; } = "";

        public long Organisation_Id { get; init; }

        public string Holding_Account { get; init; } = "";

        public string Status { get; init; } = "";

        public string Details { get; init; } = "";

        public long Submitted_At { get; init; }

        public long Updated_At { get; init; }

        public string? Return_Comment { get; init; }

        public string? Returned_By { get; init; }

        public OffsetProject ToProject() => new(Id, Enum.Parse<UnitType>(Programme), Code, Organisation_Id, Holding_Account,
            Enum.Parse<ProjectStatus>(Status), OffsetsJson.ReadDetails(Details), At(Submitted_At), At(Updated_At))
        {
            ReturnComment = Return_Comment,
            ReturnedBy = RoleOf(Returned_By),
        };
    }

    private sealed class OffsetReportRow
    {
        public long Id { get; init; }

        public long Project_Id { get; init; }

        public string Period_Start { get; init; } = "";

        public string Period_End { get; init; } = "";

        public string Status { get; init; } = "";

        public long Claimed_Kg { get; init; }

        public string? Forestry { get; init; }

        public long? Verified { get; init; }

        public string? Opinion { get; init; }

        public long? Verifier_Organisation_Id { get; init; }

        public long? Issued_To_Owner { get; init; }

        public long? Issued_To_Buffer { get; init; }

        public string? Return_Comment { get; init; }

        public string? Returned_By { get; init; }

        public long Updated_At { get; init; }

        public long Sample_Required { get; init; }

        public MonitoringReport ToReport() => new(Id, Project_Id,
            DateOnly.ParseExact(Period_Start, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateOnly.ParseExact(Period_End, "yyyy-MM-dd", CultureInfo.InvariantCulture), Enum.Parse<MonitoringStatus>(Status),
            Tonnes.FromKilograms(Claimed_Kg), Forestry is { } f ? OffsetsJson.ReadForestry(f) : null, At(Updated_At))
        {
            Verified = Verified,
            Opinion = Opinion,
            VerifierOrganisationId = Verifier_Organisation_Id,
            IssuedToOwner = Issued_To_Owner,
            IssuedToBuffer = Issued_To_Buffer,
            ReturnComment = Return_Comment,
            ReturnedBy = RoleOf(Returned_By),
            SampleRequired = Sample_Required != 0,
        };
    }

    private sealed class StepRow
    {
        public long Id { get; init; }

        public long Project_Id { get; init; }

        public long? Report_Id { get; init; }

        public long At { get; init; }

        public string Step { get; init; } = "";

        public string Role { get; init; } = "";

        public string User_Name { get; init; } = "";

        public string Comments { get; init; } = "";
    }

    private sealed class DocumentRow
    {
        public long Id { get; init; }

        public long Project_Id { get; init; }

        public long? Report_Id { get; init; }

        public string Kind { get; init; } = "";

        public string File_Name { get; init; } = "";

        public string Content_Type { get; init; } = "";

        public string Sha256 { get; init; } = "";

        public long Size { get; init; }

        public string Uploaded_By { get; init; } = "";

        public long Uploaded_At { get; init; }

        public byte[]? Content { get; init; }

        public OffsetDocument ToDocument() => new(Id, Project_Id, Report_Id, Enum.Parse<DocumentKind>(Kind), File_Name, Content_Type, Sha256,
            Size, Uploaded_By, At(Uploaded_At));
    }
}
