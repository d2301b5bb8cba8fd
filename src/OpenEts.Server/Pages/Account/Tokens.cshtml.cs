using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Identity;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Account;

/// <summary>
/// The signed-in user's API tokens: create (secret shown once; life and scope chosen), see when each was last used,
/// revoke; and "sign out everywhere".
/// </summary>
[Authorize(Roles = Access.Everyone)]
public sealed class TokensModel(SignIn signIn, Sessions sessions, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ApiTokenRecord> Tokens { get; private set; } = [];

    public string? NewSecret { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    /// <summary>What a refused creation was sent with (name, days, scope as typed), shown again in the form.</summary>
    public (string? Name, string? ExpiresInDays, string? Scope) Typed { get; private set; }

    public static int DefaultExpiresInDays => CreateToken.DefaultExpiresInDays;

    public static int MaxExpiresInDays => CreateToken.MaxExpiresInDays;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(string? name, int? expiresInDays, string? scope, CancellationToken ct)
    {
        // Days typed but not readable as a whole number would otherwise read as not given, and the default would be used.
        var outcome = Unbound.Errors(ModelState) is { Count: > 0 } unbound
            ? new TokenCreation.Invalid(unbound)
            : await signIn.CreateTokenAsync(User.Actor(), new CreateToken.Form(name, expiresInDays, scope), clock.GetUtcNow(), ct);
        switch (outcome)
        {
            case TokenCreation.SessionRequired:
                return Forbid();
            case TokenCreation.SecondFactorRequired:
                Errors = [RuleText.Message("token", TokenRefusals.TwoFactorRequiredRule,
                    "this server requires two-factor sign-in before API tokens: enrol on the two-factor page first")];
                break;
            case TokenCreation.Created created:
                NewSecret = created.Secret;
                break;
            case TokenCreation.Invalid invalid:
                Errors = [.. invalid.Errors.Select(RuleText.Field)];
                break;
        }
        if (NewSecret is null)
        {
            Typed = (name, Request.Form["ExpiresInDays"].ToString(), scope);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken ct)
    {
        await signIn.RevokeTokenAsync(User.Actor(), id, clock.GetUtcNow(), ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken ct)
    {
        await sessions.SignOutEverywhereAsync(User.Actor(), clock.GetUtcNow(), ct);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Tokens = await signIn.ListTokensAsync(User.Actor(), ct);
    }
}
