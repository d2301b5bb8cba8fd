using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Identity;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;
using QRCoder;

namespace OpenEts.Server.Pages.Account;

/// <summary>
/// Two-factor sign-in (<see cref="Application.Identity.TwoFactor"/>): begin enrolment (the secret and its QR code, an SVG
/// served by this page's Qr handler, since the CSP allows no inline script), confirm it with a code (the recovery codes
/// are shown once), and turn it off with a code.
/// </summary>
[Authorize(Roles = Access.Everyone)]
public sealed class TwoFactorModel(TwoFactor twoFactor) : PageModel
{
    public TwoFactorStatus Status { get; private set; } = new TwoFactorStatus.None();

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Status = await twoFactor.StatusAsync(User.Actor(), ct);

    /// <summary>The pending enrolment's otpauth URI as an SVG QR code; 404 when nothing is pending.</summary>
    public async Task<IActionResult> OnGetQrAsync(CancellationToken ct)
    {
        if (await twoFactor.StatusAsync(User.Actor(), ct) is not TwoFactorStatus.Pending pending)
        {
            return NotFound();
        }
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(pending.OtpAuthUri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(5);
        Response.Headers.CacheControl = "no-store";
        return Content(svg, "image/svg+xml");
    }

    public async Task<IActionResult> OnPostBeginAsync(CancellationToken ct)
    {
        Status = await twoFactor.BeginAsync(User.Actor(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string? code, CancellationToken ct)
    {
        switch (await twoFactor.ConfirmAsync(User.Actor(), code, ct))
        {
            case TwoFactorConfirmation.Confirmed c:
                RecoveryCodes = c.RecoveryCodes;
                if (User.MustEnrolSecondFactor())
                {
                    // Enrolled: this session is no longer held on this page.
                    await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                        Principals.For(c.User, CookieAuthenticationDefaults.AuthenticationScheme));
                }
                break;
            case TwoFactorConfirmation.WrongCode:
                Errors = [RuleText.Message("totpCode", "TwoFactorCode", "totpCode: this is not the current code from your app")];
                break;
        }
        Status = await twoFactor.StatusAsync(User.Actor(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(string? code, CancellationToken ct)
    {
        if (await twoFactor.DisableAsync(User.Actor(), code, ct) is UserCommandOutcome.Refused r)
        {
            Errors = [RuleText.Message(r.Field, r.Rule, r.Message)];
        }
        Status = await twoFactor.StatusAsync(User.Actor(), ct);
        return Page();
    }
}
