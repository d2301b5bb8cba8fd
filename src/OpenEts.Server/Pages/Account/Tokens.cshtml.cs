using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Identity;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Account;

/// <summary>The signed-in user's API tokens: create (secret shown once) and revoke.</summary>
[Authorize(Roles = Access.Everyone)]
public sealed class TokensModel(SignIn signIn, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ApiTokenRecord> Tokens { get; private set; } = [];

    public string? NewSecret { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Tokens = await signIn.ListTokensAsync(User.Actor(), ct);

    public async Task<IActionResult> OnPostCreateAsync(string? name, CancellationToken ct)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length is > 0 and <= 60)
        {
            NewSecret = (await signIn.CreateTokenAsync(User.Actor(), trimmed, clock.GetUtcNow(), ct)).Secret;
        }
        Tokens = await signIn.ListTokensAsync(User.Actor(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken ct)
    {
        await signIn.RevokeTokenAsync(User.Actor(), id, clock.GetUtcNow(), ct);
        return RedirectToPage();
    }
}
