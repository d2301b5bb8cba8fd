using OpenEts.Application.Inclusion;

namespace OpenEts.Application.Storage;

/// <summary>The verifier's samples of aggregations, and what drawing one and following an aggregation's trail read.</summary>
public partial interface IInclusionData
{
    /// <summary>The aggregation with this id, or null.</summary>
    Task<InclusionAggregation?> FindAggregationAsync(long id);

    /// <summary>The aggregation that filed this offsets monitoring report, or null.</summary>
    Task<InclusionAggregation?> FindAggregationByReportAsync(long report);

    /// <summary>
    /// A programme's counted events with a reduction still kept over a period (Beijing days, inclusive), by behaviour:
    /// those its aggregation filed, so never an action counted after the period was aggregated (<see cref="MarkLateAsync"/>).
    /// </summary>
    Task<IReadOnlyList<EventStratum>> CountedEventStrataAsync(string programme, DateOnly from, DateOnly to);

    /// <summary>
    /// Calls <paramref name="visit"/> with each counted event with a reduction of a programme over a period, in no stated
    /// order, streamed (the period's events are never held at once); as <see cref="CountedEventStrataAsync"/>, never a late one.
    /// </summary>
    Task ScanCountedEventsAsync(string programme, DateOnly from, DateOnly to, Action<InclusionEvent> visit);

    /// <summary>
    /// The daily sums by day and behaviour that an aggregation filed, as they stood when it was filed (kept by
    /// <see cref="IInclusionData.InsertAggregationAsync"/>): what its claim is made of, whatever was counted since.
    /// </summary>
    Task<IReadOnlyList<DailyBehaviourTotal>> AggregationDaysAsync(long aggregation);

    /// <summary>
    /// Names counted actions (source, event id) whose day lies in a period already aggregated by
    /// <paramref name="aggregation"/>: they keep their coins and stay in the period's public totals, but the aggregation's
    /// sample never draws them.
    /// </summary>
    Task MarkLateAsync(long aggregation, IReadOnlyList<(string Source, string EventId)> events);

    /// <summary>The sample of an aggregation, or null before it is drawn.</summary>
    Task<InclusionSample?> FindSampleAsync(long aggregation);

    /// <summary>Inserts a drawn sample and its events.</summary>
    Task InsertSampleAsync(InclusionSample sample, IReadOnlyList<SampledEvent> events);

    /// <summary>A sample's events by ordinal (<see cref="SampledEvent.UserId"/> not read).</summary>
    Task<IReadOnlyList<SampledEvent>> SampledEventsAsync(long aggregation);

    /// <summary>Writes a sampled event's finding, reason, time and verifier.</summary>
    Task RecordFindingAsync(SampledEvent sampled);

    /// <summary>Writes a sample's verification (time, projected unsupported and verified reductions).</summary>
    Task SaveSampleVerificationAsync(InclusionSample sample);
}
