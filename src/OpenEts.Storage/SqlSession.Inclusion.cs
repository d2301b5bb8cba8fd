using OpenEts.Application.Inclusion;
using OpenEts.Application.Storage;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Storage;

internal sealed partial class SqlSession : IInclusionData
{
    private const string EventColumns = """
        source AS Source, event_id AS EventId, user_id AS UserId, programme AS Programme, behaviour AS Behaviour, occurred_at AS OccurredAt,
        day AS Day, quantity_milli AS QuantityMilli, minutes_milli AS MinutesMilli, reduction_mg AS ReductionMg, coins AS Coins, refusal AS Refusal
        """;

    public IInclusionData Inclusion => this;

    private const string EventInsert = """
        INSERT INTO inclusion_events (source, event_id, user_id, programme, behaviour, occurred_at, day, quantity_milli, minutes_milli,
            reduction_mg, coins, refusal)
        VALUES (@source, @eventId, @userId, @programme, @behaviour, @occurredAt, @day, @quantity, @minutes, @reduction, @coins, @refusal)
        ON CONFLICT (source, event_id) DO NOTHING
        """;

    async Task<IReadOnlyList<DailyRollup>> IInclusionData.DailyAsync(long userId, string programme, DateOnly from, DateOnly to) =>
        [.. (await QueryAsync<DailyRow>("""
            SELECT day AS Day, behaviour AS Behaviour, source AS Source, actions AS Actions, reduction_mg AS ReductionMg, coins AS Coins,
                coins_cut AS CoinsCut
            FROM inclusion_daily WHERE user_id = @userId AND programme = @programme AND day BETWEEN @from AND @to
            ORDER BY day, behaviour, source
            """, new { userId, programme, from = (long)from.DayNumber, to = (long)to.DayNumber }).ConfigureAwait(false)).Select(r => r.ToRollup())];

    private const string DailyConflict = """
        ON CONFLICT (user_id, programme, day, behaviour, source) DO UPDATE SET
            actions = inclusion_daily.actions + excluded.actions,
            reduction_mg = inclusion_daily.reduction_mg + excluded.reduction_mg,
            coins = inclusion_daily.coins + excluded.coins,
            coins_cut = inclusion_daily.coins_cut + excluded.coins_cut
        """;

    private const string DailyNew = """
        INSERT INTO inclusion_daily (user_id, programme, day, behaviour, source, actions, reduction_mg, coins, coins_cut)
        VALUES (@userId, @programme, @day, @behaviour, @source, @actions, @reduction, @coins, @coinsCut)
        """;

    private const string DailyInsert = $"""
        {DailyNew}
        {DailyConflict}
        """;

    Task IInclusionData.AddDailyAsync(long userId, string programme, DailyRollup add) => ExecuteAsync(DailyInsert, DailyParameters(userId, programme, add));

    private static object DailyParameters(long userId, string programme, DailyRollup add) => new
    {
        userId,
        programme,
        day = (long)add.Day.DayNumber,
        behaviour = add.Behaviour.ToString(),
        source = add.Source,
        actions = add.Actions,
        reduction = add.Reduction.Milligrams,
        coins = add.Coins,
        coinsCut = add.CoinsCut,
    };

    async Task<IReadOnlyList<CoinLot>> IInclusionData.LotsAsync(long userId, string programme, DateOnly since) =>
        [.. (await QueryAsync<LotRow>("""
            SELECT earned AS Earned, available_on AS AvailableOn, expires_on AS ExpiresOn, credited AS Credited, remaining AS Remaining
            FROM inclusion_coin_lots WHERE user_id = @userId AND programme = @programme AND (remaining > 0 OR earned >= @since)
            ORDER BY earned
            """, new { userId, programme, since = (long)since.DayNumber }).ConfigureAwait(false)).Select(r => r.ToLot())];

    private const string LotConflict = """
        ON CONFLICT (user_id, programme, earned) DO UPDATE SET
            available_on = excluded.available_on, expires_on = excluded.expires_on, credited = excluded.credited, remaining = excluded.remaining
        """;

    private const string LotNew = """
        INSERT INTO inclusion_coin_lots (user_id, programme, earned, available_on, expires_on, credited, remaining)
        VALUES (@userId, @programme, @earned, @availableOn, @expiresOn, @credited, @remaining)
        """;

