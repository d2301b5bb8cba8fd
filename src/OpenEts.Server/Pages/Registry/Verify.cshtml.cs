using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Registry;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Registry;

/// <summary>
/// The registry self-check, as <c>GET /api/v1/registry/verify</c>: the journal's hash chain, the registry replayed and
/// compared with the live one, and conservation of units.
/// </summary>
[Authorize(Roles = Access.AuditReaders)]
public sealed class VerifyModel(RegistryService registry) : PageModel
{
    public RegistryCheck? Check { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnGetRunAsync(CancellationToken ct) => Check = await registry.VerifyAsync(ct);
}
