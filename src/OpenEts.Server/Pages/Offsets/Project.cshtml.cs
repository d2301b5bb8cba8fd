using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Offsets;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Offsets;
using OpenEts.Domain.Organisations;

namespace OpenEts.Server.Pages.Offsets;

/// <summary>
/// One project (项目详情): its details and flags, the boundary of a forestry project drawn as a map, its documents with
/// their SHA-256, status history, monitoring reports and the registry's issuances — public from validation on. Signed
/// in, the role that holds the project or a report acts here: the owner attaches documents and files monitoring reports,
/// the programme's verifier validates and verifies (or returns), its regulator registers and issues.
/// </summary>
[AllowAnonymous]
public sealed class ProjectModel(OffsetsQueries queries, OffsetsCommandHandler handler) : OffsetsPageModel(handler)
{
    public ProjectDetail? Detail { get; private set; }

    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public string? Opinion { get; set; }

    [BindProperty]
    public string? Comments { get; set; }

    [BindProperty]
    public long? Report { get; set; }

    [BindProperty]
    public decimal? VerifiedTonnes { get; set; }

    /// <summary>A forestry report's area as the verifier restates it (blank: the owner's).</summary>
    [BindProperty]
    public decimal? AreaHectares { get; set; }

    /// <summary>A forestry report's growth per hectare as the verifier restates it (blank: the owner's).</summary>
    [BindProperty]
    public decimal? GrowthPerHectare { get; set; }

    /// <summary>A forestry report's species parameters as the verifier restates them (blank: the owner's), and the basis.</summary>
    [BindProperty]
    public decimal? ExpansionFactor { get; set; }

    [BindProperty]
    public decimal? RootToShoot { get; set; }

    [BindProperty]
    public decimal? WoodDensity { get; set; }

    [BindProperty]
    public decimal? CarbonFraction { get; set; }

    [BindProperty]
    public string? RestatedBasis { get; set; }

    [BindProperty]
    public SubmitMonitoringReport.Form Monitoring { get; set; } = new(null, null, null);

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The step of the form that was posted and failed (<c>verified</c>), null otherwise: that form shows again as typed.</summary>
    public string? Failed { get; private set; }

    /// <summary>
    /// True when the form for <paramref name="step"/> (of report <paramref name="report"/>, for a report's form) was posted and
    /// failed: it shows what was typed and its errors, the page's other forms do not.
    /// </summary>
    public bool Refilled(string step, long? report = null) => Failed == step && (report is null || Report == report);

    public bool IsOwner => Viewer is { Role: Role.CompanyRepresentative } v && Detail is { } d && v.OrganisationId == d.Project.OrganisationId;

    /// <summary>True when the viewer's role holds the project at its step (and may act on it).</summary>
    public bool Holds(ProjectStatus status) => Viewer is { } v && Detail is { } d && OffsetsRoles.HolderOf(d.Programme, status) == v.Role
        && v.Role != Role.CompanyRepresentative;

    /// <summary>True when the viewer's role holds a monitoring report at its step.</summary>
    public bool Holds(MonitoringStatus status) => Viewer is { } v && Detail is { } d && OffsetsRoles.HolderOf(d.Programme, status) == v.Role
        && v.Role != Role.CompanyRepresentative;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostValidateAsync(CancellationToken ct) =>
        ActAsync("validated", ValidateProject.TryParse(new(Id, Opinion), out var c, out var e), c, e, ct);

    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) =>
        ActAsync("returned", ReturnProject.TryParse(new(Id, Comments), out var c, out var e), c, e, ct);

    public Task<IActionResult> OnPostRegisterAsync(CancellationToken ct) =>
        ActAsync("registered", RegisterProject.TryParse(new(Id, Comments), out var c, out var e), c, e, ct);

    public Task<IActionResult> OnPostMonitoringAsync(CancellationToken ct) =>
        ActAsync("reported", SubmitMonitoringReport.TryParse(Monitoring with { Project = Id }, out var c, out var e), c, e, ct);

    public Task<IActionResult> OnPostVerifyAsync(CancellationToken ct) =>
        ActAsync("verified", VerifyMonitoringReport.TryParse(new(Report, Opinion, VerifiedTonnes, AreaHectares, GrowthPerHectare,
            ExpansionFactor, RootToShoot, WoodDensity, CarbonFraction, RestatedBasis), out var c, out var e), c, e, ct);

    public Task<IActionResult> OnPostReturnReportAsync(CancellationToken ct) =>
        ActAsync("reportreturned", ReturnMonitoringReport.TryParse(new(Report, Comments), out var c, out var e), c, e, ct);

    public Task<IActionResult> OnPostIssueAsync(CancellationToken ct) =>
        ActAsync("issued", IssueCredits.TryParse(new(Report), out var c, out var e), c, e, ct);

    public async Task<IActionResult> OnPostAttachAsync(CancellationToken ct)
    {
        byte[]? content = null;
        if (Upload is { Length: > 0 and <= OffsetsFields.MaxDocumentBytes } file)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }
        else if (Upload is { Length: > OffsetsFields.MaxDocumentBytes })
        {
            content = new byte[OffsetsFields.MaxDocumentBytes + 1];
        }
        return await ActAsync("attached", AttachDocument.TryParse(new(Id, Report, Kind, Upload?.FileName, Upload?.ContentType, content), out var c,
            out var e), c, e, ct);
    }

    private async Task<IActionResult> ActAsync(string done, bool parsed, IOffsetsCommand? command, IReadOnlyList<FieldError> errors,
        CancellationToken ct)
    {
        if (Viewer is null)
        {
            return Challenge();
        }
        if (await SendAsync(parsed, command, errors, ct) is OffsetsCommandOutcome.Completed)
        {
            return Redirect($"/Offsets/Project?id={Id}&done={done}");
        }
        Failed = done;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Detail = await queries.ProjectAsync(Viewer, Id, ct);
        return Detail is not null;
    }
}
