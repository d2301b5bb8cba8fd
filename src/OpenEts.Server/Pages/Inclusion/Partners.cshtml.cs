using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Inclusion;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Inclusion;

/// <summary>
/// Data partners' API keys (合作方密钥), for the regulator: issue a key scoped to a programme and behaviours (shown once,
/// then only its first characters), see every partner, revoke a key. A partner whose key leaked gets a new one and the
/// old one is revoked: that is a rotation.
/// </summary>
[Authorize(Roles = Access.Regulator)]
public sealed class PartnersModel(InclusionCommandHandler handler, InclusionQueries queries) : InclusionPageModel
{
    public IReadOnlyList<InclusionPartner> Partners { get; private set; } = [];

    public IReadOnlyList<Domain.Inclusion.InclusionProgramme> Programmes { get; private set; } = [];

    public PartnerKeyIssued? Issued { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Programme { get; set; }

    [BindProperty]
    public IReadOnlyList<string>? Behaviours { get; set; }

    [BindProperty]
    public long? Partner { get; set; }

    /// <summary>The partner's ECDSA P-256 public key (PEM or base64 DER); empty: the key alone authenticates its batches.</summary>
    [BindProperty]
    public string? PublicKey { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        if (IssuePartnerKey.TryParse(new(Name, Programme, string.Join(',', Behaviours ?? []), PublicKey), handler.Programmes, out var command, out var errors))
        {
            var outcome = await handler.HandleAsync(User.Actor(), command, ct);
            if (Report(outcome))
            {
                Issued = (PartnerKeyIssued)((InclusionCommandOutcome.Completed)outcome).Result;
                (Name, PublicKey) = (null, null);
            }
        }
        else
        {
            Report(errors);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        if (RevokePartnerKey.TryParse(new(Partner), out var command, out var errors))
        {
            Report(await handler.HandleAsync(User.Actor(), command, ct));
        }
        else
        {
            Report(errors);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Partners = await queries.PartnersAsync(User.Actor(), ct) ?? [];
        Programmes = queries.InForce();
    }
}
