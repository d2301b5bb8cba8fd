using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Inclusion;
using OpenEts.Server.Auth;
using OpenEts.Server.Pages.Shared;

namespace OpenEts.Server.Pages.Inclusion;

/// <summary>
/// A citizen's personal information (我的个人信息): the notice and their consent (give or withdraw), a download of
/// everything held about them (JSON or .xlsx), and erasure of their account's personal data.
/// </summary>
[Authorize(Roles = Access.Citizen)]
public sealed class PrivacyModel(InclusionCommandHandler handler, InclusionQueries queries) : InclusionPageModel
{
    public CitizenPrivacy? Privacy { get; private set; }

    public bool Changed { get; private set; }

    /// <summary>True when the withdrawal was confirmed: the first click only asks (<see cref="AskingWithdraw"/>).</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    /// <summary>True while the withdrawal is asked for, not yet confirmed.</summary>
    public bool AskingWithdraw { get; private set; }

    /// <summary>"give" or "withdraw" once that change is made.</summary>
    public string? ChangedTo { get; private set; }

    [BindProperty]
    public string? ConsentVersion { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    [BindProperty]
    public string? Nickname { get; set; }

    [BindProperty]
    public string? Contact { get; set; }

    /// <summary>True once a correction of the nickname or contact is saved.</summary>
    public bool Corrected { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Privacy = await queries.PrivacyAsync(User.Actor(), ct);

    /// <summary>A format in the download's address that the copy is not written in, named as typed beside the links.</summary>
    public AddressErrors Unread { get; } = new();

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (await CitizenDataDownload.FileAsync(this, queries, null, format, Unread, ct) is { } file)
        {
            return file;
        }
        Privacy = await queries.PrivacyAsync(User.Actor(), ct);
        return Page();
    }

    public Task<IActionResult> OnPostGiveAsync(CancellationToken ct) => ConsentAsync("give", ct);

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        if (Confirmed)
        {
            return await ConsentAsync("withdraw", ct);
        }
        AskingWithdraw = true;
        Privacy = await queries.PrivacyAsync(User.Actor(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCorrectAsync(CancellationToken ct)
    {
        if (CorrectProfile.TryParse(new(Nickname, Contact), out var command, out var errors))
        {
            Corrected = Report(await handler.HandleAsync(User.Actor(), command, ct));
        }
        else
        {
            Report(errors);
        }
        Privacy = await queries.PrivacyAsync(User.Actor(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEraseAsync(CancellationToken ct)
    {
        if (EraseCitizen.TryParse(new(null, Confirm), out var command, out var errors))
        {
            if (Report(await handler.HandleAsync(User.Actor(), command, ct)))
            {
                await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return Redirect("/Inclusion/SignUp?Erased=true");
            }
        }
        else
        {
            Report(errors);
        }
        Privacy = await queries.PrivacyAsync(User.Actor(), ct);
        return Page();
    }

    private async Task<IActionResult> ConsentAsync(string action, CancellationToken ct)
    {
        if (ChangeConsent.TryParse(new(action, ConsentVersion), out var command, out var errors))
        {
            Changed = Report(await handler.HandleAsync(User.Actor(), command, ct));
            ChangedTo = Changed ? action : null;
        }
        else
        {
            Report(errors);
        }
        Privacy = await queries.PrivacyAsync(User.Actor(), ct);
        return Page();
    }
}
