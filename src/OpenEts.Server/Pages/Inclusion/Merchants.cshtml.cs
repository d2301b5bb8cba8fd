using Microsoft.AspNetCore.Authorization;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Files;
using OpenEts.Application.Inclusion;
using OpenEts.Application.Offsets;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Inclusion;

/// <summary>
/// Merchants (商户): a merchant's representative confirms citizens' redemption codes (核销) and sees the redemptions
/// taken and the settlement by month and its statements in yuan; the programme's operator settles its merchants for a
/// period (the regulator for a programme whose operator is not on the platform); the regulator lists merchants and sees
/// every merchant's settlement; the auditor reads. Each statement downloads as .xlsx.
/// </summary>
[Authorize(Roles = Access.InclusionMerchantReaders)]
public sealed class MerchantsModel(InclusionCommandHandler handler, InclusionQueries queries, OffsetsQueries offsets, TimeProvider clock)
    : InclusionPageModel
{
    public MerchantSettlement? Settled { get; private set; }

    [BindProperty]
    public string? Merchant { get; set; }

    [BindProperty]
    public string? PeriodStart { get; set; }

    [BindProperty]
    public string? PeriodEnd { get; set; }

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

    public async Task<IActionResult> OnPostSettleAsync(CancellationToken ct)
    {
        if (SettleMerchant.TryParse(new(Merchant, PeriodStart, PeriodEnd), out var command, out var errors))
        {
            var outcome = await handler.SettleAsync(User.Actor(), command, ct);
            if (Report(outcome))
            {
                Settled = (MerchantSettlement)((InclusionCommandOutcome.Completed)outcome).Result;
            }
        }
        else
        {
            Report(errors);
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>A statement as .xlsx, for those who may read it.</summary>
    public async Task<IActionResult> OnGetSettlementAsync(long id, CancellationToken ct)
    {
        var operated = await SettleMerchant.OperatedByAsync(User.Actor(), handler.Programmes, offsets, ct);
        if (await queries.SettlementAsync(User.Actor(), id, ct, operated) is not { } sheet)
        {
            return NotFound();
        }
        using var buffer = new MemoryStream();
        TabularWriter.WriteXlsx(buffer, SettlementSheet.Header, sheet.Rows());
        return File(buffer.ToArray(), TabularWriter.XlsxContentType, sheet.FileName);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var operated = await SettleMerchant.OperatedByAsync(User.Actor(), handler.Programmes, offsets, ct);
        Merchants = await queries.MerchantsAsync(User.Actor(), ct, operated);
        Programmes = queries.InForce();
        var (start, end) = SettleMerchant.DefaultPeriod(clock.GetUtcNow());
        PeriodStart ??= start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        PeriodEnd ??= end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
