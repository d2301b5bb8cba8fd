using OpenEts.Application.Inclusion;
using OpenEts.Application.Storage;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Storage;

// A programme's sums over all its citizens (the public statistics): reads the (programme, day) index of the daily rows.
internal sealed partial class SqlSession
{
    async Task<IReadOnlyList<DailyRollup>> IInclusionData.ProgrammeDailyAsync(string programme, DateOnly from, DateOnly to) =>
        [.. (await QueryAsync<DailyRow>("""
            SELECT day AS Day, behaviour AS Behaviour, '' AS Source, CAST(SUM(actions) AS bigint) AS Actions,
                CAST(SUM(reduction_mg) AS bigint) AS ReductionMg, CAST(SUM(coins) AS bigint) AS Coins
            FROM inclusion_daily WHERE programme = @programme AND day BETWEEN @from AND @to
            GROUP BY day, behaviour ORDER BY day, behaviour
            """, new { programme, from = (long)from.DayNumber, to = (long)to.DayNumber }).ConfigureAwait(false)).Select(r => r.ToRollup())];

    async Task<IReadOnlyList<(DateTimeOffset At, long Coins)>> IInclusionData.ProgrammeRedemptionsAsync(string programme, DateOnly from) =>
        [.. (await QueryAsync<RedeemedRow>("SELECT at AS At, coins AS Coins FROM inclusion_redemptions WHERE programme = @programme AND at >= @since ORDER BY id",
            new { programme, since = Ms(new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8))) }).ConfigureAwait(false))
            .Select(r => (At(r.At), r.Coins))];

    async Task<(long Citizens, long Credited, long Redeemed, long Expired, CarbonGrams Reduction)> IInclusionData.ProgrammeWalletTotalsAsync(string programme)
    {
        var row = await QuerySingleOrDefaultAsync<WalletTotalRow>("""
            SELECT COUNT(*) AS Citizens, CAST(COALESCE(SUM(credited), 0) AS bigint) AS Credited, CAST(COALESCE(SUM(redeemed), 0) AS bigint) AS Redeemed,
                CAST(COALESCE(SUM(expired), 0) AS bigint) AS Expired, CAST(COALESCE(SUM(reduction_mg), 0) AS bigint) AS ReductionMg
            FROM inclusion_wallets WHERE programme = @programme
            """, new { programme }).ConfigureAwait(false);
        return row is null ? (0, 0, 0, 0, CarbonGrams.Zero)
            : (row.Citizens, row.Credited, row.Redeemed, row.Expired, CarbonGrams.FromMilligrams(row.ReductionMg));
    }

    async Task<CellCitizens> IInclusionData.ProgrammeCitizensAsync(string programme, DateOnly from, DateOnly to)
    {
        var range = new { programme, from = (long)from.DayNumber, to = (long)to.DayNumber };
        var byBehaviour = await QueryAsync<BehaviourCitizensRow>("""
            SELECT behaviour AS Behaviour, COUNT(DISTINCT user_id) AS Citizens
            FROM inclusion_daily WHERE programme = @programme AND day BETWEEN @from AND @to GROUP BY behaviour
            """, range).ConfigureAwait(false);
        var earners = await ExecuteScalarAsync<long>(
            "SELECT COUNT(DISTINCT user_id) FROM inclusion_daily WHERE programme = @programme AND day BETWEEN @from AND @to", range).ConfigureAwait(false);
        var beijing = TimeSpan.FromHours(8);
        var redeemers = await ExecuteScalarAsync<long>("""
            SELECT COUNT(DISTINCT user_id) FROM inclusion_redemptions WHERE programme = @programme AND at >= @since AND at < @until
            """, new
        {
            programme,
            since = Ms(new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), beijing)),
            until = Ms(new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), beijing)),
        }).ConfigureAwait(false);
        return new CellCitizens(byBehaviour.ToDictionary(r => Enum.Parse<Behaviour>(r.Behaviour), r => r.Citizens), earners, redeemers);
    }

    private sealed class BehaviourCitizensRow
    {
        public string Behaviour { get; set; } = "";
        public long Citizens { get; set; }
    }

    private sealed class RedeemedRow
    {
        public long At { get; set; }
        public long Coins { get; set; }
    }

    private sealed class WalletTotalRow
    {
        public long Citizens { get; set; }
        public long Credited { get; set; }
        public long Redeemed { get; set; }
        public long Expired { get; set; }
        public long ReductionMg { get; set; }
    }
}
