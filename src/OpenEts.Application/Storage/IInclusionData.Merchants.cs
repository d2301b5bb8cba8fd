using OpenEts.Application.Inclusion;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Storage;

// Merchants and their redemption codes, donations, data partners' keys, and the retention of raw actions (migration 0024).
public partial interface IInclusionData
{
    /// <summary>Inserts a merchant and returns it with its id; <see cref="StoreConflictException"/> when the organisation is a merchant of that programme already.</summary>
    Task<Merchant> InsertMerchantAsync(Merchant merchant, DateTimeOffset at, string by);

    /// <summary>Every merchant, by programme and name.</summary>
    Task<IReadOnlyList<Merchant>> MerchantsAsync();

    /// <summary>The merchants an organisation acts as (one per programme at most).</summary>
    Task<IReadOnlyList<Merchant>> MerchantsOfAsync(long organisationId);

    /// <summary>The redemption with this (non-empty, normalised) code as the merchant sees it, or null.</summary>
    Task<Voucher?> VoucherAsync(string code);

    /// <summary>Marks a redemption taken by a merchant; false (nothing written) when a merchant took it already.</summary>
    Task<bool> ConfirmVoucherAsync(long redemptionId, long merchantId, DateTimeOffset at);

    /// <summary>The redemptions a merchant confirmed, newest first, at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<Voucher>> MerchantVouchersAsync(long merchantId, int take);

    /// <summary>When and how many coins each redemption a merchant confirmed carried, from <paramref name="from"/> on (all when null).</summary>
    Task<IReadOnlyList<(DateTimeOffset At, long Coins)>> MerchantSettlementAsync(long merchantId, DateTimeOffset? from);

    /// <summary>The donation made with this idempotency key, or null.</summary>
    Task<CoinDonation?> FindDonationAsync(string key);

    /// <summary>Inserts a donation and returns it with its id.</summary>
    Task<CoinDonation> InsertDonationAsync(CoinDonation donation);

    /// <summary>A user's donations, newest first, at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<CoinDonation>> DonationsAsync(long userId, int take);

    /// <summary>A programme's donations summed by cause: donors (distinct citizens), donations and coins.</summary>
    Task<IReadOnlyList<CauseTotal>> CauseTotalsAsync(string programme);

    /// <summary>Inserts a partner and returns it with its id.</summary>
    Task<InclusionPartner> InsertPartnerAsync(InclusionPartner partner);

    /// <summary>The partner whose key hashes to <paramref name="keyHash"/>, revoked or not, or null.</summary>
    Task<InclusionPartner?> PartnerByKeyAsync(string keyHash);

    /// <summary>Every partner, newest first.</summary>
    Task<IReadOnlyList<InclusionPartner>> PartnersAsync();

    /// <summary>Marks a partner's key revoked; false when it was revoked already or does not exist.</summary>
    Task<bool> RevokePartnerAsync(long id, DateTimeOffset at);

    /// <summary>
    /// Deletes raw actions of Beijing days before <paramref name="firstKept"/> (and their keys), at most <paramref name="limit"/>
    /// deleted one by one (whole months may go at once); returns how many, and whether some may remain.
    /// </summary>
    Task<(long Deleted, bool More)> DeleteEventsBeforeAsync(DateOnly firstKept, int limit);
}
