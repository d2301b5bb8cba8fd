using OpenEts.Application.Inclusion;
using OpenEts.Application.Storage;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Storage;

// A programme's sums over all its citizens (the public statistics): the sums kept as batches, redemptions and erasures
// are written (migration 0043), and the grouped count of the citizens behind any periods' cells over the daily rows.
internal sealed partial class SqlSession
{
    async Task<IReadOnlyList<DailyRollup>> IInclusionData.ProgrammeDailyAsync(string programme, DateOnly from, DateOnly to) =>
        [.. (await QueryAsync<DailyRow>("""
            SELECT day AS Day, behaviour AS Behaviour, '' AS Source, actions AS Actions, reduction_mg AS ReductionMg, coins AS Coins
            FROM inclusion_programme_daily WHERE programme = @programme AND day BETWEEN @from AND @to ORDER BY day, behaviour
            """, new { programme, from = (long)from.DayNumber, to = (long)to.DayNumber }).ConfigureAwait(false)).Select(r => r.ToRollup())];

    async Task<IReadOnlyList<(DateTimeOffset At, long Coins)>> IInclusionData.ProgrammeRedemptionsAsync(string programme, DateOnly from) =>
        [.. (await ((IInclusionData)this).ProgrammeMonthsAsync(programme, MonthCell.MonthOf(from), DateOnly.MaxValue).ConfigureAwait(false))
            .Where(c => c.Kind == MonthCellKind.Redeemers)
            .Select(c => (new DateTimeOffset(c.Month.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)), c.Coins))];

    async Task<(long Citizens, long Credited, long Redeemed, long Expired, CarbonGrams Reduction)> IInclusionData.ProgrammeWalletTotalsAsync(string programme)
    {
        var row = await QuerySingleOrDefaultAsync<WalletTotalRow>("""
            SELECT citizens AS Citizens, credited AS Credited, redeemed AS Redeemed, expired AS Expired, reduction_mg AS ReductionMg
            FROM inclusion_programme_totals WHERE programme = @programme
            """, new { programme }).ConfigureAwait(false);
        return row is null ? (0, 0, 0, 0, CarbonGrams.Zero)
            : (row.Citizens, row.Credited, row.Redeemed, row.Expired, CarbonGrams.FromMilligrams(row.ReductionMg));
    }

    Task IInclusionData.AddProgrammeDailyAsync(string programme, IReadOnlyList<DailyRollup> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        // One row per day and behaviour, however many citizens and sources the batch had.
        var sums = rows.GroupBy(r => (r.Day, r.Behaviour)).Select(g => (g.Key.Day, g.Key.Behaviour, Actions: g.Sum(r => r.Actions),
            Milligrams: g.Sum(r => r.Reduction.Milligrams), Coins: g.Sum(r => r.Coins))).ToList();
        return ExecuteAsync("""
            INSERT INTO inclusion_programme_daily (programme, day, behaviour, actions, reduction_mg, coins)
            VALUES (@programme, @day, @behaviour, @actions, @reduction, @coins)
            ON CONFLICT (programme, day, behaviour) DO UPDATE SET
                actions = inclusion_programme_daily.actions + excluded.actions,
                reduction_mg = inclusion_programme_daily.reduction_mg + excluded.reduction_mg,
                coins = inclusion_programme_daily.coins + excluded.coins
            """, sums.Select(r => new
        {
            programme, day = (long)r.Day.DayNumber, behaviour = BehaviourText(r.Behaviour), actions = r.Actions, reduction = r.Milligrams, coins = r.Coins,
        }));
    }

    Task IInclusionData.AddProgrammeTotalsAsync(ProgrammeTotals add)
    {
        ArgumentNullException.ThrowIfNull(add);
        return add.IsNone ? Task.CompletedTask : ExecuteAsync("""
            INSERT INTO inclusion_programme_totals (programme, citizens, credited, redeemed, expired, reduction_mg, actions, donated)
            VALUES (@Programme, @Citizens, @Credited, @Redeemed, @Expired, @reduction, @Actions, @Donated)
            ON CONFLICT (programme) DO UPDATE SET
                citizens = inclusion_programme_totals.citizens + excluded.citizens,
                credited = inclusion_programme_totals.credited + excluded.credited,
                redeemed = inclusion_programme_totals.redeemed + excluded.redeemed,
                expired = inclusion_programme_totals.expired + excluded.expired,
                reduction_mg = inclusion_programme_totals.reduction_mg + excluded.reduction_mg,
                actions = inclusion_programme_totals.actions + excluded.actions,
                donated = inclusion_programme_totals.donated + excluded.donated
            """, new { add.Programme, add.Citizens, add.Credited, add.Redeemed, add.Expired, reduction = add.Reduction.Milligrams, add.Actions, add.Donated });
    }

    async Task<IReadOnlyList<MonthCell>> IInclusionData.ProgrammeMonthsAsync(string programme, DateOnly from, DateOnly to) =>
        [.. (await QueryAsync<MonthCellRow>("""
            SELECT month AS Month, cell AS Cell, citizens AS Citizens, coins AS Coins FROM inclusion_programme_months
            WHERE programme = @programme AND month BETWEEN @from AND @to ORDER BY month, cell
            """, new { programme, from = (long)from.DayNumber, to = (long)to.DayNumber }).ConfigureAwait(false)).Select(r => r.ToCell())];

    Task IInclusionData.AddProgrammeMonthsAsync(string programme, IReadOnlyList<MonthCell> add)
    {
        ArgumentNullException.ThrowIfNull(add);
        return add.Count == 0 ? Task.CompletedTask : ExecuteAsync("""
            INSERT INTO inclusion_programme_months (programme, month, cell, citizens, coins) VALUES (@programme, @month, @cell, @citizens, @coins)
            ON CONFLICT (programme, month, cell) DO UPDATE SET
                citizens = inclusion_programme_months.citizens + excluded.citizens, coins = inclusion_programme_months.coins + excluded.coins
            """, add.Select(c => new { programme, month = (long)c.Month.DayNumber, cell = CellText(c), citizens = c.Citizens, coins = c.Coins }));
    }

    async Task<bool> IInclusionData.RedeemedInMonthAsync(long userId, string programme, DateOnly month)
    {
        var beijing = TimeSpan.FromHours(8);
        return await ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM (SELECT 1 FROM inclusion_redemptions
                WHERE user_id = @userId AND programme = @programme AND at >= @from AND at < @until LIMIT 1) AS r
            """, new
        {
            userId, programme,
            from = Ms(new DateTimeOffset(month.ToDateTime(TimeOnly.MinValue), beijing)),
            until = Ms(new DateTimeOffset(month.AddMonths(1).ToDateTime(TimeOnly.MinValue), beijing)),
        }).ConfigureAwait(false) > 0;
    }

    // A cell is stored by the behaviour's code, '*' for every earner and '+' for redeemers.
    private static string CellText(MonthCell cell) => cell.Kind switch
    {
        MonthCellKind.Behaviour => BehaviourText(cell.Behaviour),
        MonthCellKind.Earners => "*",
        MonthCellKind.Redeemers => "+",
        _ => throw new ArgumentOutOfRangeException(nameof(cell), cell.Kind, null),
    };

    private sealed class MonthCellRow
    {
        public long Month { get; set; }
        public string Cell { get; set; } = "";
        public long Citizens { get; set; }
        public long Coins { get; set; }

        public MonthCell ToCell() => Cell switch
        {
            "*" => new(Day(Month), MonthCellKind.Earners, default, Citizens, Coins),
            "+" => new(Day(Month), MonthCellKind.Redeemers, default, Citizens, Coins),
            _ => new(Day(Month), MonthCellKind.Behaviour, Enum.Parse<Behaviour>(Cell), Citizens, Coins),
        };
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
