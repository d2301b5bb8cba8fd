using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Offsets;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Offsets;

/// <summary>
/// The owner files a project (项目申报) with a programme, or files a returned project again: the details are checked
/// against the programme (methodology accepted, category, host province, forestry boundary, flags); credits will go to
/// <see cref="Account"/>, an account the owner represents. The code is the one given (bulk filing of existing projects)
/// or the programme's next.
/// </summary>
public sealed record SubmitProject(Programme Programme, string? Code, AccountNumber Account, ProjectDetails Details, long? Project = null)
    : IOffsetsCommand
{
    /// <summary>The request as typed; <c>Boundary</c> is <c>lat,lon; lat,lon; …</c>; dates yyyy-MM-dd; <c>Project</c> to refile a returned one.</summary>
    public sealed record Form(
        string? Programme, string? Code, string? Account, string? Title, string? Methodology, string? SectoralScope, string? Category,
        string? Province, string? City, string? County, decimal? Latitude, decimal? Longitude, string? Boundary, string? CreditingStart,
        string? CreditingEnd, long? ExpectedPerYear, bool? PreCdm, decimal? GasSharePercent, bool? DesignatedArea, long? Project = null);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => OffsetsRoles.Owner;

    public static bool TryParse(Form form, [NotNullWhen(true)] out SubmitProject? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var programme = read.Programme(form.Programme);
        var code = FieldReader.Text(form.Code).ToUpperInvariant();
        if (code.Length > 0 && !UnitClass.TryParse($"{programme.Code}-{code}-2000", out _))
        {
            read.Fail("code", "ProjectCode", $"a project code is 1–{UnitClass.MaxProjectLength} ASCII letters and digits, e.g. {programme.ProjectCode(1)}");
        }
        var account = read.Account(form.Account, "account");
        var title = read.Words(form.Title, "title", OffsetsFields.ShortText);
        var methodology = read.Words(form.Methodology, "methodology", 64);
        var scope = read.Words(form.SectoralScope, "sectoralScope", OffsetsFields.ShortText, required: false);
        var category = read.Choice(form.Category, "category", Enum.GetValues<ProjectCategory>());
        var province = FieldReader.Text(form.Province).ToUpperInvariant();
        if (!Province.IsCode(province))
        {
            read.Fail("province", "Province", "province is a province code such as GD or FJ");
        }
        var city = read.Words(form.City, "city", OffsetsFields.ShortText);
        var county = read.Words(form.County, "county", OffsetsFields.ShortText, required: false);
        GeoPoint? location = null;
        if (form.Latitude is { } lat && form.Longitude is { } lon)
        {
            if (GeoPoint.TryCreate(lat, lon, out var point, out var why))
            {
                location = point;
            }
            else
            {
                // The half at fault is named: a longitude of 7 decimals was blamed on the latitude before.
                var latitudeFine = lat is >= -90 and <= 90 && decimal.Round(lat, 6) == lat;
                read.Fail(latitudeFine ? "longitude" : "latitude", "Coordinates", why!);
            }
        }
        else if (form.Latitude is null != form.Longitude is null)
        {
            // Half a location was dropped before: a latitude without its longitude located the project nowhere.
            var missing = form.Latitude is null ? "latitude" : "longitude";
            read.Fail(missing, "CoordinatePair", $"{missing}: a location is a latitude and a longitude together (or neither)");
        }
        IReadOnlyList<GeoPoint> boundary = [];
        if (!string.IsNullOrWhiteSpace(form.Boundary) && !GeoPoint.TryParseBoundary(form.Boundary, OffsetsFields.MaxBoundaryPoints, out boundary, out var reason))
        {
            read.FailOf("boundary", "Boundary", $"a boundary is 3 to {OffsetsFields.MaxBoundaryPoints} points 'lat,lon; lat,lon; …': {reason}");
        }
        var start = read.Date(form.CreditingStart, "creditingStart");
        var end = read.Date(form.CreditingEnd, "creditingEnd");
        if (read.IsValid && end < start)
        {
            read.Fail("creditingEnd", "PeriodOrder", "the crediting period ends on or after its start");
        }
        var expected = read.Whole(form.ExpectedPerYear, "expectedPerYear", 1, OffsetsFields.MaxTonnes);
        var share = read.Number(form.GasSharePercent, "gasSharePercent", 0, 100);
        if (form.Project is { } p && p <= 0)
        {
            read.Fail("project", "Required", "project: a number ≥ 1");
        }
        ProjectDetails? details = null;
        if (read.IsValid)
        {
            details = new ProjectDetails(title, methodology.ToUpperInvariant(), scope, category, province, city, county, location, boundary,
                start, end, expected, form.PreCdm ?? false, share, form.DesignatedArea ?? false);
            foreach (var (field, rule, message) in details.CheckAgainst(programme))
            {
                read.Fail(field, rule, message);
            }
        }
        command = read.IsValid ? new SubmitProject(programme, code.Length == 0 ? null : code, account, details!, form.Project) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<OffsetsDecision> DecideAsync(OffsetsWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (work.Actor.OrganisationId is not { } organisation)
        {
            return new OffsetsDecision.Refuse("NoOrganisation", "actor", "a project is filed by a representative of its owner organisation",
                RefusalKind.Forbidden);
        }
        var accounts = await work.Registry.AccountsAsync(work.Actor, work.Session.CancellationToken).ConfigureAwait(false);
        if (!accounts.Any(a => a.Number == Account && a.Kind == AccountKind.Holding))
        {
            return new OffsetsDecision.Refuse("NotOwnAccount", "account",
                $"{Account} is not a holding account you represent: credits are issued into the owner's holding account", RefusalKind.Conflict);
        }
        if (Project is { } id)
        {
            var (existing, _, refusal) = await work.ProjectAsync(id).ConfigureAwait(false);
            if (refusal is not null)
            {
                return refusal;
            }
            if (!work.IsOwner(existing!))
            {
                return OffsetsWork.NotOwner(existing!);
            }
            if (existing!.Status != ProjectStatus.Returned)
            {
                return OffsetsWork.WrongStep(existing, "filed again", [ProjectStatus.Returned]);
            }
            if (existing.Programme != Programme.Type)
            {
                // Its code and serials are the programme's: another programme is another project. Before, this was told the
                // project's status did not allow it, though it was returned and waiting for the owner.
                return new OffsetsDecision.Refuse("RefiledProgramme", "programme",
                    $"{existing.Reference} is filed again under {UnitClass.ProgrammeText(existing.Programme)}, not {Programme.Code}: file a new project for another programme",
                    RefusalKind.Conflict);
            }
            var refiled = existing with
            {
                Status = ProjectStatus.Submitted, HoldingAccount = Account.ToString(), Details = Details, SubmittedAt = work.Now,
                ReturnComment = null, ReturnedBy = null,
            };
            return work.Write(refiled, null, "project.submitted", "", Payload(refiled)) with { Project = refiled };
        }
        var codes = await work.Session.Offsets.CodesAsync(Programme.Type).ConfigureAwait(false);
        var code = Code ?? NextCode(Programme, codes);
        if (codes.Contains(code, StringComparer.Ordinal))
        {
            return new OffsetsDecision.Refuse("ProjectCodeTaken", "code", $"{Programme.Code}-{code} exists", RefusalKind.Conflict);
        }
        var project = new OffsetProject(0, Programme.Type, code, organisation, Account.ToString(), ProjectStatus.Submitted, Details, work.Now,
            work.Now);
        return work.Write(project, null, "project.submitted", "", Payload(project)) with { Project = project };
    }

    /// <summary>The programme's next free code after the highest numbered one.</summary>
    public static string NextCode(Programme programme, IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(programme);
        var highest = codes.Where(c => c.StartsWith(programme.CodePrefix, StringComparison.Ordinal))
            .Select(c => int.TryParse(c.AsSpan(programme.CodePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
        return programme.ProjectCode(highest + 1);
    }

    private static object Payload(OffsetProject p) => new
    {
        programme = UnitClass.ProgrammeText(p.Programme),
        code = p.Code,
        account = p.HoldingAccount,
        details = OffsetsJson.Details(p.Details),
    };
}
