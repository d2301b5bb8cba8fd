using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Organisations;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Organisations;

/// <summary>Imports the list from .xlsx or .csv: every bad row is listed with its column, and nothing is saved.</summary>
[Authorize(Roles = Access.Regulator)]
public sealed class ImportModel(OrganisationService organisations, TimeProvider clock) : PageModel
{
    public ImportOutcome? Result { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnGetTemplate()
    {
        using var buffer = new MemoryStream();
        OrganisationSheet.WriteXlsx(buffer, []);
        return File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "纳入企业名单模板.xlsx");
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? upload, CancellationToken ct)
    {
        if (upload is null)
        {
            Result = new ImportOutcome.Invalid([new RowError(0, "", "file", "Required", "choose a .xlsx or .csv file")]);
            return Page();
        }
        await using var content = upload.OpenReadStream();
        Result = await organisations.ImportAsync(User.Actor(), OrganisationSheet.Read(content, upload.FileName), clock.GetUtcNow(), ct);
        return Page();
    }
}
