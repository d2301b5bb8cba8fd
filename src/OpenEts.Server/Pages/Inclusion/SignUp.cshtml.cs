using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Inclusion;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Server.Pages.Inclusion;

/// <summary>
/// A person signs up as a citizen (公众注册): the consent notice (what, why, how long), an optional nickname and contact,
/// a password and the explicit consent box. The platform answers with the pseudonym that is their sign-in id.
/// </summary>
[AllowAnonymous]
public sealed class SignUpModel(CitizenSignUpHandler handler) : InclusionPageModel
{
    public ConsentNotice Notice => ConsentNotice.Current;

    public CitizenSignedUp? SignedUp { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Erased { get; set; }

    [BindProperty]
    public string? Nickname { get; set; }

    [BindProperty]
    public string? Contact { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConsentVersion { get; set; }

    [BindProperty]
    public bool? Agree { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (SignUpCitizen.TryParse(new(Nickname, Contact, Password, ConsentVersion, Agree), out var command, out var errors))
        {
            var outcome = await handler.HandleAsync(command, ct);
            if (Report(outcome))
            {
                SignedUp = (CitizenSignedUp)((InclusionCommandOutcome.Completed)outcome).Result;
            }
        }
        else
        {
            Report(errors);
        }
        Password = null;
        return Page();
    }
}
