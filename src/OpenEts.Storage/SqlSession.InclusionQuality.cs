using System.Globalization;
using OpenEts.Application.Inclusion;
using OpenEts.Application.Storage;

namespace OpenEts.Storage;

// The partners' quality dashboard (migration 0046): one counter per partner, programme, receipt day and outcome, added
// to by each batch in its own transaction with one statement (a row per outcome), read by day range.
internal sealed partial class SqlSession
{
    Task IInclusionData.AddQualityAsync(long partner, string programme, DateOnly day, IReadOnlyList<(string Outcome, long Events)> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count == 0)
        {
            return Task.CompletedTask;
        }
        var parameters = new Dapper.DynamicParameters(new { partner, programme, day = (long)day.DayNumber });
        var rows = new List<string>(counts.Count);
        for (var i = 0; i < counts.Count; i++)
        {
            parameters.Add(string.Create(CultureInfo.InvariantCulture, $"o{i}"), counts[i].Outcome);
            parameters.Add(string.Create(CultureInfo.InvariantCulture, $"e{i}"), counts[i].Events);
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"(@partner, @programme, @day, @o{i}, @e{i})"));
        }
        return ExecuteAsync($"""
            INSERT INTO inclusion_quality (partner, programme, day, outcome, events) VALUES {string.Join(", ", rows)}
            ON CONFLICT (partner, programme, day, outcome) DO UPDATE SET events = inclusion_quality.events + excluded.events
            """, parameters);
    }

    async Task<IReadOnlyList<QualityCount>> IInclusionData.QualityAsync(long? partner, string? programme, DateOnly from, DateOnly to) =>
        [.. (await QueryAsync<QualityRow>("""
            SELECT partner AS Partner, programme AS Programme, day AS Day, outcome AS Outcome, events AS Events FROM inclusion_quality
            WHERE day BETWEEN @from AND @to AND (@partner IS NULL OR partner = @partner) AND (@programme IS NULL OR programme = @programme)
            ORDER BY day, partner, programme, outcome
            """, new { partner, programme, from = (long)from.DayNumber, to = (long)to.DayNumber }).ConfigureAwait(false))
            .Select(r => new QualityCount(r.Partner, r.Programme, Day(r.Day), r.Outcome, r.Events))];

    private sealed class QualityRow
    {
        public long Partner { get; set; }
        public string Programme { get; set; } = "";
        public long Day { get; set; }
        public string Outcome { get; set; } = "";
        public long Events { get; set; }
    }
}
