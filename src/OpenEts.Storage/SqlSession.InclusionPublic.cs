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

    async Task<IReadOnlyList<CellCitizens>> IInclusionData.ProgrammeCitizensAsync(string programme, IReadOnlyList<(DateOnly From, DateOnly To)> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        if (periods.Count == 0)
        {
            return [];
        }
        // The periods as a table (i, first day, last day, and the Beijing-midnight bounds of the redemptions' instants),
        // and three distinct counts per period in one statement: by behaviour (kind 0), every earner (1), redeemers (2).
        var beijing = TimeSpan.FromHours(8);
        var parameters = new Dapper.DynamicParameters(new { programme });
        var rows = new List<string>(periods.Count);
        for (var i = 0; i < periods.Count; i++)
        {
            var (from, to) = periods[i];
            parameters.Add($"f{i}", (long)from.DayNumber);
            parameters.Add($"t{i}", (long)to.DayNumber);
            parameters.Add($"s{i}", Ms(new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), beijing)));
            parameters.Add($"u{i}", Ms(new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), beijing)));
            rows.Add(FormattableString.Invariant($"({i}, @f{i}, @t{i}, @s{i}, @u{i})"));
        }
        var counts = await QueryAsync<PeriodCitizensRow>($"""
            WITH p(i, f, t, s, u) AS (VALUES {string.Join(", ", rows)})
            SELECT p.i AS Period, 0 AS Kind, d.behaviour AS Behaviour, COUNT(DISTINCT d.user_id) AS Citizens
            FROM p JOIN inclusion_daily d ON d.programme = @programme AND d.day BETWEEN p.f AND p.t GROUP BY p.i, d.behaviour
            UNION ALL
            SELECT p.i, 1, '', COUNT(DISTINCT d.user_id)
            FROM p JOIN inclusion_daily d ON d.programme = @programme AND d.day BETWEEN p.f AND p.t GROUP BY p.i
            UNION ALL
            SELECT p.i, 2, '', COUNT(DISTINCT r.user_id)
            FROM p JOIN inclusion_redemptions r ON r.programme = @programme AND r.at >= p.s AND r.at < p.u GROUP BY p.i
            """, parameters).ConfigureAwait(false);
        var cells = new List<CellCitizens>(periods.Count);
        for (var i = 0; i < periods.Count; i++)
        {
            var mine = counts.Where(c => c.Period == i).ToList();
            cells.Add(new CellCitizens(mine.Where(c => c.Kind == 0).ToDictionary(c => Enum.Parse<Behaviour>(c.Behaviour), c => c.Citizens),
                mine.FirstOrDefault(c => c.Kind == 1)?.Citizens ?? 0, mine.FirstOrDefault(c => c.Kind == 2)?.Citizens ?? 0));
        }
        return cells;
    }

    private sealed class PeriodCitizensRow
    {
        public long Period { get; set; }
        public long Kind { get; set; }
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
