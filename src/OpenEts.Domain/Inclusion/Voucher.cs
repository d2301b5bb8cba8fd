namespace OpenEts.Domain.Inclusion;

/// <summary>
/// A redemption as the merchant sees it (兑换券): the item and coins a citizen redeemed, its code, and — once a merchant
/// confirmed it — which merchant took the coins and when. A code is confirmed at most once, so neither side can replay it;
/// the coins then move from the citizen's redeemed-but-unclaimed coins to the merchant's settlement.
/// </summary>
/// <param name="Id">The redemption's id.</param>
/// <param name="Programme">The programme's code.</param>
/// <param name="Item">The catalogue item's code.</param>
/// <param name="Coins">The coins the citizen spent (≥ 1).</param>
/// <param name="Code">The code the citizen shows; empty once the citizen's data was erased.</param>
/// <param name="MerchantId">The merchant that confirmed it, or null while unclaimed.</param>
/// <param name="ConfirmedAt">When it was confirmed, or null.</param>
public sealed record Voucher(long Id, string Programme, string Item, long Coins, string Code, long? MerchantId, DateTimeOffset? ConfirmedAt)
{
    /// <summary>The length of a code: 12 hexadecimal digits (48 random bits).</summary>
    public const int CodeLength = 12;

    /// <summary>True once a merchant took it.</summary>
    public bool Confirmed => MerchantId is not null;

    /// <summary>
    /// A code as typed (spaces, dashes and case ignored) in its stored form, or null when it cannot be a code.
    /// </summary>
    public static string? NormaliseCode(string? typed)
    {
        var code = string.Concat((typed ?? "").Where(c => c is not (' ' or '-'))).ToUpperInvariant();
        return code.Length == CodeLength && code.All(char.IsAsciiHexDigit) ? code : null;
    }

    /// <summary>
    /// Whether <paramref name="merchant"/> may take <paramref name="voucher"/> (the voucher found by its code, or null):
    /// null when it may, else why not.
    /// </summary>
    public static VoucherRejection? CheckConfirm(Voucher? voucher, Merchant merchant)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        if (voucher is null || voucher.Code.Length == 0)
        {
            return VoucherRejection.UnknownCode;
        }
        if (voucher.Confirmed)
        {
            return VoucherRejection.CodeUsed;
        }
        return merchant.Accepts(voucher.Programme, voucher.Item) ? null : VoucherRejection.NotAccepted;
    }

    /// <summary>This voucher taken by <paramref name="merchant"/> at <paramref name="at"/>; throws when <see cref="CheckConfirm"/> refuses.</summary>
    public Voucher ConfirmBy(Merchant merchant, DateTimeOffset at)
    {
        if (CheckConfirm(this, merchant) is { } refused)
        {
            throw new InvalidOperationException($"voucher {Id} cannot be confirmed: {refused}");
        }
        return this with { MerchantId = merchant.Id, ConfirmedAt = at };
    }
}