    private const string LotInsert = $"""
        {LotNew}
        {LotConflict}
        """;

    Task IInclusionData.SaveLotsAsync(long userId, string programme, IEnumerable<CoinLot> lots) =>
        ExecuteAsync(LotInsert, lots.Select(lot => LotParameters(userId, programme, lot)));

    private static object LotParameters(long userId, string programme, CoinLot lot) => new
    {
        userId,
        programme,
        earned = (long)lot.Earned.DayNumber,
        availableOn = (long)lot.AvailableOn.DayNumber,
        expiresOn = lot.ExpiresOn is { } e ? e.DayNumber : (long?)null,
        credited = lot.Credited,
        remaining = lot.Remaining,
    };

    async Task<InclusionWallet?> IInclusionData.WalletAsync(long userId, string programme) =>
        (await QuerySingleOrDefaultAsync<WalletRow>($"{WalletSelect} WHERE user_id = @userId AND programme = @programme",
            new { userId, programme }).ConfigureAwait(false))?.ToWallet();

    async Task<IReadOnlyList<InclusionWallet>> IInclusionData.WalletsAsync(long userId) =>
        [.. (await QueryAsync<WalletRow>($"{WalletSelect} WHERE user_id = @userId ORDER BY programme", new { userId }).ConfigureAwait(false))
            .Select(r => r.ToWallet())];

    private const string WalletSelect = """
        SELECT user_id AS UserId, programme AS Programme, credited AS Credited, redeemed AS Redeemed, expired AS Expired,
            reduction_mg AS ReductionMg, actions AS Actions, donated AS Donated FROM inclusion_wallets
        """;

    private const string WalletConflict = """
        ON CONFLICT (user_id, programme) DO UPDATE SET credited = excluded.credited, redeemed = excluded.redeemed,
            expired = excluded.expired, reduction_mg = excluded.reduction_mg, actions = excluded.actions, donated = excluded.donated
        """;

    private const string WalletNew = """
        INSERT INTO inclusion_wallets (user_id, programme, credited, redeemed, expired, reduction_mg, actions, donated)
        VALUES (@userId, @programme, @credited, @redeemed, @expired, @reduction, @actions, @donated)
        """;

    private const string WalletInsert = $"""
        {WalletNew}
        {WalletConflict}
        """;

    Task IInclusionData.SaveWalletAsync(InclusionWallet wallet) => ExecuteAsync(WalletInsert, WalletParameters(wallet));

    private static object WalletParameters(InclusionWallet wallet) => new
    {
        userId = wallet.UserId,
        programme = wallet.Programme,
        credited = wallet.Credited,
        redeemed = wallet.Redeemed,
        expired = wallet.Expired,
        reduction = wallet.Reduction.Milligrams,
        actions = wallet.Actions,
        donated = wallet.Donated,
    };

    private const string RedemptionSelect = """
        SELECT id AS Id, user_id AS UserId, programme AS Programme, item AS Item, coins AS Coins, at AS At, code AS Code,
            idempotency_key AS IdempotencyKey, merchant_id AS MerchantId, confirmed_at AS ConfirmedAt FROM inclusion_redemptions
        """;

    async Task<CoinRedemption?> IInclusionData.FindRedemptionAsync(string key) =>
        (await QuerySingleOrDefaultAsync<RedemptionRow>($"{RedemptionSelect} WHERE idempotency_key = @key", new { key }).ConfigureAwait(false))
            ?.ToRedemption();

