using OpenEts.Application.Inclusion;
using OpenEts.Application.Storage;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Storage;

// Merchants and vouchers, donations, partners' keys, retention of raw actions (migration 0024).
internal sealed partial class SqlSession
{
    private const string MerchantSelect = """
        SELECT id AS Id, programme AS Programme, organisation_id AS OrganisationId, name AS Name, items AS Items FROM inclusion_merchants
        """;

    private const string VoucherSelect = """
        SELECT id AS Id, programme AS Programme, item AS Item, coins AS Coins, code AS Code, merchant_id AS MerchantId, confirmed_at AS ConfirmedAt
        FROM inclusion_redemptions
        """;

    private const string PartnerSelect = """
        SELECT id AS Id, name AS Name, programme AS Programme, behaviours AS Behaviours, key_shown AS KeyShown, key_hash AS KeyHash,
            issued_at AS IssuedAt, issued_by AS IssuedBy, revoked_at AS RevokedAt, signing_key AS SigningKey FROM inclusion_partners
        """;

    async Task<Merchant> IInclusionData.InsertMerchantAsync(Merchant m, DateTimeOffset at, string by)
    {
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO inclusion_merchants (programme, organisation_id, name, items, registered_at, registered_by)
            VALUES (@programme, @organisationId, @name, @items, @at, @by) RETURNING id
            """, new { programme = m.Programme, organisationId = m.OrganisationId, name = m.Name, items = string.Join(',', m.Items), at = Ms(at), by })
            .ConfigureAwait(false);
        return m with { Id = id };
    }

    async Task<IReadOnlyList<Merchant>> IInclusionData.MerchantsAsync() =>
        [.. (await QueryAsync<MerchantRow>($"{MerchantSelect} ORDER BY programme, name, id").ConfigureAwait(false)).Select(r => r.ToMerchant())];

    async Task<IReadOnlyList<Merchant>> IInclusionData.MerchantsOfAsync(long organisationId) =>
        [.. (await QueryAsync<MerchantRow>($"{MerchantSelect} WHERE organisation_id = @organisationId ORDER BY programme", new { organisationId })
            .ConfigureAwait(false)).Select(r => r.ToMerchant())];

    async Task<Voucher?> IInclusionData.VoucherAsync(string code) => code.Length == 0
        ? null
        : (await QuerySingleOrDefaultAsync<VoucherRow>($"{VoucherSelect} WHERE code = @code", new { code }).ConfigureAwait(false))?.ToVoucher();

    async Task<bool> IInclusionData.ConfirmVoucherAsync(long redemptionId, long merchantId, DateTimeOffset at) => await ExecuteAsync(
        "UPDATE inclusion_redemptions SET merchant_id = @merchantId, confirmed_at = @at WHERE id = @redemptionId AND merchant_id IS NULL",
        new { redemptionId, merchantId, at = Ms(at) }).ConfigureAwait(false) == 1;

    async Task<IReadOnlyList<Voucher>> IInclusionData.MerchantVouchersAsync(long merchantId, int take) =>
        [.. (await QueryAsync<VoucherRow>($"{VoucherSelect} WHERE merchant_id = @merchantId ORDER BY confirmed_at DESC, id DESC LIMIT @take",
            new { merchantId, take }).ConfigureAwait(false)).Select(r => r.ToVoucher())];

    async Task<IReadOnlyList<(DateTimeOffset At, long Coins)>> IInclusionData.MerchantSettlementAsync(long merchantId, DateTimeOffset? from) =>
        [.. (await QueryAsync<RedeemedRow>("""
            SELECT confirmed_at AS At, coins AS Coins FROM inclusion_redemptions
            WHERE merchant_id = @merchantId AND confirmed_at >= @from ORDER BY confirmed_at
            """, new { merchantId, from = from is { } f ? Ms(f) : long.MinValue }).ConfigureAwait(false)).Select(r => (At(r.At), r.Coins))];

    async Task<CoinDonation?> IInclusionData.FindDonationAsync(string key) =>
        (await QuerySingleOrDefaultAsync<DonationRow>($"{DonationSelect} WHERE idempotency_key = @key", new { key }).ConfigureAwait(false))?.ToDonation();

    private const string DonationSelect = """
        SELECT id AS Id, user_id AS UserId, programme AS Programme, cause AS Cause, coins AS Coins, at AS At, idempotency_key AS IdempotencyKey
        FROM inclusion_donations
        """;

    async Task<CoinDonation> IInclusionData.InsertDonationAsync(CoinDonation d)
    {
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO inclusion_donations (user_id, programme, cause, coins, at, idempotency_key)
            VALUES (@userId, @programme, @cause, @coins, @at, @key) RETURNING id
            """, new { userId = d.UserId, programme = d.Programme, cause = d.Cause, coins = d.Coins, at = Ms(d.At), key = d.Key }).ConfigureAwait(false);
        return d with { Id = id };
    }

    async Task<IReadOnlyList<CoinDonation>> IInclusionData.DonationsAsync(long userId, int take) =>
        [.. (await QueryAsync<DonationRow>($"{DonationSelect} WHERE user_id = @userId ORDER BY id DESC LIMIT @take", new { userId, take })
            .ConfigureAwait(false)).Select(r => r.ToDonation())];

    async Task<IReadOnlyList<CauseTotal>> IInclusionData.CauseTotalsAsync(string programme) =>
        [.. (await QueryAsync<CauseRow>("""
            SELECT cause AS Cause, COUNT(DISTINCT user_id) AS Donors, COUNT(*) AS Donations, CAST(SUM(coins) AS bigint) AS Coins
            FROM inclusion_donations WHERE programme = @programme GROUP BY cause ORDER BY cause
            """, new { programme }).ConfigureAwait(false)).Select(r => new CauseTotal(r.Cause, r.Donors, r.Donations, r.Coins))];

    async Task<InclusionPartner> IInclusionData.InsertPartnerAsync(InclusionPartner p)
    {
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO inclusion_partners (name, programme, behaviours, key_shown, key_hash, issued_at, issued_by, signing_key)
            VALUES (@name, @programme, @behaviours, @shown, @hash, @at, @by, @signingKey) RETURNING id
            """, new
        {
            name = p.Name,
            programme = p.Scope.Programme,
            behaviours = string.Join(',', p.Scope.Behaviours.Select(Behaviours.CodeOf)),
            shown = p.KeyShown,
            hash = p.KeyHash,
            at = Ms(p.IssuedAt),
            by = p.IssuedBy,
            signingKey = p.SigningKey,
        }).ConfigureAwait(false);
        return p with { Id = id };
    }

    async Task<InclusionPartner?> IInclusionData.PartnerByKeyAsync(string keyHash) =>
        (await QuerySingleOrDefaultAsync<PartnerRow>($"{PartnerSelect} WHERE key_hash = @keyHash", new { keyHash }).ConfigureAwait(false))?.ToPartner();

    async Task<IReadOnlyList<InclusionPartner>> IInclusionData.PartnersAsync() =>
        [.. (await QueryAsync<PartnerRow>($"{PartnerSelect} ORDER BY id DESC").ConfigureAwait(false)).Select(r => r.ToPartner())];

    async Task<bool> IInclusionData.RevokePartnerAsync(long id, DateTimeOffset at) => await ExecuteAsync(
        "UPDATE inclusion_partners SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL", new { id, at = Ms(at) }).ConfigureAwait(false) == 1;

    async Task<(long Deleted, bool More)> IInclusionData.DeleteEventsBeforeAsync(DateOnly firstKept, int limit)
    {
        var day = (long)firstKept.DayNumber;
        if (connection is not Npgsql.NpgsqlConnection)
        {
            var deleted = await ExecuteAsync("""
                DELETE FROM inclusion_events WHERE (source, event_id) IN (
                    SELECT source, event_id FROM inclusion_events WHERE day < @day LIMIT @limit)
                """, new { day, limit }).ConfigureAwait(false);
            return (deleted, deleted == limit);
        }
        // PostgreSQL drops every month wholly past the window at once (its partitions, migration 0039); the rest row by
        // row, and the keys of the events gone (migration 0057: one table, found by its BRIN index on day), at most
        // `limit` of each a run.
        var dropped = await ExecuteScalarAsync<long>("SELECT inclusion_events_drop_before(@day)", new { day }).ConfigureAwait(false);
        var rows = await ExecuteAsync("""
            DELETE FROM inclusion_events WHERE day < @day AND (source, event_id) IN (
                SELECT source, event_id FROM inclusion_events WHERE day < @day LIMIT @limit)
            """, new { day, limit }).ConfigureAwait(false);
        var keys = await ExecuteAsync("""
            DELETE FROM inclusion_event_keys WHERE ctid = ANY (ARRAY(SELECT ctid FROM inclusion_event_keys WHERE day < @day LIMIT @limit))
            """, new { day, limit }).ConfigureAwait(false);
        return (dropped + rows, rows == limit || keys == limit);
    }

    private sealed class MerchantRow
    {
        public long Id { get; set; }
        public string Programme { get; set; } = "";
        public long OrganisationId { get; set; }
        public string Name { get; set; } = "";
        public string Items { get; set; } = "";

        public Merchant ToMerchant() => new(Id, Programme, OrganisationId, Name, Items.Split(',', StringSplitOptions.RemoveEmptyEntries));
    }

    private sealed class VoucherRow
    {
        public long Id { get; set; }
        public string Programme { get; set; } = "";
        public string Item { get; set; } = "";
        public long Coins { get; set; }
        public string Code { get; set; } = "";
        public long? MerchantId { get; set; }
        public long? ConfirmedAt { get; set; }

        public Voucher ToVoucher() => new(Id, Programme, Item, Coins, Code, MerchantId, ConfirmedAt is { } c ? At(c) : null);
    }

    private sealed class DonationRow
    {
        public long Id { get; set; }
        public long UserId { get; set; }
        public string Programme { get; set; } = "";
        public string Cause { get; set; } = "";
        public long Coins { get; set; }
        public long At { get; set; }
        public string IdempotencyKey { get; set; } = "";

        public CoinDonation ToDonation() => new(Id, UserId, Programme, Cause, Coins, SqlSession.At(At), IdempotencyKey);
    }

    private sealed class CauseRow
    {
        public string Cause { get; set; } = "";
        public long Donors { get; set; }
        public long Donations { get; set; }
        public long Coins { get; set; }
    }

    private sealed class PartnerRow
    {
        public long Id { get; set; }
        public string Name { get; set; } = "";
        public string Programme { get; set; } = "";
        public string Behaviours { get; set; } = "";
        public string KeyShown { get; set; } = "";
        public string KeyHash { get; set; } = "";
        public long IssuedAt { get; set; }
        public string IssuedBy { get; set; } = "";
        public long? RevokedAt { get; set; }
        public string? SigningKey { get; set; }

        public InclusionPartner ToPartner() => new(Id, Name,
            new PartnerScope(Programme, [.. Behaviours.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(b => Domain.Inclusion.Behaviours.Find(b))
                .OfType<Behaviour>()]),
            KeyShown, KeyHash, At(IssuedAt), IssuedBy, RevokedAt is { } r ? At(r) : null, SigningKey);
    }
}
