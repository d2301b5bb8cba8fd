using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Inclusion;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Inclusion;

/// <summary>
/// Merchants (商户): a merchant's representative confirms citizens' redemption codes (核销) and sees the redemptions
/// taken and the settlement by month; the regulator lists merchants and sees every merchant's settlement; the auditor reads.
/// </summary>
[Authorize(Roles = Access.InclusionMerchantReaders)]
public sealed class MerchantsModel(InclusionCommandHandler handler, InclusionQueries queries) : InclusionPageModel
{
    public IReadOnlyList<MerchantStatement> Merchants { get; private set; } = [];

    public IReadOnlyList<Domain.Inclusion.InclusionProgramme> Programmes { get; private set; } = [];

    public MerchantConfirmation? Confirmed { get; private set; }

    public Domain.Inclusion.Merchant? Listed { get; private set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Programme { get; set; }

    [BindProperty]
    public string? Organisation { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Items { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (ConfirmRedemption.TryParse(new(Code), out var command, out var errors))
        {
            var outcome = await handler.HandleAsync(User.Actor(), command, ct);
            if (Report(outcome))
            {
                Confirmed = (MerchantConfirmation)((InclusionCommandOutcome.Completed)outcome).Result;
                Code = null;
            }
        }
        else
        {
            Report(errors);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRegisterAsync(CancellationToken ct)
    {
        if (RegisterMerchant.TryParse(new(Programme, Organisation, Name, Items), handler.Programmes, out var command, out var errors))
        {
            var outcome = await handler.HandleAsync(User.Actor(), command, ct);
            if (Report(outcome))
            {
                Listed = (Domain.Inclusion.Merchant)((InclusionCommandOutcome.Completed)outcome).Result;
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
        Merchants = await queries.MerchantsAsync(User.Actor(), ct);
        Programmes = queries.InForce();
    }
}
