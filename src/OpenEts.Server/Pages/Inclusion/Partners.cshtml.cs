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

    /// <summary>True when the revocation was confirmed: the first click only asks (<see cref="Asking"/>).</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    /// <summary>The partner whose revocation is asked for, not yet confirmed.</summary>
    public InclusionPartner? Asking { get; private set; }

    /// <summary>The partner whose key was just revoked.</summary>
    public InclusionPartner? Revoked { get; private set; }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        if (!Confirmed)
        {
            // A revoked key cannot be restored: the first click asks, and only the confirmation revokes.
            await LoadAsync(ct);
            Asking = Partners.FirstOrDefault(p => p.Id == Partner && p.Active);
            return Page();
        }
        if (RevokePartnerKey.TryParse(new(Partner), out var command, out var errors))
        {
            if (Report(await handler.HandleAsync(User.Actor(), command, ct)))
            {
                await LoadAsync(ct);
                Revoked = Partners.FirstOrDefault(p => p.Id == Partner);
                return Page();
            }
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
