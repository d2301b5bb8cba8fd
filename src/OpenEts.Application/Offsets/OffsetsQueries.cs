using OpenEts.Application.Forms;
using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Offsets;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Offsets;

/// <summary>
/// The only way into the offset projects' data for everyone else: the pages, the API, the CLI and other modules
/// (compliance reads <see cref="ProjectFactsAsync"/>, never the tables). <see cref="MaySee"/> is the one access rule.
/// </summary>
public sealed class OffsetsQueries(IStore store, RegistryQueries registry)
{
    /// <summary>
    /// True when <paramref name="actor"/> (null: not signed in) may see <paramref name="project"/>. From validation on a
    /// project is public — its details, documents, status history, reports and issuance — as the Verra, Gold Standard
    /// and UNDP registries publish theirs. Before that (submitted or returned) only its owner's representatives, the
    /// programmes' reviewers (verifier, regulator) and the auditor see it.
    /// </summary>
    public static bool MaySee(Actor? actor, OffsetProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (project.Status is ProjectStatus.Validated or ProjectStatus.Registered)
        {
            return true;
        }
        return actor?.Role switch
        {
            Role.Regulator or Role.Auditor or Role.Verifier => true,
            Role.CompanyRepresentative => actor.OrganisationId == project.OrganisationId,
            _ => false,
        };
    }

    /// <summary>
    /// The facts compliance reads about project <paramref name="projectCode"/> of <paramref name="programme"/> (<c>CCER</c>,
    /// <c>FFCER</c>, <c>PHCER</c>; the class text's first two parts, e.g. <c>FFCER</c> and <c>FJ0001</c> of
    /// <c>FFCER-FJ0001-2016</c>): the owner's credit code, the CO2 + CH4 share, the designated-area flag, the host
    /// province and city. Null for a project not on the register or not yet public. Public: no actor needed.
    /// </summary>
    public Task<ProjectFacts?> ProjectFactsAsync(string programme, string projectCode, CancellationToken ct)
    {
        if (Programmes.Find(programme) is not { } p || string.IsNullOrWhiteSpace(projectCode))
        {
            return Task.FromResult<ProjectFacts?>(null);
        }
        return store.ReadAsync(async s =>
        {
            var project = await s.Offsets.FindProjectAsync(p.Type, projectCode.Trim().ToUpperInvariant()).ConfigureAwait(false);
            if (project is null || !MaySee(null, project))
            {
                return null;
            }
            var owner = await OwnerAsync(s, project).ConfigureAwait(false);
            var d = project.Details;
            return new ProjectFacts(project.Programme, project.Code, owner.Code, owner.Name, d.Category, d.Methodology, d.Province, d.City,
                d.County, d.GasSharePercent, d.PreCdm, d.DesignatedArea, project.Status);
        }, ct);
    }

    /// <summary>The facts of the project a unit class belongs to (<c>CCER-001234-2019</c>); null for an allowance, a legacy class or an unknown project.</summary>
    public Task<ProjectFacts?> ProjectFactsAsync(UnitClass unitClass, CancellationToken ct) =>
        unitClass.IsProjectClass
            ? ProjectFactsAsync(UnitClass.ProgrammeText(unitClass.Type), unitClass.Project!, ct)
            : Task.FromResult<ProjectFacts?>(null);

