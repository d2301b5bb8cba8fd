namespace OpenEts.Streaming.Inclusion;

/// <summary>
/// Where carbon inclusion's partner events go when ingestion runs through NATS JetStream: the stream, its subjects
/// (<c>inclusion.events.&lt;shard&gt;</c>, the shard drawn from the citizen, see <see cref="InclusionSubjects"/>), and how
/// workers read it.
/// </summary>
public sealed record InclusionStreamOptions
{
    /// <summary>The JetStream stream's name.</summary>
    public string Stream { get; init; } = "INCLUSION";

    /// <summary>The subjects' prefix; a shard's subject is the prefix, a dot and the shard number.</summary>
    public string SubjectPrefix { get; init; } = "inclusion.events";

    /// <summary>How many shards citizens are spread over. Fixed for the life of a stream: changing it moves citizens.</summary>
    public int Shards { get; init; } = 64;

    /// <summary>The durable pull consumer the workers share; a worker owning some shards uses its own name and <see cref="Filter"/>.</summary>
    public string Durable { get; init; } = "inclusion-quantify";

    /// <summary>The subjects the consumer reads: every shard by default, or one shard (<c>inclusion.events.7</c>).</summary>
    public string? Filter { get; init; }

    /// <summary>
    /// Actions applied in one transaction, in whole messages (at most <see cref="Application.Inclusion.InclusionLimits.MaxBatch"/>
    /// per partner; a fetch asks for a 25th as many messages, each holding up to a shard's share of a batch): the larger,
    /// the fewer journal entries and round trips per event, and the longer one transaction holds the writer.
    /// </summary>
    public int Batch { get; init; } = 10_000;

    /// <summary>An event not acknowledged this long after delivery is delivered again (its worker died or stalled).</summary>
    public TimeSpan AckWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A repeated event key within this window is dropped by JetStream itself; later repeats by the store's key.</summary>
    public TimeSpan DuplicateWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the stream keeps events (a replayable log; the store keeps the counted result).</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromDays(7);

    /// <summary>The subject of a shard.</summary>
    public string SubjectOf(int shard) => $"{SubjectPrefix}.{shard}";
}
