using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Inclusion;
using OpenEts.Server.Auth;
using OpenEts.Server.Pages.Shared;

namespace OpenEts.Server.Pages.Inclusion;

/// <summary>
/// Citizens' personal-information requests (个人信息请求), for the regulator: look a citizen up by their user name, give
/// them a copy of everything held (JSON or .xlsx, PIPL Art. 45) or erase their personal data (Art. 47, typed
/// confirmation); and delete raw actions past the retention window.
/// </summary>
[Authorize(Roles = Access.Regulator)]
public sealed class RequestsModel(InclusionCommandHandler handler, InclusionQueries queries) : InclusionPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    public CitizenData? Data { get; private set; }

    public bool NotFoundName { get; private set; }

    public CitizenErased? Erased { get; private set; }

    public PurgedActions? Purged { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>A format in the download's address that the copy is not written in, named as typed beside the links.</summary>
    public AddressErrors Unread { get; } = new();

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (await CitizenDataDownload.FileAsync(this, queries, UserName, format, Unread, ct) is { } file)
        {
            return file;
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEraseAsync(CancellationToken ct)
    {
        if (EraseCitizen.TryParse(new(UserName, Confirm), out var command, out var errors))
        {
            var outcome = await handler.HandleAsync(User.Actor(), command, ct);
            if (Report(outcome))
            {
                Erased = (CitizenErased)((InclusionCommandOutcome.Completed)outcome).Result;
                Confirm = null;
            }
        }
        else
        {
            Report(errors);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPurgeAsync(CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(User.Actor(), PurgeRawActions.Default, ct);
        if (Report(outcome))
        {
            Purged = (PurgedActions)((InclusionCommandOutcome.Completed)outcome).Result;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(UserName))
        {
            Data = await queries.CitizenDataAsync(User.Actor(), UserName, ct);
            NotFoundName = Data is null;
        }
    }
}
