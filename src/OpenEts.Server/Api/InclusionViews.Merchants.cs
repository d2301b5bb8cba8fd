using OpenEts.Application.Inclusion;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Server.Api;

internal static partial class InclusionViews
{
    public sealed record MerchantView(long Id, string Programme, long OrganisationId, string Name, IReadOnlyList<string> Items);

    public sealed record VoucherView(long Id, string Programme, string Item, long Coins, DateTimeOffset? ConfirmedAt);

    public sealed record MonthView(string Month, long Confirmed, long Coins);

    public sealed record MerchantStatementView(MerchantView Merchant, string Organisation, long Confirmed, long Coins, IReadOnlyList<MonthView> ByMonth,
        IReadOnlyList<VoucherView> Recent);

    public sealed record DonationView(long Id, string Programme, string Cause, long Coins, DateTimeOffset At);

    public sealed record PartnerView(long Id, string Name, string Programme, IReadOnlyList<string> Behaviours, string Key, DateTimeOffset IssuedAt,
        string IssuedBy, DateTimeOffset? RevokedAt, bool SignsEvents, string? SigningKeyFingerprint);

    /// <summary>The partner and its key: the only answer that carries the key.</summary>
    public sealed record IssuedKeyView(PartnerView Partner, string Key);

    public sealed record SignedUpView(string UserName, string ConsentVersion);

    public sealed record PurgedView(string FirstKept, long Deleted, bool More);

    public static MerchantView Merchant(Merchant m) => new(m.Id, m.Programme, m.OrganisationId, m.Name, m.Items);

    // The code is left out: a merchant's list is no place for codes it has already taken.
    /// <summary>A settlement statement: what the operator owes the merchant, in yuan.</summary>
    public sealed record SettlementView(long Id, long MerchantId, string Programme, DateOnly PeriodStart, DateOnly PeriodEnd, long Redemptions,
        long Coins, decimal Yuan, DateTimeOffset SettledAt, string SettledBy);

    /// <summary>One redemption a statement settled.</summary>
    public sealed record SettlementLineView(long RedemptionId, string Item, DateOnly ConfirmedOn, long Coins, decimal YuanPerCoin, decimal Yuan);

    /// <summary>A statement with its merchant and lines.</summary>
    public sealed record SettlementSheetView(SettlementView Settlement, MerchantView Merchant, IReadOnlyList<SettlementLineView> Lines);

    public static SettlementView Settlement(MerchantSettlement s) => new(s.Id, s.MerchantId, s.Programme, s.PeriodStart, s.PeriodEnd, s.Redemptions,
        s.Coins, s.Yuan, s.SettledAt, s.SettledBy);

    public static SettlementSheetView SettlementSheet(SettlementSheet s) => new(Settlement(s.Settlement), Merchant(s.Merchant),
        [.. s.Lines.Select(l => new SettlementLineView(l.RedemptionId, l.Item, l.ConfirmedOn, l.Coins, l.YuanPerCoin, l.Yuan))]);

    public static VoucherView Voucher(Voucher v) => new(v.Id, v.Programme, v.Item, v.Coins, v.ConfirmedAt);

    public static MerchantStatementView MerchantStatement(MerchantStatement s) => new(Merchant(s.Merchant), s.Organisation, s.Confirmed, s.Coins,
        [.. s.ByMonth.Select(m => new MonthView(m.Key, m.Confirmed, m.Coins))], [.. s.Recent.Select(Voucher)]);

    public static DonationView Donation(CoinDonation d) => new(d.Id, d.Programme, d.Cause, d.Coins, d.At);

    public static PartnerView Partner(InclusionPartner p) => new(p.Id, p.Name, p.Scope.Programme, [.. p.Scope.Behaviours.Select(Behaviours.CodeOf)],
        p.KeyShown + "…", p.IssuedAt, p.IssuedBy, p.RevokedAt, p.SignsEvents, p.SigningKeyFingerprint);

    public static IssuedKeyView IssuedKey(PartnerKeyIssued k) => new(Partner(k.Partner), k.Key);

    public static SignedUpView SignedUp(CitizenSignedUp s) => new(s.UserName, s.ConsentVersion);

    public static PurgedView Purged(PurgedActions p) => new(p.FirstKept.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), p.Deleted, p.More);
}
