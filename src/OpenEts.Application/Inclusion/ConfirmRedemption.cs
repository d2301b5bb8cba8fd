using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// A merchant confirms a citizen's redemption code (核销): the code's coins move from the citizen's redemption to the
/// merchant's settlement. A code is taken once (<see cref="VoucherRejection.CodeUsed"/>), only by a merchant of its
/// programme that honours its item, and never after the citizen's data was erased. Completed with the <see cref="MerchantConfirmation"/>.
/// </summary>
public sealed record ConfirmRedemption(string Code) : IInclusionCommand
{
    /// <summary>As typed: the code the citizen shows.</summary>
    public sealed record Form(string? Code);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => InclusionRoles.Merchants;

    public static bool TryParse(Form form, [NotNullWhen(true)] out ConfirmRedemption? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var code = Voucher.NormaliseCode(form.Code);
        if (code is null)
        {
            read.Fail("code", "RedemptionCode", $"code: the citizen's redemption code, {Voucher.CodeLength} characters 0–9 and A–F");
        }
        command = read.IsValid ? new ConfirmRedemption(code!) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<InclusionCommandOutcome> ExecuteAsync(InclusionWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var data = work.Session.Inclusion;
        var merchants = work.Actor.OrganisationId is { } org ? await data.MerchantsOfAsync(org).ConfigureAwait(false) : [];
        if (merchants.Count == 0)
        {
            return new InclusionCommandOutcome.Refused("NotAMerchant", "actor", "your organisation is no programme's merchant", RefusalKind.Forbidden);
        }
        var voucher = await data.VoucherAsync(Code).ConfigureAwait(false);
        var merchant = merchants.FirstOrDefault(m => m.Programme == voucher?.Programme) ?? merchants[0];
        switch (Voucher.CheckConfirm(voucher, merchant))
        {
            case VoucherRejection.UnknownCode:
                return new InclusionCommandOutcome.Refused("UnknownCode", "code", $"no redemption has the code {Code}", RefusalKind.Conflict);
            case VoucherRejection.CodeUsed:
                return new InclusionCommandOutcome.Refused("CodeUsed", "code", $"the code {Code} was confirmed already", RefusalKind.Conflict);
            case VoucherRejection.NotAccepted:
                return new InclusionCommandOutcome.Refused("NotAccepted", "code", $"{merchant.Name} does not honour {voucher!.Item} of {voucher.Programme}",
                    RefusalKind.Conflict);
            default:
                break;
        }
        var confirmed = voucher!.ConfirmBy(merchant, work.Now);
        if (!await data.ConfirmVoucherAsync(confirmed.Id, merchant.Id, work.Now).ConfigureAwait(false))
        {
            return new InclusionCommandOutcome.Refused("CodeUsed", "code", $"the code {Code} was confirmed already", RefusalKind.Conflict);
        }
        await work.JournalAsync("redemption.confirmed", $"merchant-{merchant.Id}", new
        {
            programme = confirmed.Programme,
            redemption = confirmed.Id,
            item = confirmed.Item,
            coins = confirmed.Coins,
        }).ConfigureAwait(false);
        return new InclusionCommandOutcome.Completed(new MerchantConfirmation(merchant, confirmed));
    }
}
