using OpenEts.Application.Offsets;
using OpenEts.Domain.Identity;
using OpenEts.Application.Registry;
using OpenEts.Domain.Offsets;
using OpenEts.Domain.Registry;

namespace OpenEts.Server.Api;

/// <summary>What the offsets API returns: projects, their history, documents, monitoring reports and programmes.</summary>
internal static class OffsetsViews
{
    public sealed record ProjectSummary(long Id, string Programme, string Code, string Reference, string Title, string Owner,
        [property: ApiEnum(typeof(ProjectStatus))] string Status, [property: ApiEnum(typeof(ProjectCategory))] string Category, string Methodology, string Province, string City, long ExpectedPerYear, long Issued);

    public sealed record ProjectView(long Id, string Programme, string Code, string Reference,
        [property: ApiEnum(typeof(ProjectStatus))] string Status, string Owner, string OwnerCode,
        string HoldingAccount, OffsetsJson.DetailsJson Details, string? ReturnComment, MethodologyView? Methodology,
        IReadOnlyList<StepView> History, IReadOnlyList<DocumentView> Documents, IReadOnlyList<ReportView> Reports,
        IReadOnlyList<IssuanceView> Issuances);

    public sealed record StepView(DateTimeOffset At, string Step, [property: ApiEnum(typeof(Role))] string Role, string User, string Comments, long? Report);

    public sealed record DocumentView(long Id, [property: ApiEnum(typeof(DocumentKind))] string Kind, string FileName, string ContentType, string Sha256, long Size, string UploadedBy,
        DateTimeOffset UploadedAt, long? Report);

    public sealed record ReportView(long Id, string PeriodStart, string PeriodEnd, int Vintage,
        [property: ApiEnum(typeof(MonitoringStatus))] string Status, decimal ClaimedTonnes,
        long? VerifiedTonnes, long? IssuedToOwner, long? IssuedToBuffer, string? Opinion, string? ReturnComment, ForestryInput? Forestry,
        IReadOnlyList<string>? Unconfirmed);

    public sealed record IssuanceView(long Number, DateTimeOffset At, string Class, string OwnerSerials, long OwnerQuantity, string BufferSerials,
        long BufferQuantity, string Reference);

    public sealed record MethodologyView(string Id, string Name, IReadOnlyList<string> Categories,
        [property: ApiEnum(typeof(MethodologyKind))] string Kind, decimal BufferPercent, string Source,
        bool Confirmed);

    public sealed record ProgrammeView(string Code, string Name, string Reviewer, string Approver, string Recorder, [property: ApiEnum(typeof(Role))] string Validator,
        [property: ApiEnum(typeof(Role))] string Registrar, string? HostProvince, string SerialFormat, IReadOnlyList<MethodologyView> Methodologies, string Source);

    public sealed record FactsView(string Programme, string Code, string Owner, string OwnerName, [property: ApiEnum(typeof(ProjectCategory))] string Category, string Methodology,
        string Province, string City, string County, decimal GasSharePercent, bool PreCdm, bool DesignatedArea,
        [property: ApiEnum(typeof(ProjectStatus))] string Status);

    public sealed record OutcomeView(string Event, long Project, string Reference, [property: ApiEnum(typeof(ProjectStatus))] string Status,
        long? Report, [property: ApiEnum(typeof(MonitoringStatus))] string? ReportStatus,
        long? Document, string? Sha256);

    public static ProjectSummary Summary(ProjectRow r)
    {
        var p = r.Project;
        return new(p.Id, UnitClass.ProgrammeText(p.Programme), p.Code, p.Reference, p.Details.Title, r.OwnerName, ApiDocument.EnumName(p.Status),
            ApiDocument.EnumName(p.Details.Category), p.Details.Methodology, p.Details.Province, p.Details.City, p.Details.ExpectedPerYear, r.Issued);
    }

    public static MethodologyView Methodology(Methodology m) =>
        new(m.Id, m.Name, [.. m.Categories.Select(ApiDocument.EnumName)], ApiDocument.EnumName(m.Kind), m.BufferPercent, m.Source, m.Confirmed);

    public static ProgrammeView Programme(Programme p) => new(p.Code, p.Name, p.Reviewer, p.Approver, p.Recorder, ApiDocument.EnumName(p.Validator),
        ApiDocument.EnumName(p.Registrar), p.HostProvince, p.SerialFormat, [.. p.Methodologies.Select(Methodology)], p.Source);

    public static ReportView Report(MonitoringReport r) => new(r.Id, r.PeriodStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        r.PeriodEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.Vintage, ApiDocument.EnumName(r.Status), r.Claimed.Value,
        r.Verified, r.IssuedToOwner, r.IssuedToBuffer, r.Opinion, r.ReturnComment, r.Forestry, r.Forestry?.Unconfirmed);

    public static ProjectView Project(ProjectDetail d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var p = d.Project;
        return new(p.Id, UnitClass.ProgrammeText(p.Programme), p.Code, p.Reference, ApiDocument.EnumName(p.Status), d.Owner.Name, d.Owner.Code.Value,
            p.HoldingAccount, OffsetsJson.Details(p.Details), p.ReturnComment, d.Methodology is { } m ? Methodology(m) : null,
            [.. d.History.Select(s => new StepView(s.At, s.Step, ApiDocument.EnumName(s.Role), s.UserName, s.Comments, s.ReportId))],
            [.. d.Documents.Select(Document)], [.. d.Reports.Select(Report)],
            [.. d.Issuances.Select(i => new IssuanceView(i.Number, i.At, i.Class.ToString(), i.OwnerSerials, i.OwnerQuantity, i.BufferSerials,
                i.BufferQuantity, i.Reference))]);
    }

    public static DocumentView Document(OffsetDocument d) =>
        new(d.Id, ApiDocument.EnumName(d.Kind), d.FileName, d.ContentType, d.Sha256, d.Size, d.UploadedBy, d.UploadedAt, d.ReportId);

    public static FactsView Facts(ProjectFacts f) => new(UnitClass.ProgrammeText(f.Programme), f.Code, f.Owner.Value, f.OwnerName,
        ApiDocument.EnumName(f.Category), f.Methodology, f.Province, f.City, f.County, f.GasSharePercent, f.PreCdm, f.DesignatedArea, ApiDocument.EnumName(f.Status));

    public static OutcomeView Outcome(OffsetsCommandOutcome.Completed c) => new(c.Event, c.Project.Id, c.Project.Reference,
        ApiDocument.EnumName(c.Project.Status), c.Report?.Id, c.Report is { } r ? ApiDocument.EnumName(r.Status) : null, c.Document?.Id, c.Document?.Sha256);

    /// <summary>Issuance rows as the registry lists them.</summary>
    public static IssuanceView Issuance(PublicIssuance i) => new(i.Number, i.At, i.Class.ToString(), i.OwnerSerials, i.OwnerQuantity,
        i.BufferSerials, i.BufferQuantity, i.Reference);
}
