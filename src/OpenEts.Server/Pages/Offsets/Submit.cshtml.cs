using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Files;
using OpenEts.Application.Offsets;
using OpenEts.Application.Registry;
using OpenEts.Domain.Registry;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Offsets;

/// <summary>
/// The owner files a project (项目申报) with one of the programmes, into a holding account it represents; or files many
/// from a project workbook (a workbook with any bad row files nothing). The template is downloadable here.
/// </summary>
[Authorize(Roles = Access.OffsetsOwner)]
public sealed class SubmitModel(OffsetsCommandHandler handler, RegistryQueries registry) : OffsetsPageModel(handler)
{
    // The project form as first offered: a gas share of 100 %, as the form always offered.
    private static readonly SubmitProject.Form Offered = new(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, 100m, null);

    /// <summary>The project form as typed (shown again as typed when it fails).</summary>
    [BindProperty]
    public SubmitProject.Form Input { get; set; } = Offered;

    [BindProperty]
    public IFormFile? Workbook { get; set; }

    public IReadOnlyList<Domain.Registry.Account> Accounts { get; private set; } = [];

    public IReadOnlyList<string> Filed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Accounts = await OwnAccountsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await SendAsync(SubmitProject.TryParse(Input, out var c, out var e), c, e, ct) is OffsetsCommandOutcome.Completed done)
        {
            return Redirect($"/Offsets/Project?id={done.Project.Id}&done=submitted");
        }
        Accounts = await OwnAccountsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        // The workbook's post has no project form: the binder's empty one would show the form emptied.
        Input = Offered;
        Accounts = await OwnAccountsAsync(ct);
        if (Workbook is not { Length: > 0 } file || file.Length > TabularLimits.MaxFileBytes)
        {
            Errors[""] = Text.T("offsets.workbookrequired");
            return Page();
        }
        await using var stream = file.OpenReadStream();
        var (projects, errors) = ProjectWorkbook.Read(stream, file.FileName);
        foreach (var error in errors)
        {
            Errors.TryAdd($"row{error.Row}.{error.Field}", $"{Text.T("offsets.row")} {error.Row} {error.Column}: {RuleText.Row(error)}");
        }
        if (errors.Count > 0 || projects.Count == 0)
        {
            return Page();
        }
        var batch = await SendAllAsync([.. projects.Select(p => (IOffsetsCommand)p.Command)],
            i => $"{Text.T("offsets.row")} {projects[i].Row}", ct);
        Filed = [.. batch.Completed.Select(c => c.Project.Reference)];
        return Page();
    }

    public IActionResult OnGetTemplate()
    {
        var buffer = new MemoryStream();
        ProjectWorkbook.WriteTemplate(buffer);
        return File(buffer.ToArray(), TabularWriter.XlsxContentType, "offset-projects.xlsx");
    }

    private async Task<IReadOnlyList<Domain.Registry.Account>> OwnAccountsAsync(CancellationToken ct) =>
        [.. (await registry.AccountsAsync(User.Actor(), ct)).Where(a => a.Kind == AccountKind.Holding)];
}
