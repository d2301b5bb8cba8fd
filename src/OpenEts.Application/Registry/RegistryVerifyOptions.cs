namespace OpenEts.Application.Registry;

/// <summary>How <see cref="RegistryService.VerifyAsync(RegistryVerifyOptions, CancellationToken)"/> runs.</summary>
/// <param name="FromSnapshot">
/// Check only the tail after the newest snapshot that checks out: its chain from the snapshot's entry on, and its replay
/// from the snapshot's state. Fast; says nothing of the entries before the snapshot.
/// </param>
/// <param name="Resume">A checkpoint written by an earlier run (<paramref name="Checkpoint"/>) to continue from; null to start at entry 1.</param>
/// <param name="Progress">Told (entries checked, last entry) every <see cref="ProgressEvery"/> entries.</param>
/// <param name="Checkpoint">Given a checkpoint every <paramref name="CheckpointEvery"/> entries, to keep for a resume.</param>
/// <param name="CheckpointEvery">Entries between checkpoints.</param>
/// <param name="Parallel">
/// Check the whole journal with every core: the hash chain in segments, and the replay in segments from one snapshot to
/// the next (each from the state of the snapshot at its start, compared at its end with the next snapshot). Names the
/// same entries as the check in one stream; not with <paramref name="FromSnapshot"/>, <paramref name="Resume"/> or
/// <paramref name="Checkpoint"/>.
/// </param>
public sealed record RegistryVerifyOptions(
    bool FromSnapshot = false, byte[]? Resume = null, Action<long, long>? Progress = null, Action<byte[]>? Checkpoint = null,
    long CheckpointEvery = 1_000_000, bool Parallel = false)
{
    /// <summary>Segments replayed at once with <see cref="Parallel"/>: one per core.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Entries between two progress reports.</summary>
    public const int ProgressEvery = 50_000;
}
