using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>A redemption code a merchant confirmed: which merchant, and the voucher with its coins.</summary>
public sealed record MerchantConfirmation(Merchant Merchant, Voucher Voucher);