    async Task<CoinRedemption> IInclusionData.InsertRedemptionAsync(CoinRedemption r)
    {
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO inclusion_redemptions (user_id, programme, item, coins, at, code, idempotency_key)
            VALUES (@userId, @programme, @item, @coins, @at, @code, @key) RETURNING id
            """, new { userId = r.UserId, programme = r.Programme, item = r.Item, coins = r.Coins, at = Ms(r.At), code = r.Code, key = r.Key })
            .ConfigureAwait(false);
        return r with { Id = id };
    }

    async Task<IReadOnlyList<CoinRedemption>> IInclusionData.RedemptionsAsync(long userId, int take) =>
        [.. (await QueryAsync<RedemptionRow>($"{RedemptionSelect} WHERE user_id = @userId ORDER BY id DESC LIMIT @take", new { userId, take })
            .ConfigureAwait(false)).Select(r => r.ToRedemption())];

    async Task<IReadOnlyList<InclusionEvent>> IInclusionData.RecentEventsAsync(long userId, int take) =>
        [.. (await QueryAsync<EventRow>($"SELECT {EventColumns} FROM inclusion_events WHERE user_id = @userId ORDER BY occurred_at DESC LIMIT @take",
            new { userId, take }).ConfigureAwait(false)).Select(r => r.ToEvent())];

    async Task<IReadOnlyList<BehaviourTotal>> IInclusionData.PeriodTotalsAsync(string programme, DateOnly from, DateOnly to) =>
        [.. (await QueryAsync<TotalRow>("""
            SELECT behaviour AS Behaviour, CAST(SUM(actions) AS bigint) AS Actions, CAST(SUM(reduction_mg) AS bigint) AS ReductionMg,
                CAST(SUM(coins) AS bigint) AS Coins,
                COUNT(DISTINCT user_id) AS Citizens
            FROM inclusion_daily WHERE programme = @programme AND day BETWEEN @from AND @to
            GROUP BY behaviour ORDER BY behaviour
            """, new { programme, from = (long)from.DayNumber, to = (long)to.DayNumber }).ConfigureAwait(false))
            .Select(r => new BehaviourTotal(Enum.Parse<Behaviour>(r.Behaviour), r.Actions, CarbonGrams.FromMilligrams(r.ReductionMg), r.Coins, r.Citizens))];

    async Task<long> IInclusionData.PeriodCitizensAsync(string programme, DateOnly from, DateOnly to) =>
        await ExecuteScalarAsync<long>("""
            SELECT COUNT(DISTINCT user_id) FROM inclusion_daily WHERE programme = @programme AND day BETWEEN @from AND @to
            """, new { programme, from = (long)from.DayNumber, to = (long)to.DayNumber }).ConfigureAwait(false);

    async Task<IReadOnlyList<InclusionAggregation>> IInclusionData.AggregationsAsync(string programme) =>
        [.. (await QueryAsync<AggregationRow>($"{AggregationSelect} WHERE programme = @programme ORDER BY period_start", new { programme })
            .ConfigureAwait(false)).Select(r => r.ToAggregation())];

    async Task<InclusionAggregation> IInclusionData.InsertAggregationAsync(InclusionAggregation a)
    {
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO inclusion_aggregations (programme, period_start, period_end, reduction_mg, actions, claimed_kg, phcer_project, report_id, at, by_user,
                citizens)
            VALUES (@programme, @start, @end, @reduction, @actions, @claimedKg, @project, @report, @at, @by, @citizens) RETURNING id
            """, new
        {
            programme = a.Programme,
            start = (long)a.PeriodStart.DayNumber,
            end = (long)a.PeriodEnd.DayNumber,
            reduction = a.Reduction.Milligrams,
            actions = a.Actions,
            citizens = a.Citizens,
            claimedKg = (long)(a.ClaimedTonnes * 1000m),
            project = a.PhcerProject,
            report = a.Report,
            at = Ms(a.At),
            by = a.By,
        }).ConfigureAwait(false);
        // The daily sums the claim is made of, kept as filed: the sample and the trail read these, not the period's
        // sums as they stand later (an action counted afterwards on one of its days is left out of PHCER).
        await ExecuteAsync("""
            INSERT INTO inclusion_aggregation_days (aggregation_id, day, behaviour, actions, reduction_mg, citizens)
            SELECT @id, day, behaviour, SUM(actions), SUM(reduction_mg), COUNT(DISTINCT user_id)
            FROM inclusion_daily WHERE programme = @programme AND day BETWEEN @start AND @end
            GROUP BY day, behaviour
            """, new { id, programme = a.Programme, start = (long)a.PeriodStart.DayNumber, end = (long)a.PeriodEnd.DayNumber }).ConfigureAwait(false);
        return a with { Id = id };
    }

    private static long Milli(decimal value) => checked((long)decimal.Round(value * 1000m, 0, MidpointRounding.ToZero));

    private static DateOnly Day(long dayNumber) => DateOnly.FromDayNumber(checked((int)dayNumber));

    private sealed class DailyRow
    {
        public long UserId { get; set; }
        public long Day { get; set; }
        public string Behaviour { get; set; } = "";
        public string Source { get; set; } = "";
        public long Actions { get; set; }
        public long ReductionMg { get; set; }
        public long Coins { get; set; }
        public long CoinsCut { get; set; }

        public DailyRollup ToRollup() => new(SqlSession.Day(Day), Enum.Parse<Behaviour>(Behaviour), Source, Actions,
            CarbonGrams.FromMilligrams(ReductionMg), Coins, CoinsCut);
    }

    private sealed class LotRow
    {
        public long UserId { get; set; }
        public long Earned { get; set; }
        public long AvailableOn { get; set; }
        public long? ExpiresOn { get; set; }
        public long Credited { get; set; }
        public long Remaining { get; set; }

        public CoinLot ToLot() => new(Day(Earned), Day(AvailableOn), ExpiresOn is { } e ? Day(e) : null, Credited, Remaining);
    }

    private sealed class WalletRow
    {
        public long UserId { get; set; }
        public string Programme { get; set; } = "";
        public long Credited { get; set; }
        public long Redeemed { get; set; }
        public long Expired { get; set; }
        public long ReductionMg { get; set; }
        public long Actions { get; set; }

        public long Donated { get; set; }

        public InclusionWallet ToWallet() => new(UserId, Programme, Credited, Redeemed, Expired, CarbonGrams.FromMilligrams(ReductionMg), Actions, Donated);
    }

    private sealed class RedemptionRow
    {
        public long Id { get; set; }
        public long UserId { get; set; }
        public string Programme { get; set; } = "";
        public string Item { get; set; } = "";
        public long Coins { get; set; }
        public long At { get; set; }
        public string Code { get; set; } = "";
        public string IdempotencyKey { get; set; } = "";

        public long? MerchantId { get; set; }
        public long? ConfirmedAt { get; set; }

        public CoinRedemption ToRedemption() => new(Id, UserId, Programme, Item, Coins, SqlSession.At(At), Code, IdempotencyKey, MerchantId,
            ConfirmedAt is { } c ? SqlSession.At(c) : null);
    }

    private sealed class EventRow
    {
        public string Source { get; set; } = "";
        public string EventId { get; set; } = "";
        public long UserId { get; set; }
        public string Programme { get; set; } = "";
        public string Behaviour { get; set; } = "";
        public long OccurredAt { get; set; }
        public long Day { get; set; }
        public long QuantityMilli { get; set; }
        public long? MinutesMilli { get; set; }
        public long ReductionMg { get; set; }
        public long Coins { get; set; }
        public string? Refusal { get; set; }

        public InclusionEvent ToEvent() => new(Source, EventId, UserId, Programme, Enum.Parse<Behaviour>(Behaviour), At(OccurredAt), SqlSession.Day(Day),
            QuantityMilli / 1000m, MinutesMilli is { } m ? m / 1000m : null, CarbonGrams.FromMilligrams(ReductionMg), Coins, Refusal);
    }

    private sealed class TotalRow
    {
        public string Behaviour { get; set; } = "";
        public long Actions { get; set; }
        public long ReductionMg { get; set; }
        public long Coins { get; set; }
        public long Citizens { get; set; }
    }

    private sealed class AggregationRow
    {
        public long Id { get; set; }
        public string Programme { get; set; } = "";
        public long PeriodStart { get; set; }
        public long PeriodEnd { get; set; }
        public long ReductionMg { get; set; }
        public long Actions { get; set; }
        public long ClaimedKg { get; set; }
        public string PhcerProject { get; set; } = "";
        public long ReportId { get; set; }
        public long At { get; set; }
        public string ByUser { get; set; } = "";
        public long Citizens { get; set; }

        public InclusionAggregation ToAggregation() => new(Id, Programme, Day(PeriodStart), Day(PeriodEnd), CarbonGrams.FromMilligrams(ReductionMg),
            Actions, ClaimedKg / 1000m, PhcerProject, ReportId, SqlSession.At(At), ByUser) { Citizens = Citizens };
    }
}
