using OpenEts.Application.Inclusion;
using OpenEts.Application.Storage;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Storage;

// Merchants' settlements in yuan (migration 0051): amounts as integer fen; a redemption's settlement_id is set once.
internal sealed partial class SqlSession
{
    private const string SettlementSelect = """
        SELECT id AS Id, merchant_id AS MerchantId, programme AS Programme, period_start AS PeriodStart, period_end AS PeriodEnd,
            redemptions AS Redemptions, coins AS Coins, amount_fen AS AmountFen, settled_at AS SettledAt, settled_by AS SettledBy
        FROM inclusion_settlements
        """;

    async Task<IReadOnlyList<(Voucher Voucher, bool Settled)>> IInclusionData.ConfirmedBetweenAsync(long merchantId, DateTimeOffset from,
        DateTimeOffset before) =>
        [.. (await QueryAsync<SettlingRow>("""
            SELECT id AS Id, programme AS Programme, item AS Item, coins AS Coins, code AS Code, merchant_id AS MerchantId,
                confirmed_at AS ConfirmedAt, settlement_id AS SettlementId
            FROM inclusion_redemptions
            WHERE merchant_id = @merchantId AND confirmed_at >= @from AND confirmed_at < @before
            ORDER BY confirmed_at, id
            """, new { merchantId, from = Ms(from), before = Ms(before) }).ConfigureAwait(false)).Select(r => (r.ToVoucher(), r.SettlementId is not null))];

    async Task<MerchantSettlement> IInclusionData.InsertSettlementAsync(MerchantSettlement s)
    {
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO inclusion_settlements (merchant_id, programme, period_start, period_end, redemptions, coins, amount_fen, settled_at, settled_by)
            VALUES (@merchantId, @programme, @start, @end, @redemptions, @coins, @fen, @at, @by) RETURNING id
            """, new
        {
            merchantId = s.MerchantId,
            programme = s.Programme,
            start = (long)s.PeriodStart.DayNumber,
            end = (long)s.PeriodEnd.DayNumber,
            redemptions = s.Redemptions,
            coins = s.Coins,
            fen = Fen(s.Yuan),
            at = Ms(s.SettledAt),
            by = s.SettledBy,
        }).ConfigureAwait(false);
        return s with { Id = id };
    }

    async Task<int> IInclusionData.MarkSettledAsync(long settlementId, IReadOnlyList<Settlement.Line> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var marked = 0;
        foreach (var line in lines)
        {
            marked += await ExecuteAsync(
                "UPDATE inclusion_redemptions SET settlement_id = @settlementId, settled_fen = @fen WHERE id = @id AND settlement_id IS NULL",
                new { settlementId, fen = Fen(line.Yuan), id = line.RedemptionId }).ConfigureAwait(false);
        }
        return marked;
    }

    async Task<IReadOnlyList<MerchantSettlement>> IInclusionData.SettlementsAsync(long merchantId) =>
        [.. (await QueryAsync<SettlementRow>($"{SettlementSelect} WHERE merchant_id = @merchantId ORDER BY id DESC", new { merchantId })
            .ConfigureAwait(false)).Select(r => r.ToSettlement())];

    async Task<MerchantSettlement?> IInclusionData.SettlementAsync(long id) =>
        (await QuerySingleOrDefaultAsync<SettlementRow>($"{SettlementSelect} WHERE id = @id", new { id }).ConfigureAwait(false))?.ToSettlement();

    async Task<IReadOnlyList<Settlement.Line>> IInclusionData.SettlementLinesAsync(long settlementId) =>
        [.. (await QueryAsync<SettledRow>("""
            SELECT id AS Id, item AS Item, coins AS Coins, confirmed_at AS ConfirmedAt, settled_fen AS SettledFen
            FROM inclusion_redemptions WHERE settlement_id = @settlementId ORDER BY confirmed_at, id
            """, new { settlementId }).ConfigureAwait(false)).Select(r => r.ToLine())];

    private static long Fen(decimal yuan) => decimal.Round(yuan, 2) == yuan
        ? checked((long)(yuan * 100m))
        : throw new ArgumentException($"{yuan} yuan is not whole fen", nameof(yuan));

    private sealed class SettlingRow
    {
        public long Id { get; set; }
        public string Programme { get; set; } = "";
        public string Item { get; set; } = "";
        public long Coins { get; set; }
        public string Code { get; set; } = "";
        public long? MerchantId { get; set; }
        public long? ConfirmedAt { get; set; }
        public long? SettlementId { get; set; }

        public Voucher ToVoucher() => new(Id, Programme, Item, Coins, Code, MerchantId, ConfirmedAt is { } c ? At(c) : null);
    }

    private sealed class SettlementRow
    {
        public long Id { get; set; }
        public long MerchantId { get; set; }
        public string Programme { get; set; } = "";
        public long PeriodStart { get; set; }
        public long PeriodEnd { get; set; }
        public long Redemptions { get; set; }
        public long Coins { get; set; }
        public long AmountFen { get; set; }
        public long SettledAt { get; set; }
        public string SettledBy { get; set; } = "";

        public MerchantSettlement ToSettlement() => new(Id, MerchantId, Programme, DateOnly.FromDayNumber((int)PeriodStart),
            DateOnly.FromDayNumber((int)PeriodEnd), Redemptions, Coins, AmountFen / 100m, At(SettledAt), SettledBy);
    }

    private sealed class SettledRow
    {
        public long Id { get; set; }
        public string Item { get; set; } = "";
        public long Coins { get; set; }
        public long ConfirmedAt { get; set; }
        public long SettledFen { get; set; }

        public Settlement.Line ToLine() => new(Id, Item, Coins, InclusionTime.DayOf(At(ConfirmedAt)), SettledFen / 100m / Coins, SettledFen / 100m);
    }
}
