using System.Globalization;
using Npgsql;
using OpenEts.Application.Storage;
using OpenEts.Domain.Inclusion;
using OpenEts.Storage.Sqlite;

namespace OpenEts.Storage;

// Citizens' month totals and their rank (migrations 0061 and 0062): a rank adds the citizens of the bands above the citizen's (kept by
// the table's trigger) to those above them within their own band (one range of the rank index), so that it never counts
// the whole month.
internal sealed partial class SqlSession
{
    private const string CitizenMonthUpsert = """
        INSERT INTO inclusion_citizen_months (user_id, programme, month, reduction_mg) VALUES (@userId, @programme, @month, @reduction)
        ON CONFLICT (user_id, programme, month) DO UPDATE SET reduction_mg = inclusion_citizen_months.reduction_mg + excluded.reduction_mg
        """;

    private static readonly string[] CitizenMonthNames = ["userId", "programme", "month", "reduction"];

    Task IInclusionData.AddCitizenMonthsAsync(string programme, IReadOnlyList<(long UserId, DateOnly Month, CarbonGrams Add)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }
        return connection is NpgsqlConnection
            ? ExecuteAsync("""
                INSERT INTO inclusion_citizen_months (user_id, programme, month, reduction_mg)
                SELECT u, @programme, m, r FROM unnest(@users, @months, @reductions) AS t (u, m, r)
                ON CONFLICT (user_id, programme, month) DO UPDATE SET reduction_mg = inclusion_citizen_months.reduction_mg + excluded.reduction_mg
                """, new
            {
                programme,
                users = rows.Select(r => r.UserId).ToArray(),
                months = rows.Select(r => (long)r.Month.DayNumber).ToArray(),
                reductions = rows.Select(r => r.Add.Milligrams).ToArray(),
            })
            : ExecuteRowsAsync(CitizenMonthUpsert, rows, CitizenMonthNames, (r, p) =>
            {
                p.Set(0, r.UserId);
                p.Set(1, programme);
                p.Set(2, (long)r.Month.DayNumber);
                p.Set(3, r.Add.Milligrams);
            });
    }

    async Task<(CarbonGrams Reduction, long Above, long Citizens)?> IInclusionData.MonthRankAsync(long userId, string programme, DateOnly month)
    {
        var key = new { userId, programme, month = (long)month.DayNumber };
        var mine = await QuerySingleOrDefaultAsync<long?>("""
            SELECT reduction_mg FROM inclusion_citizen_months WHERE user_id = @userId AND programme = @programme AND month = @month
            """, key).ConfigureAwait(false);
        if (mine is not { } mg)
        {
            return null;
        }
        var (band, upper) = RankBand(mg);
        var row = await QuerySingleOrDefaultAsync<RankRow>("""
            SELECT
                (SELECT CAST(COALESCE(SUM(citizens), 0) AS bigint) FROM inclusion_rank_bands
                 WHERE programme = @programme AND month = @month AND band > @band) AS BandsAbove,
                (SELECT COUNT(*) FROM inclusion_citizen_months
                 WHERE programme = @programme AND month = @month AND reduction_mg > @mg AND reduction_mg < @upper) AS InBand,
                (SELECT CAST(COALESCE(SUM(citizens), 0) AS bigint) FROM inclusion_rank_bands
                 WHERE programme = @programme AND month = @month) AS Citizens
            """, new { programme, month = (long)month.DayNumber, band, mg, upper }).ConfigureAwait(false);
        return (CarbonGrams.FromMilligrams(mg), row!.BandsAbove + row.InBand, row.Citizens);
    }

    async Task<IReadOnlyList<(long UserId, CarbonGrams Reduction)>> IInclusionData.MonthTopAsync(string programme, DateOnly month, int take) =>
        [.. (await QueryAsync<TopRow>("""
            SELECT user_id AS UserId, reduction_mg AS ReductionMg FROM inclusion_citizen_months
            WHERE programme = @programme AND month = @month ORDER BY reduction_mg DESC, user_id DESC LIMIT @take
            """, new { programme, month = (long)month.DayNumber, take }).ConfigureAwait(false))
            .Select(r => (r.UserId, CarbonGrams.FromMilligrams(r.ReductionMg)))];

    /// <summary>
    /// A total's band as migration 0062's triggers compute it — its number of digits × 1000 plus its first three digits (a
    /// total of up to three digits is its own band) — and the least total above the band, so that a band is one range of
    /// the index no wider than a hundredth of its values.
    /// </summary>
    internal static (long Band, long Upper) RankBand(long milligrams)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(milligrams);
        var text = milligrams.ToString(CultureInfo.InvariantCulture);
        if (text.Length <= 3)
        {
            return ((text.Length * 1000) + milligrams, milligrams + 1);
        }
        var lead = long.Parse(text.AsSpan(0, 3), CultureInfo.InvariantCulture);
        var upper = (lead + 1) * (decimal)Math.Pow(10, text.Length - 3);
        return ((text.Length * 1000) + lead, upper > long.MaxValue ? long.MaxValue : (long)upper);
    }

    private sealed class RankRow
    {
        public long BandsAbove { get; set; }
        public long InBand { get; set; }
        public long Citizens { get; set; }
    }

    private sealed class TopRow
    {
        public long UserId { get; set; }
        public long ReductionMg { get; set; }
    }
}