    /// <summary>
    /// The programme a list of projects is filtered by (<c>?programme=ffcer</c>): the one <paramref name="text"/> names,
    /// any case; null when none is given, or when it names none, which is filed in <paramref name="read"/> as
    /// <c>UnknownValue</c> under <c>programme</c> naming the programmes there are (the list then shows every programme's).
    /// </summary>
    public static Programme? ProgrammeFilter(FieldReader read, string? text)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return read.Among(text, "programme", [.. Programmes.All.Select(p => p.Code)]) is { } code ? Programmes.Find(code) : null;
    }

    /// <summary>
    /// The status a list of projects is filtered by (<c>?status=registered</c>, <c>--status</c>): the one
    /// <paramref name="text"/> names, any case; null when none is given, or when it names none, which is filed in
    /// <paramref name="read"/> as <c>UnknownValue</c> under <paramref name="field"/> naming the statuses there are.
    /// </summary>
    public static ProjectStatus? StatusFilter(FieldReader read, string? text, string field = "status")
    {
        ArgumentNullException.ThrowIfNull(read);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return read.Among(text, field, [.. Enum.GetNames<ProjectStatus>().Select(n => n.ToLowerInvariant())]) is { } code
            ? Enum.Parse<ProjectStatus>(code, ignoreCase: true)
            : null;
    }

    /// <summary>The projects <paramref name="actor"/> may see, optionally of one programme or status, with the tonnes issued so far.</summary>
    public async Task<IReadOnlyList<ProjectRow>> ProjectsAsync(Actor? actor, UnitType? programme, ProjectStatus? status, CancellationToken ct)
    {
        var issuances = await registry.AllOffsetIssuancesAsync(ct).ConfigureAwait(false);
        var issued = issuances.Where(i => i.Class.IsProjectClass)
            .GroupBy(i => (i.Class.Type, i.Class.Project))
            .ToDictionary(g => g.Key, g => g.Sum(i => i.OwnerQuantity + i.BufferQuantity));
        return await store.ReadAsync<IReadOnlyList<ProjectRow>>(async s =>
        {
            var projects = (await s.Offsets.ListProjectsAsync(new OffsetProjectFilter(programme, status)).ConfigureAwait(false))
                .Where(p => MaySee(actor, p)).ToList();
            var names = (await s.Organisations.FindByIdsAsync([.. projects.Select(p => p.OrganisationId).Distinct()]).ConfigureAwait(false))
                .ToDictionary(o => o.Id, o => o.Name);
            return [.. projects.Select(p => new ProjectRow(p, names.TryGetValue(p.OrganisationId, out var name) ? name
                : throw new InvalidOperationException($"project {p.Reference} names organisation {p.OrganisationId}, which does not exist"),
                issued.GetValueOrDefault((p.Programme, p.Code))))];
        }, ct).ConfigureAwait(false);
    }

    /// <summary>The projects and monitoring reports waiting for <paramref name="actor"/>'s role (its queue), and a company's returned ones.</summary>
    public async Task<IReadOnlyList<ProjectRow>> QueueAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var rows = await ProjectsAsync(actor, null, null, ct).ConfigureAwait(false);
        bool Mine(OffsetProject p) => actor.Role != Role.CompanyRepresentative || actor.OrganisationId == p.OrganisationId;
        var registered = rows.Where(r => Mine(r.Project) && r.Project.Status == ProjectStatus.Registered).Select(r => r.Project.Id).ToList();
        // The monitoring reports of every registered project in one read, rather than one read per project.
        var reports = (registered.Count == 0 ? [] : await store.ReadAsync(s => s.Offsets.ReportsOfAsync(registered), ct).ConfigureAwait(false))
            .ToLookup(r => r.ProjectId);
        return [.. rows.Where(row =>
        {
            var programme = Programmes.Of(row.Project.Programme);
            return Mine(row.Project) && (OffsetsRoles.HolderOf(programme, row.Project.Status) == actor.Role
                || reports[row.Project.Id].Any(r => OffsetsRoles.HolderOf(programme, r.Status) == actor.Role));
        })];
    }

    /// <summary>One project by id with everything its page shows, when it exists and <paramref name="actor"/> may see it.</summary>
    public async Task<ProjectDetail?> ProjectAsync(Actor? actor, long id, CancellationToken ct)
    {
        var detail = await store.ReadAsync(async s =>
        {
            var project = await s.Offsets.FindProjectAsync(id).ConfigureAwait(false);
            return project is null || !MaySee(actor, project) ? null : await DetailAsync(s, project).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);
        return detail is null ? null : ForViewer(actor, await WithIssuancesAsync(detail, ct).ConfigureAwait(false));
    }

    /// <summary>
    /// The register is public, but the sign-in names of the people who acted on a project are the parties' own: the
    /// regulator, the auditor, the verifiers and the owner's representatives see them; anyone else sees each step's role
    /// (and the owner on the page) with the name left empty, as in a step's <see cref="OffsetStep.UserName"/> and a
    /// document's <see cref="OffsetDocument.UploadedBy"/>. A sign-in name published is half of a password guess.
    /// </summary>
    private static ProjectDetail ForViewer(Actor? actor, ProjectDetail detail) =>
        actor is { Role: Role.Regulator or Role.Auditor or Role.Verifier }
        || (actor is { Role: Role.CompanyRepresentative } && actor.OrganisationId == detail.Project.OrganisationId)
            ? detail
            : detail with
            {
                History = [.. detail.History.Select(h => h with { UserName = "" })],
                Documents = [.. detail.Documents.Select(d => d with { UploadedBy = "" })],
            };

    /// <summary>One project by programme and code (<c>FFCER</c>, <c>FJ0001</c>), when it exists and <paramref name="actor"/> may see it.</summary>
    public async Task<ProjectDetail?> ProjectAsync(Actor? actor, string programme, string code, CancellationToken ct)
    {
        if (Programmes.Find(programme) is not { } p)
        {
            return null;
        }
        var id = await store.ReadAsync(async s =>
            (await s.Offsets.FindProjectAsync(p.Type, (code ?? "").Trim().ToUpperInvariant()).ConfigureAwait(false))?.Id, ct).ConfigureAwait(false);
        return id is { } found ? await ProjectAsync(actor, found, ct).ConfigureAwait(false) : null;
    }

    /// <summary>A document's record and bytes, when <paramref name="actor"/> may see its project.</summary>
    public Task<(OffsetDocument Document, byte[] Content)?> DocumentAsync(Actor? actor, long id, CancellationToken ct) =>
        store.ReadAsync(async s =>
        {
            var found = await s.Offsets.FindDocumentAsync(id).ConfigureAwait(false);
            if (found is not { } d)
            {
                return null;
            }
            var project = await s.Offsets.FindProjectAsync(d.Document.ProjectId).ConfigureAwait(false);
            return project is not null && MaySee(actor, project) ? found : null;
        }, ct);

    private static async Task<ProjectDetail> DetailAsync(IStoreSession s, OffsetProject project)
    {
        var programme = Programmes.Of(project.Programme);
        return new ProjectDetail(project, await OwnerAsync(s, project).ConfigureAwait(false), programme,
            programme.FindMethodology(project.Details.Methodology),
            await s.Offsets.StepsAsync(project.Id).ConfigureAwait(false), await s.Offsets.DocumentsAsync(project.Id).ConfigureAwait(false),
            await s.Offsets.ReportsAsync(project.Id).ConfigureAwait(false), []);
    }

    private async Task<ProjectDetail> WithIssuancesAsync(ProjectDetail detail, CancellationToken ct)
    {
        var all = await registry.AllOffsetIssuancesAsync(ct).ConfigureAwait(false);
        return detail with
        {
            Issuances = [.. all.Where(i => i.Class.Type == detail.Project.Programme && i.Class.Project == detail.Project.Code)],
        };
    }

    private static async Task<Organisation> OwnerAsync(IStoreSession s, OffsetProject project) =>
        await s.Organisations.FindByIdAsync(project.OrganisationId).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"project {project.Reference} names organisation {project.OrganisationId}, which does not exist");
}
