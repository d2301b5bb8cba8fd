using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Journal;
using OpenEts.Domain.Journal;

namespace OpenEts.Server.Pages;

/// <summary>
/// The public transparency page: every signed journal digest and the key that checks them, for anyone to keep. Open to
/// everyone, signed in or not.
/// </summary>
[AllowAnonymous]
public sealed class TransparencyModel(JournalDigests digests) : PageModel
{
    public IReadOnlyList<JournalDigest> Digests { get; private set; } = [];

    public string? KeyId => digests.KeyId;

    public string? PublicKeyPem => digests.PublicKeyPem;

    public async Task OnGetAsync(CancellationToken ct) => Digests = [.. (await digests.ListAsync(ct)).Reverse()];
}
